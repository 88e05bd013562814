/**
 * What the instalment-amount check reads of each block that states amounts:
 * which amount is introduced as the total, which percentage comes to which
 * amount, which amounts name an instalment and the schedule or sentence they
 * belong to. Read once per block and kept while the block and the text it read
 * around it are unchanged (`perBlockNearAtOrigin`), so that a keystroke reads
 * again only the blocks it touched and the check adds up what the blocks say.
 */
import type { AmountMention, BlockModel, ContractDocument } from '../model.js';
import { originOf } from '../parse/blockOrigin.js';
import { clauseBefore, sentenceStartOf } from '../text/context.js';
import { namesInstalment } from '../values/instalments.js';
import { scheduleFinder, type Reach } from '../values/schedules.js';
import { perBlockNearAtOrigin, type PerBlockNear } from './perBlock.js';
import { TOTAL_BEFORE } from './quantities.js';

// What joins a percentage to the amount it comes to: `30%，即人民币150,000元`, `30% (USD 36,000)`.
export const PERCENT_TO_AMOUNT =
  /^\s*(?:[*_]{1,3})?\s*(?:[，,]?\s*(?:即|计|合计|共计|金额为|为)\s*[:：]?|[（(]\s*(?:即|计)?\s*|of the (?:total )?(?:fee|price|contract price),?\s*(?:i\.e\.,?|being|namely)?|,?\s*(?:i\.e\.,?|being|namely))\s*$/i;
// A schedule for another price (maintenance, a licence, rent) shares out a different total.
export const OTHER_PRICE =
  /维护费|维保费|运维费|技术支持费|年费|许可费|使用费|租金|保证金|押金|maintenance|support fees?|licen[cs]e fees?|subscription|rent\b|security deposit/i;

/** The farthest a percentage's amount may stand after it. */
export const PERCENT_TO_AMOUNT_REACH = 40;

/** What one amount of a block says beyond its own facts. */
export interface AmountNote {
  /** Whether the words before it introduce it as the total. */
  readonly total: boolean;
  /** Those words (40 units of its clause), kept for a total only: another price named there is the total's own. */
  readonly totalClause: string;
  /** Whether the words before it name an instalment. */
  readonly instalment: boolean;
  /** For an instalment: where its schedule's line, its schedule row's block or its sentence starts (what groups it with others). */
  readonly key: number | undefined;
  /** The other price (maintenance, rent) its sentence names before it, if any. */
  readonly other: string | undefined;
  /** Its figure as written, and whether 万元 follows it: how a corrected figure is written. */
  readonly written: string;
  readonly tenThousands: boolean;
}

/** What one percentage of a block says about the amount beside it. */
export interface PercentNote {
  /** The index in its block's amounts of the amount it comes to, or -1. */
  readonly amount: number;
  /** The other price its sentence names before it, for a percentage with an amount. */
  readonly other: string | undefined;
}

/** One block's notes, beside the amounts and percentages of the block as first read (`model`), where it was first read. */
export interface AmountIndex {
  readonly model: BlockModel;
  readonly amounts: readonly AmountNote[];
  readonly percents: readonly PercentNote[];
  /** A schedule row's line that runs out of the block: what the block says cannot be told from it alone. */
  readonly unsure: boolean;
}

export interface AmountItem {
  readonly facts: AmountIndex;
  readonly delta: number;
  /** The block where it stands now. */
  readonly block: BlockModel;
}

const ITEMS = new WeakMap<ContractDocument, readonly AmountItem[] | null>();

/**
 * The notes of every block with amounts, in order, or undefined when the
 * blocks alone cannot tell what the check would find: a percentage whose
 * amount may stand in the next block, a schedule row across blocks, or
 * amounts outside the blocks. The check then reads the document's text.
 */
export function amountItems(doc: ContractDocument): readonly AmountItem[] | undefined {
  let items = ITEMS.get(doc);
  if (items === undefined) ITEMS.set(doc, (items = readItems(doc) ?? null));
  return items ?? undefined;
}

function readItems(doc: ContractDocument): AmountItem[] | undefined {
  const items: AmountItem[] = [];
  const blocks = doc.blocks;
  let amounts = 0;
  let percents = 0;
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k]!;
    percents += block.percents.length;
    if (block.amounts.length === 0) continue;
    amounts += block.amounts.length;
    const { value, delta } = perBlockNearAtOrigin(AMOUNT_NOTES, block, doc.text);
    if (value.unsure || percentJustBefore(blocks, k)) return undefined;
    items.push({ facts: value, delta, block });
  }
  if (amounts !== doc.amounts.length || percents !== doc.percents.length) return undefined;
  return items;
}

