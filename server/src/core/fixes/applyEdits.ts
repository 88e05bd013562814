import type { Fix, Problem, TextEdit } from '../checks/types.js';

/**
 * Applies non-overlapping edits to `text`; every offset refers to the text as
 * given, and everything outside the edited spans is kept byte for byte.
 * Overlapping edits are refused rather than guessed at.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.span.start < sorted[i - 1]!.span.end) throw new RangeError('overlapping edits');
  }
  // One pass over the text: slicing the whole result once per edit made a
  // thousand renumbered clauses in a 4 MB file take a minute.
  const pieces: string[] = [];
  let from = 0;
  for (const { span, newText } of sorted) {
    if (span.start < 0 || span.end > text.length || span.start > span.end) throw new RangeError('edit outside the text');
    pieces.push(text.slice(from, span.start), newText);
    from = span.end;
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}

/**
 * Chooses the safe fixes of `problems` that can be applied together: one fix
 * per problem, identical fixes once, and none whose edits overlap an earlier one.
 */
export function safeFixEdits(problems: readonly Problem[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    const fix: Fix | undefined = problem.fixes.find((f) => f.safe);
    if (!fix) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    if (fix.edits.some((e) => chosen.some((c) => e.span.start < c.span.end && c.span.start < e.span.end || (e.span.start === e.span.end && e.span.start === c.span.start && c.span.start === c.span.end)))) continue;
    seen.add(key);
    chosen.push(...fix.edits);
  }
  return chosen;
}
