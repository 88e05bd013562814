/**
 * Answers that depend on nothing but the analysis, kept with it: editors ask
 * for the outline, the folding and the tokens of one version several times
 * (outline view, breadcrumbs, sticky scroll), and on a long contract each
 * answer is thousands of items.
 */
import type { Analysis } from './analysis.js';

export function perAnalysis<T>(compute: (analysis: Analysis) => T): (analysis: Analysis) => T {
  const answers = new WeakMap<Analysis, T>();
  return (analysis) => {
    if (answers.has(analysis)) return answers.get(analysis)!;
    const answer = compute(analysis);
    answers.set(analysis, answer);
    return answer;
  };
}