/** Whether a percentage of an earlier block ends near enough to this block's first amount to come to it. */
function percentJustBefore(blocks: readonly BlockModel[], k: number): boolean {
  const first = blocks[k]!.amounts[0]!.span.start;
  for (let i = k - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.span.end < first - PERCENT_TO_AMOUNT_REACH) return false;
    const percents = block.percents;
    if (percents.length > 0 && percents[percents.length - 1]!.span.end >= first - PERCENT_TO_AMOUNT_REACH) return true;
  }
  return false;
}

const AMOUNT_NOTES: PerBlockNear<AmountIndex> = {
  derive(block, text) {
    const reach: Reach = { from: block.span.start, to: block.span.end };
    const read = (from: number, to: number) => {
      if (from < reach.from) reach.from = from;
      if (to > reach.to) reach.to = to;
    };
    const scheduleOf = scheduleFinder(text, reach);
    let unsure = false;
    const amounts = block.amounts.map((a): AmountNote => {
      const start = a.span.start;
      // clauseBefore reads up to 40 units back; sentenceStartOf two more than where it stops.
      read(start - 41, start);
      const clause = clauseBefore(text, start, 40);
      const total = TOTAL_BEFORE.test(clause);
      const instalment = namesInstalment(clauseBefore(text, start, 24));
      let key: number | undefined;
      let other: string | undefined;
      if (instalment) {
        const sentence = sentenceStartOf(text, start);
        read(sentence - 2, start);
        other = OTHER_PRICE.exec(text.slice(sentence, start))?.[0];
        key = scheduleOf(start)?.start;
        if (key === undefined && (block.type === 'list' || block.type === 'table')) {
          const row = scheduleRow(text, block, a, read);
          if (row === undefined) unsure = true;
          else if (row) key = block.span.start;
        }
        key ??= sentence;
      }
      const { start: figureStart, end: figureEnd } = a.figureSpan;
      read(figureStart, figureEnd + 4);
      return {
        total,
        totalClause: total ? clause : '',
        instalment,
        key,
        other,
        written: text.slice(figureStart, figureEnd),
        tenThousands: /^\s*万元/.test(text.slice(figureEnd, figureEnd + 4)),
      };
    });
    const percents = block.percents.map((p): PercentNote => {
      const amount = amountAfter(text, block.amounts, p.span.end);
      if (amount < 0) return NO_AMOUNT;
      const sentence = sentenceStartOf(text, p.span.start);
      read(sentence - 2, p.span.start);
      return { amount, other: OTHER_PRICE.exec(text.slice(sentence, p.span.start))?.[0] };
    });
    // Kept beside the block as first read: its amounts and percentages stand where the notes' keys do once moved back.
    return { value: { model: originOf(block).model, amounts, percents, unsure }, from: reach.from, to: reach.to };
  },
  move(index, delta) {
    // The notes' keys are their only offsets; the block's own facts are kept as first read (see `amountItems`'s `block`).
    if (index.amounts.every((n) => n.key === undefined)) return index;
    return { ...index, amounts: index.amounts.map((n) => (n.key === undefined ? n : { ...n, key: n.key + delta })) };
  },
};

const NO_AMOUNT: PercentNote = { amount: -1, other: undefined };

/** The amount a percentage ending at `end` comes to, written right after it in its block: its index, or -1. */
function amountAfter(text: string, amounts: readonly AmountMention[], end: number): number {
  for (let i = 0; i < amounts.length; i++) {
    const start = amounts[i]!.span.start;
    if (start < end) continue;
    if (start - end > PERCENT_TO_AMOUNT_REACH) return -1;
    return PERCENT_TO_AMOUNT.test(text.slice(end, start)) ? i : -1;
  }
  return -1;
}

/**
 * A short list item or table row holding one amount is a line of a schedule;
 * a long one is a clause of its own. Undefined for a line that runs out of
 * the block, whose other amounts the block does not hold.
 */
function scheduleRow(text: string, block: BlockModel, amount: AmountMention, read: (from: number, to: number) => void): boolean | undefined {
  let start = amount.span.start;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = amount.span.end;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  read(start - 1, end + 1);
  if (end - start > 60) return false;
  if (start < block.span.start || end > block.span.end) return undefined;
  let amounts = 0;
  for (const a of block.amounts) if (a.span.start >= start && a.span.start < end) amounts++;
  return amounts === 1;
}
