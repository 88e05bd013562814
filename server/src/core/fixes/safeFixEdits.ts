import type { Fix, Problem, TextEdit } from '../model.js';

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
    if (
      fix.edits.some((e) =>
        chosen.some(
          (c) =>
            (e.span.start < c.span.end && c.span.start < e.span.end) ||
            (e.span.start === e.span.end && e.span.start === c.span.start && c.span.start === c.span.end),
        ),
      )
    )
      continue;
    seen.add(key);
    chosen.push(...fix.edits);
  }
  return chosen;
}
