import { analyzeContract, type AnalyzeOptions, type ContractAnalysis } from '../analyze.js';
import { applyEdits } from '../edits/applyEdits.js';
import { safeFixEdits } from './safeFixEdits.js';

export interface FixAllResult extends ContractAnalysis {
  readonly text: string;
  /** How many edits were applied, over every round. */
  readonly applied: number;
}

/**
 * Applies safe fixes until none is left (a fix can reveal another, e.g. a
 * renumbered clause makes a reference stale). Bounded so it always ends. The
 * model and problems of the final text come back with it, so callers need not
 * check it again to say what remains.
 */
export function fixAll(text: string, options: Omit<AnalyzeOptions, 'previous'> = {}, maxRounds = 5): FixAllResult {
  let current = text;
  let applied = 0;
  let analysis = analyzeContract(current, options);
  for (let round = 0; round < maxRounds; round++) {
    const edits = safeFixEdits(analysis.problems);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
    applied += edits.length;
    analysis = analyzeContract(current, options);
  }
  return { ...analysis, text: current, applied };
}
