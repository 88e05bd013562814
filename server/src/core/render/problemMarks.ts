import type { Problem } from '../model.js';

/**
 * Checks whose problems are the gaps themselves: the gap is already shown and
 * counted, so marking or counting it again would say the same thing twice.
 */
const GAP_CHECKS = new Set(['unfilled-blank', 'unfilled-field']);

/** The problems a reader is shown and counted: errors and warnings, not the gap reports. */
export function visibleProblems(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => (p.severity === 'error' || p.severity === 'warning') && !GAP_CHECKS.has(p.checkId));
}

/** A text node of the rendered tree with the original range it was read from. */
export interface TextRun {
  /** The node's start in the substituted source: unique among text nodes, so it names the node. */
  readonly key: number;
  readonly start: number;
  readonly end: number;
}

/** A problem with the original range its mark covers. */
export interface PlacedProblem {
  readonly problem: Problem;
  readonly start: number;
  readonly end: number;
}

/**
 * Gives each problem to the first text run it touches, so a problem that spans
 * structure (a whole clause, a list) is marked once, where it starts. A problem
 * on markup alone (a list marker, `##`) marks the text that follows it on its
 * line. Problems near no text (front matter, a link address) come back as `unanchored`.
 *
 * @param text the original document, to tell whether a run is on the problem's line
 */
export function anchorProblems(
  runs: readonly TextRun[],
  problems: readonly Problem[],
  text: string,
): { byRun: Map<number, PlacedProblem[]>; unanchored: Problem[] } {
  const sorted = [...runs].sort((a, b) => a.start - b.start);
  const byRun = new Map<number, PlacedProblem[]>();
  const unanchored: Problem[] = [];
  for (const problem of problems) {
    const start = problem.span.start;
    const end = Math.max(problem.span.end, start + 1);
    const run = firstRunEndingAfter(sorted, start);
    let placed: PlacedProblem | undefined;
    if (run !== undefined && run.start < end) placed = { problem, start, end };
    else if (run !== undefined && !/[\r\n]/.test(text.slice(end, run.start))) placed = { problem, start: run.start, end: lineEnd(text, run.start, run.end) };
    if (placed === undefined) {
      unanchored.push(problem);
      continue;
    }
    const list = byRun.get(run!.key);
    if (list) list.push(placed);
    else byRun.set(run!.key, [placed]);
  }
  return { byRun, unanchored };
}

function lineEnd(text: string, from: number, limit: number): number {
  let at = from;
  while (at < limit && text[at] !== '\n' && text[at] !== '\r') at++;
  return Math.max(at, from + 1);
}

function firstRunEndingAfter(runs: readonly TextRun[], offset: number): TextRun | undefined {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (runs[mid]!.end > offset) high = mid;
    else low = mid + 1;
  }
  // Runs are disjoint in the source, so ends rise with starts; skip empty runs.
  for (let i = low; i < runs.length; i++) if (runs[i]!.end > runs[i]!.start) return runs[i];
  return undefined;
}
