import type { CodeLens } from 'vscode-languageserver';
import { gapSummary, isEmptyContract, STARTERS } from '../../core/index.js';
import { NEW_CONTRACT_COMMAND, SHOW_GAPS_COMMAND } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { rangeOf } from '../convert.js';
import { perAnalysis } from '../perAnalysis.js';

/**
 * One lens on the title line, opening the client's gap list when it has the
 * command; on an empty contract, one per New Contract template instead.
 */
export const codeLenses = perAnalysis((analysis: Analysis): CodeLens[] => {
  if (isEmptyContract(analysis.doc)) {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return STARTERS.map((s) => ({ range, command: { title: s.label, command: NEW_CONTRACT_COMMAND, arguments: [s.locale, s.size] } }));
  }
  const { line, title } = gapSummary(analysis.doc, analysis.problems);
  return [{ range: rangeOf(analysis.document, line), command: { title, command: SHOW_GAPS_COMMAND, arguments: [analysis.uri] } }];
});
