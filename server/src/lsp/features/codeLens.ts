/**
 * One lens on the title line: how many gaps are left and how many problems
 * were found, opening the client's gap list when it has the command.
 */
import type { CodeLens } from 'vscode-languageserver';
import { listGaps, visibleProblems } from '../../core/index.js';
import { SHOW_GAPS_COMMAND } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { t } from '../messages.js';

export function codeLenses(analysis: Analysis): CodeLens[] {
  const { doc, document, locale } = analysis;
  const gaps = listGaps(doc).length;
  // Counted as the preview counts them: errors and warnings, not the gaps again.
  const problems = visibleProblems(analysis.problems).length;
  const line = document.positionAt(titleOffset(analysis)).line;
  const lineEnd = document.offsetAt({ line: line + 1, character: 0 }) - document.offsetAt({ line, character: 0 });
  const gapsText = t(locale, gaps === 1 ? 'gapsOne' : 'gapsMany', { count: gaps });
  const problemsText = t(locale, problems === 1 ? 'problemsOne' : 'problemsMany', { count: problems });
  const title = `${gapsText} · ${problemsText}`;
  return [
    {
      range: { start: { line, character: 0 }, end: { line, character: Math.max(0, lineEnd) } },
      command: { title, command: SHOW_GAPS_COMMAND, arguments: [analysis.uri] },
    },
  ];
}

/** The first heading of the body, else the front matter's `title:`, else the start. */
function titleOffset(analysis: Analysis): number {
  const { doc } = analysis;
  const heading = doc.blocks.find((b) => b.type === 'heading');
  if (heading) return heading.span.start;
  return doc.meta.titleSpan?.start ?? 0;
}
