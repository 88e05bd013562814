/**
 * `clausemark/gaps`: the places still to fill, for the client's gap list and "next gap".
 */
import { listGaps } from '../../core/index.js';
import type { GapItem } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { rangeOf } from '../convert.js';

export function gapItems(analysis: Analysis): GapItem[] {
  return listGaps(analysis.doc).map((gap) => ({
    range: rangeOf(analysis.document, gap.span),
    kind: gap.kind,
    label: gap.label ?? null,
    field: gap.field ?? null,
    type: gap.type ?? null,
  }));
}
