/**
 * Shared by the acceptance tests: check a text, list what was reported with
 * LSP positions, and fill an agreement's gaps in order using the spans the
 * checker itself reports, so filled and planted variants are built at run time
 * (the reference agreement is read from outside the project, never stored).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineIndex, parseContract, runChecks, type Problem } from '../../../server/src/core/index.js';

export function readProjectFile(path: string): string {
  return readFileSync(resolve(path), 'utf8');
}

export function readJsonList(path: string): string[] {
  const list: unknown = JSON.parse(readProjectFile(path));
  if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) throw new Error(`${path} is not a list of strings`);
  return list;
}

/** A problem as a user sees it: id, severity, zero-based line and UTF-16 character, the text it marks. */
export interface Reported {
  readonly id: string;
  readonly severity: Problem['severity'];
  readonly line: number;
  readonly character: number;
  readonly text: string;
  readonly problem: Problem;
}

export function check(text: string): Reported[] {
  const lines = new LineIndex(text);
  return runChecks(parseContract(text)).map((problem) => {
    const { line, character } = lines.positionAt(problem.span.start);
    return { id: problem.checkId, severity: problem.severity, line, character, text: text.slice(problem.span.start, problem.span.end), problem };
  });
}

/** Warnings and errors: what a drafter must act on. */
export function actionable(reported: readonly Reported[]): Reported[] {
  return reported.filter((r) => r.severity === 'error' || r.severity === 'warning');
}

const GAP_CHECKS = new Set(['unfilled-blank', 'unfilled-field']);

/**
 * Replaces the text's gaps, in document order, by `values`. Throws unless
 * there is exactly one value per gap, so a fixture cannot drift silently.
 */
export function fillGaps(text: string, values: readonly string[]): string {
  const gaps = runChecks(parseContract(text))
    .filter((p) => GAP_CHECKS.has(p.checkId))
    .map((p) => p.span)
    .sort((a, b) => a.start - b.start);
  if (gaps.length !== values.length) throw new Error(`${gaps.length} gaps but ${values.length} values`);
  let filled = '';
  let at = 0;
  gaps.forEach((gap, i) => {
    filled += text.slice(at, gap.start) + values[i]!;
    at = gap.end;
  });
  return filled + text.slice(at);
}

/** `values` with the ones at the given indices replaced. */
export function withValues(values: readonly string[], changes: Readonly<Record<number, string>>): string[] {
  return values.map((value, i) => changes[i] ?? value);
}
