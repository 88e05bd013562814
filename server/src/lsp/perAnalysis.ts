/**
 * Answers that depend on nothing but the analysis, kept with it: editors ask
 * for the outline, the folding and the tokens of one version several times
 * (outline view, breadcrumbs, sticky scroll), and on a long contract each
 * answer is thousands of items.
 */
import type { Analysis } from './analysis.js';

export interface PerAnalysis<T> {
  (analysis: Analysis): T;
  /** The answer if it was already computed for this analysis, without computing it. */
  known(analysis: Analysis): T | undefined;
}

export function perAnalysis<T>(compute: (analysis: Analysis) => T): PerAnalysis<T> {
  const answers = new WeakMap<Analysis, T>();
  const answer = (analysis: Analysis): T => {
    if (answers.has(analysis)) return answers.get(analysis)!;
    const computed = compute(analysis);
    answers.set(analysis, computed);
    return computed;
  };
  return Object.assign(answer, { known: (analysis: Analysis) => answers.get(analysis) });
}
