/**
 * Every set of shares that must add up to a whole, as `percent-sum`, the
 * conflicting-quantity facts and the running-total hints read them. What
 * decides a written percentage's group (is it a rate, a running total, an item
 * of which schedule, does its label name an instalment) is read once per block
 * and kept (`perBlockNearAtOrigin`); each analysis only deals the kept shapes into
 * groups and adds up their values, which may come from fields.
 */
import type { BlockModel, ContractDocument, PercentMention } from '../model.js';
import { numericValue } from '../values/numericValue.js';
import { scheduleFinder, type Reach } from '../values/schedules.js';
import {
  MAX_INSTALMENTS,
  cumulativeBefore,
  enumerates,
  isRate,
  namesInstalment,
  namesPayment,
  withRunningTotals,
  type DeclaredInstalments,
  type InstalmentGroup,
  type WrittenInstalments,
} from '../values/instalments.js';
import { perBlockNearAtOrigin, type PerBlockNear } from './perBlock.js';

const cache = new WeakMap<ContractDocument, readonly InstalmentGroup[]>();
const writtenCache = new WeakMap<ContractDocument, ReadonlyArray<readonly PercentMention[]>>();

/**
 * Declared sum groups first, then instalments written in the text (leaving out
 * mentions of fields that a declared group already counts), each part with the
 * running total up to it.
 */
export function instalmentGroups(doc: ContractDocument): readonly InstalmentGroup[] {
  let groups = cache.get(doc);
  if (!groups) {
    const written = writtenInstalments(doc).map((mentions): WrittenInstalments => ({
      kind: 'written',
      total: 100,
      unit: '%',
      parts: withRunningTotals(
        mentions.map((mention) => ({ mention })),
        ({ mention }) => mention.value,
      ),
    }));
    groups = [...declaredGroups(doc), ...written];
    cache.set(doc, groups);
  }
  return groups;
}

/**
 * The percentages of each group of instalments written in the text, in
 * order: what `instalmentGroups` adds running totals to, for readers that
 * need no more (a keystroke's checks).
 */
export function writtenInstalments(doc: ContractDocument): ReadonlyArray<readonly PercentMention[]> {
  let groups = writtenCache.get(doc);
  if (!groups) {
    const inDeclaredGroup = new Set(doc.groups.flatMap((g) => g.members.filter((m) => doc.fields.has(m))));
    writtenCache.set(doc, (groups = writtenGroups(doc, inDeclaredGroup)));
  }
  return groups;
}

/** The fields of each declared sum group with two or more that exist, with running totals. */
export function declaredGroups(doc: ContractDocument): DeclaredInstalments[] {
  const result: DeclaredInstalments[] = [];
  for (const group of doc.groups) {
    const fields = group.members.map((name) => doc.fields.get(name)).filter((f) => f !== undefined);
    if (fields.length < 2) continue;
    result.push({
      kind: 'declared',
      group,
      total: group.total,
      unit: fields.every((f) => f.type === 'percent') ? '%' : '',
      parts: withRunningTotals(
        fields.map((field) => ({ field })),
        ({ field }) => numericValue(field.value?.parsed),
      ),
    });
  }
  return result;
}

/** What a block's percentage says about the group it belongs to; percentages that share out nothing have none. */
interface Shape {
  /** Its place in the block's `percents`. */
  readonly index: number;
  /** The line that introduces the list schedule it is an item of (possibly above its block). */
  readonly schedule: number | undefined;
  /** Whether that line speaks of paying or instalments. */
  readonly scheduleOfPayment: boolean;
  /** Whether the words before it make it a running total (支付至70%). */
  readonly cumulative: boolean;
  readonly namesInstalment: boolean;
  readonly enumerated: boolean;
  readonly namesPayment: boolean;
}

const SHAPES: PerBlockNear<readonly Shape[]> = {
  derive(block, text) {
    const reach: Reach = { from: block.span.start, to: block.span.end };
    const scheduleOf = scheduleFinder(text, reach);
    const shapes: Shape[] = [];
    block.percents.forEach((mention, index) => {
      if (mention.comparative) return;
      // isRate reads 16 characters before and 24 after; cumulativeBefore 30 before.
      reach.from = Math.min(reach.from, mention.span.start - 30);
      reach.to = Math.max(reach.to, mention.span.end + 24);
      if (isRate(text, mention)) return;
      const schedule = scheduleOf(mention.span.start);
      shapes.push({
        index,
        schedule: schedule?.start,
        scheduleOfPayment: schedule !== undefined && (namesPayment(schedule.text) || namesInstalment(schedule.text)),
        cumulative: cumulativeBefore(text, mention.span.start),
        namesInstalment: namesInstalment(mention.label),
        enumerated: enumerates(mention.label),
        namesPayment: namesPayment(mention.label),
      });
    });
    return { value: shapes, from: reach.from, to: reach.to };
  },
  move(shapes, delta) {
    // Only a schedule's line is an offset; most blocks have none to move.
    if (shapes.every((s) => s.schedule === undefined)) return shapes;
    return shapes.map((s) => (s.schedule === undefined ? s : { ...s, schedule: s.schedule + delta }));
  },
};

interface Dealt {
  readonly mentions: PercentMention[];
  readonly shapes: Shape[];
}

function writtenGroups(doc: ContractDocument, inDeclaredGroup: ReadonlySet<string>): Array<readonly PercentMention[]> {
  // A list schedule (an introducing line, then (a)/(b)/(c) items) is one group wherever its items stand; the rest group by sentence.
  // Keyed by offset: a schedule's line (odd keys) or a sentence's start (even keys), in the order first met.
  const groups = new Map<number, Dealt>();
  for (const block of doc.blocks) {
    if (block.percents.length === 0) continue;
    // Unmoved, with how far the block moved: moving every block's shapes after an edit cost more than dealing them.
    const { value, delta } = perBlockNearAtOrigin(SHAPES, block, doc.text);
    dealBlock(block, value, delta, inDeclaredGroup, groups);
  }
  const result: Array<readonly PercentMention[]> = [];
  for (const { mentions, shapes } of groups.values()) {
    if (mentions.length < 2 || mentions.length > MAX_INSTALMENTS) continue;
    if (shapes.some((s) => s.cumulative)) continue;
    let instalments = 0;
    for (const s of shapes) if (s.namesInstalment) instalments++;
    const enumerated = shapes.every((s) => s.enumerated) && shapes.some((s) => s.namesPayment);
    const paymentSchedule = shapes[0]!.scheduleOfPayment;
    if (instalments >= 2 || enumerated || paymentSchedule) result.push(mentions);
  }
  return result;
}

function dealBlock(block: BlockModel, shapes: readonly Shape[], delta: number, inDeclaredGroup: ReadonlySet<string>, groups: Map<number, Dealt>): void {
  for (const shape of shapes) {
    const mention = block.percents[shape.index]!;
    if (mention.fieldName && inDeclaredGroup.has(mention.fieldName)) continue;
    const key = shape.schedule !== undefined ? (shape.schedule + delta) * 2 + 1 : mention.sentence * 2;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { mentions: [], shapes: [] }));
    group.mentions.push(mention);
    group.shapes.push(shape);
  }
}
