import type { CodeLens } from 'vscode-languageserver';
import { gapSummary } from '../../core/index.js';
import { SHOW_GAPS_COMMAND } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { perAnalysis } from '../perAnalysis.js';

/** One lens on the title line, opening the client's gap list when it has the command. */
export const codeLenses = perAnalysis((analysis: Analysis): CodeLens[] => {
  const { document } = analysis;
  const { offset, title } = gapSummary(analysis.doc, analysis.problems);
  const line = document.positionAt(offset).line;
  const lineEnd = document.offsetAt({ line: line + 1, character: 0 }) - document.offsetAt({ line, character: 0 });
  return [
    {
      range: { start: { line, character: 0 }, end: { line, character: Math.max(0, lineEnd) } },
      command: { title, command: SHOW_GAPS_COMMAND, arguments: [analysis.uri] },
    },
  ];
});
