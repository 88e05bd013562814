import type { ContractDocument, Problem, Span } from '../model.js';
import { listGaps } from '../gaps.js';
import { visibleProblems } from '../render/problemMarks.js';
import { t } from './messages.js';

/**
 * "N gaps · M problems", for the title line (the first heading of the body,
 * else the front matter's `title:`, else the start). Problems are counted as
 * the preview counts them: errors and warnings, not the gaps again.
 */
export function gapSummary(doc: ContractDocument, problems: readonly Problem[]): { readonly line: Span; readonly title: string } {
  const { locale } = doc;
  const gaps = listGaps(doc).length;
  const shown = visibleProblems(problems).length;
  const title = `${t(locale, gaps === 1 ? 'gapsOne' : 'gapsMany', { count: gaps })} · ${t(locale, shown === 1 ? 'problemsOne' : 'problemsMany', { count: shown })}`;
  const heading = doc.blocks.find((b) => b.type === 'heading');
  const offset = heading?.span.start ?? doc.meta.titleSpan?.start ?? 0;
  // The whole title line, where the lens sits.
  let start = offset;
  while (start > 0 && doc.text[start - 1] !== '\n' && doc.text[start - 1] !== '\r') start--;
  const lineBreak = /[\r\n]/g;
  lineBreak.lastIndex = offset;
  return { line: { start, end: lineBreak.exec(doc.text)?.index ?? doc.text.length }, title };
}
