import type { ContractDocument, Problem } from '../model.js';
import { listGaps } from '../gaps.js';
import { visibleProblems } from '../render/problemMarks.js';
import { t } from './messages.js';

/**
 * "N gaps · M problems", for the title line (the first heading of the body,
 * else the front matter's `title:`, else the start). Problems are counted as
 * the preview counts them: errors and warnings, not the gaps again.
 */
export function gapSummary(doc: ContractDocument, problems: readonly Problem[]): { readonly offset: number; readonly title: string } {
  const { locale } = doc;
  const gaps = listGaps(doc).length;
  const shown = visibleProblems(problems).length;
  const title = `${t(locale, gaps === 1 ? 'gapsOne' : 'gapsMany', { count: gaps })} · ${t(locale, shown === 1 ? 'problemsOne' : 'problemsMany', { count: shown })}`;
  const heading = doc.blocks.find((b) => b.type === 'heading');
  return { offset: heading?.span.start ?? doc.meta.titleSpan?.start ?? 0, title };
}
