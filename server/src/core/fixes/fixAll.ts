import { analyzeContract, type AnalyzeOptions, type ContractAnalysis } from '../analyze.js';
import { applyEdits } from '../edits/applyEdits.js';
import { safeFixEdits } from './safeFixEdits.js';
import type { TextEdit } from '../model.js';
import type { TextChange } from '../parse/incremental.js';

/**
 * A round of a few fixes reparses only the blocks they touch; past this many
 * edits (a whole document renumbered) one full parse costs less than moving
 * every later block once per edit.
 */
const INCREMENTAL_EDITS = 16;

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
    const previous = { doc: analysis.doc, changes: asChanges(edits) };
    current = applyEdits(current, edits);
    applied += edits.length;
    analysis = analyzeContract(current, { ...options, previous: edits.length <= INCREMENTAL_EDITS ? previous : undefined });
  }
  return { ...analysis, text: current, applied };
}

/** Non-overlapping edits as changes applied one after another: last first, so each offset still holds. */
function asChanges(edits: readonly TextEdit[]): TextChange[] {
  return [...edits]
    .sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end)
    .map((edit) => ({ start: edit.span.start, end: edit.span.end, text: edit.newText }));
}
