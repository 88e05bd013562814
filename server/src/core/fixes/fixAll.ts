import type { ParseOptions } from '../parse/parseContract.js';
import { parseContract } from '../parse/parseContract.js';
import { runChecks, type CheckConfig } from '../checks/runChecks.js';
import { applyEdits, safeFixEdits } from './applyEdits.js';

/**
 * Applies safe fixes until none is left (a fix can reveal another, e.g. a
 * renumbered clause makes a reference stale). Bounded so it always ends.
 */
export function fixAll(text: string, config: CheckConfig = {}, options: ParseOptions = {}, maxRounds = 5): { text: string; applied: number } {
  let current = text;
  let applied = 0;
  for (let round = 0; round < maxRounds; round++) {
    const problems = runChecks(parseContract(current, options), config);
    const edits = safeFixEdits(problems);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
    applied += edits.length;
  }
  return { text: current, applied };
}
