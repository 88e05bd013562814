import type { AmountMention, ContractDocument, PercentMention } from '../model.js';
import type { ReportInput, Check, CheckContext } from './types.js';
import { rigidInput, type FactsKind } from './rigidInput.js';
import {
  amountItems,
  OTHER_PRICE,
  PERCENT_TO_AMOUNT,
  PERCENT_TO_AMOUNT_REACH,
  type AmountIndex,
  type AmountItem,
  type AmountNote,
} from '../facts/amountIndex.js';
import { namesInstalment } from '../values/instalments.js';
import { scheduleFinder } from '../values/schedules.js';
import { formatGrouped } from '../numbers/digits.js';
import { clauseBefore, sentenceStartOf } from '../text/context.js';
import { TOTAL_BEFORE } from '../facts/quantities.js';
import { lastAtOrBefore } from '../text/lineIndex.js';

/** A fix as a check reports it, before its title is localised. */
type FixInput = NonNullable<ReportInput['fixes']>[number];

/**
 * Instalments stated with money must agree with the contract's total: a
 * percentage and the amount beside it (`首期支付30%，即人民币150,000元`), and
 * amounts listed without percentages must add up to it. Each instalment's 大写
 * is the amount-words check's job, which reads every amount.
 */
export const instalmentAmount: Check = {
  id: 'instalment-amount',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: "An instalment's amount disagrees with its percentage of the total, or the instalment amounts do not add up to the total.",
      percentAmount: '{percent}% of the total {total} is {expected}, but the amount stated is {amount}.',
      sum: 'These instalments add up to {sum}, not the total {total}: {parts}.',
      total: 'The total: {total}.',
      part: 'Instalment: {amount}.',
      setAmount: 'Make the amount {expected}',
      setPercent: 'Make the percentage {percent}%',
    },
    'zh-CN': {
      summary: '分期金额与其占总价的比例不符，或各期金额之和不等于总价。',
      percentAmount: '总价 {total} 的 {percent}% 为 {expected}，而此处金额为 {amount}。',
      sum: '各期金额合计为 {sum}，而非总价 {total}：{parts}。',
      total: '总价：{total}。',
      part: '分期金额：{amount}。',
      setAmount: '将金额改为 {expected}',
      setPercent: '将比例改为 {percent}%',
    },
  },
  // What each block says of its amounts (facts/amountIndex.ts) is all it reads: after an edit that keeps that, its problems are moved.
  reads(doc) {
    const items = amountItems(doc);
    return items && rigidInput('', items, AMOUNT_INDEX);
  },
  run(context) {
    const items = amountItems(context.doc);
    if (items) return runOnIndex(context, items);
    const total = contractTotal(context.doc);
    if (!total) return;
    const withPercent = checkPercentAmounts(context, total);
    checkListedAmounts(context, total, withPercent);
  },
};

/** The total, with what its block says of it. */
interface Total {
  readonly amount: AmountMention;
  readonly note: AmountNote;
}

/** What `run` finds from the document's text, found from the blocks' notes: the same problems in the same order. */
function runOnIndex(context: CheckContext, items: readonly AmountItem[]): void {
  const total = totalOf(items);
  if (!total) return;
  const paired = new Set<AmountMention>();
  const totalText = money(total.amount, total.amount.figure!);
  const otherPrice = (other: string | undefined) => other !== undefined && !total.note.totalClause.includes(other);
  for (const { facts, block } of items) {
    for (let i = 0; i < facts.percents.length; i++) {
      const note = facts.percents[i]!;
      if (note.amount < 0) continue;
      const amount = block.amounts[note.amount]!;
      if (amount === total.amount || otherPrice(note.other)) continue;
      paired.add(amount);
      reportPercentAmount(context, total.amount, totalText, block.percents[i]!, amount, facts.amounts[note.amount]!);
    }
  }
  const groups = new Map<number, { readonly parts: AmountMention[]; readonly other: string | undefined }>();
  for (const { facts, block, delta } of items) {
    for (let i = 0; i < facts.amounts.length; i++) {
      const note = facts.amounts[i]!;
      const amount = block.amounts[i]!;
      if (amount === total.amount || paired.has(amount) || amount.figure === undefined || !note.instalment) continue;
      const key = note.key! + delta;
      const group = groups.get(key);
      if (group) group.parts.push(amount);
      else groups.set(key, { parts: [amount], other: note.other });
    }
  }
  for (const { parts, other } of groups.values()) if (parts.length >= 2 && !otherPrice(other)) reportSum(context, total.amount, totalText, parts);
}

/** The one amount introduced as the total, as `contractTotal` finds it. */
function totalOf(items: readonly AmountItem[]): Total | undefined {
  let first: Total | undefined;
  for (const { facts, block } of items) {
    for (let i = 0; i < facts.amounts.length; i++) {
      const amount = block.amounts[i]!;
      if (!facts.amounts[i]!.total || amount.figure === undefined) continue;
      if (first === undefined) first = { amount, note: facts.amounts[i]! };
      else if (cents(amount.figure) !== cents(first.amount.figure!) || amount.currency !== first.amount.currency) return undefined;
    }
  }
  return first;
}

const AMOUNT_INDEX: FactsKind<AmountIndex> = {
  offsets({ model, amounts }, out) {
    model.amounts.forEach((a, i) => {
      out.push(a.figureSpan.start, a.figureSpan.end);
      const key = amounts[i]!.key;
      if (key !== undefined) out.push(key);
    });
    for (const p of model.percents) out.push(p.valueSpan.start, p.valueSpan.end);
  },
  same({ facts: a }, { facts: b }) {
    const am = a.model.amounts;
    const bm = b.model.amounts;
    if (am.length !== bm.length || a.model.percents.length !== b.model.percents.length || a.unsure !== b.unsure) return false;
    for (let i = 0; i < am.length; i++) {
      const x = am[i]!;
      const y = bm[i]!;
      const n = a.amounts[i]!;
      const m = b.amounts[i]!;
      if (x.figure !== y.figure || x.currency !== y.currency || x.fieldName !== y.fieldName) return false;
      if (n.total !== m.total || n.totalClause !== m.totalClause || n.instalment !== m.instalment || (n.key === undefined) !== (m.key === undefined))
        return false;
      if (n.other !== m.other || n.written !== m.written || n.tenThousands !== m.tenThousands) return false;
    }
    for (let i = 0; i < a.percents.length; i++) {
      const x = a.model.percents[i]!;
      const y = b.model.percents[i]!;
      if (
        x.value !== y.value ||
        x.fieldName !== y.fieldName ||
        a.percents[i]!.amount !== b.percents[i]!.amount ||
        a.percents[i]!.other !== b.percents[i]!.other
      )
        return false;
    }
    return true;
  },
};

/** The contract's total price: the one amount introduced as the total (two different ones leave it unknown). */
export function contractTotal(doc: ContractDocument): AmountMention | undefined {
  const totals = doc.amounts.filter((a) => a.figure !== undefined && TOTAL_BEFORE.test(clauseBefore(doc.text, a.span.start, 40)));
  if (totals.length === 0) return undefined;
  const first = totals[0]!;
  return totals.every((t) => cents(t.figure!) === cents(first.figure!) && t.currency === first.currency) ? first : undefined;
}

function checkPercentAmounts(context: CheckContext, total: AmountMention): Set<AmountMention> {
  const { doc } = context;
  const paired = new Set<AmountMention>();
  const totalText = money(total, total.figure!);
  const amountStarts = doc.amounts.map((a) => a.span.start);
  for (const percent of doc.percents) {
    const amount = amountAfter(doc, amountStarts, percent);
    if (!amount || amount === total || otherPrice(doc, total, percent.span.start)) continue;
    paired.add(amount);
    reportPercentAmount(context, total, totalText, percent, amount, {
      written: writtenFigure(doc.text, amount),
      tenThousands: inTenThousands(doc.text, amount),
    });
  }
  return paired;
}

/** The amount beside a percentage, when it is not that percentage of the total. */
function reportPercentAmount(
  { report }: CheckContext,
  total: AmountMention,
  totalText: string,
  percent: PercentMention,
  amount: AmountMention,
  written: Pick<AmountNote, 'written' | 'tenThousands'>,
): void {
  if (percent.value === undefined || amount.figure === undefined) return;
  if (amount.currency !== undefined && total.currency !== undefined && amount.currency !== total.currency) return;
  const expected = (total.figure! * percent.value) / 100;
  if (cents(expected) === cents(amount.figure)) return;
  const implied = Math.round((amount.figure / total.figure!) * 10000) / 100;
  const fixes: FixInput[] = [
    ...(amount.fieldName !== undefined
      ? []
      : [
          {
            key: 'setAmount',
            args: { expected: money(amount, expected) },
            edits: [{ span: amount.figureSpan, newText: figureText(written, expected) }],
            safe: false,
          },
        ]),
    ...(percent.fieldName === undefined && Number.isFinite(implied)
      ? [{ key: 'setPercent', args: { percent: implied }, edits: [{ span: percent.valueSpan, newText: String(implied) }], safe: false }]
      : []),
  ];
  report({
    span: amount.figureSpan,
    key: 'percentAmount',
    args: { percent: percent.value, total: totalText, expected: money(amount, expected), amount: money(amount, amount.figure) },
    related: [{ span: total.figureSpan, key: 'total', args: { total: totalText } }],
    fixes,
    data: { expected, amount: amount.figure },
  });
}

/** The amount a percentage comes to, written right after it. */
function amountAfter(doc: ContractDocument, amountStarts: readonly number[], percent: PercentMention): AmountMention | undefined {
  for (let i = lastAtOrBefore(amountStarts, percent.span.end); i < doc.amounts.length; i++) {
    const amount = doc.amounts[i]!;
    if (amount.span.start < percent.span.end) continue;
    if (amount.span.start - percent.span.end > PERCENT_TO_AMOUNT_REACH) return undefined;
    const between = doc.text.slice(percent.span.end, amount.span.start);
    return PERCENT_TO_AMOUNT.test(between) ? amount : undefined;
  }
  return undefined;
}

function checkListedAmounts(context: CheckContext, total: AmountMention, withPercent: ReadonlySet<AmountMention>): void {
  const { doc } = context;
  const bySentence = new Map<number, AmountMention[]>();
  const blockStarts = doc.blocks.map((b) => b.span.start);
  const amountStarts = doc.amounts.map((a) => a.span.start);
  const scheduleOf = scheduleFinder(doc.text);
  for (const amount of doc.amounts) {
    if (amount === total || withPercent.has(amount) || amount.figure === undefined) continue;
    if (!namesInstalment(clauseBefore(doc.text, amount.span.start, 24))) continue;
    const candidate = doc.blocks[lastAtOrBefore(blockStarts, amount.span.start)];
    const block = candidate && candidate.span.start <= amount.span.start && amount.span.end <= candidate.span.end ? candidate : undefined;
    // The items of a list schedule (an introducing line, then (a)/(b) items in paragraphs of their own) are one schedule too.
    const key =
      scheduleOf(amount.span.start)?.start ??
      (block && (block.type === 'list' || block.type === 'table') && isScheduleRow(doc, amountStarts, amount)
        ? block.span.start
        : sentenceStartOf(doc.text, amount.span.start));
    if (!bySentence.has(key)) bySentence.set(key, []);
    bySentence.get(key)!.push(amount);
  }
  const totalText = money(total, total.figure!);
  for (const parts of bySentence.values()) {
    if (parts.length < 2 || otherPrice(doc, total, parts[0]!.span.start)) continue;
    reportSum(context, total, totalText, parts);
  }
}

/** Amounts listed as instalments of the total, when they do not add up to it. */
function reportSum({ report }: CheckContext, total: AmountMention, totalText: string, parts: readonly AmountMention[]): void {
  if (parts.some((p) => p.currency !== undefined && total.currency !== undefined && p.currency !== total.currency)) return;
  const sum = parts.reduce((s, p) => s + p.figure!, 0);
  if (cents(sum) === cents(total.figure!)) return;
  report({
    span: parts[parts.length - 1]!.figureSpan,
    key: 'sum',
    args: { sum: money(total, sum), total: totalText, parts: parts.map((p) => formatGrouped(p.figure!)).join(' + ') },
    related: [
      { span: total.figureSpan, key: 'total', args: { total: totalText } },
      ...parts.map((p) => ({ span: p.figureSpan, key: 'part', args: { amount: money(p, p.figure!) } })),
    ],
    data: { sum, total: total.figure },
  });
}

/** A short list item or table row holding one amount is a line of a schedule; a long one is a clause of its own. */
function isScheduleRow(doc: ContractDocument, starts: readonly number[], amount: AmountMention): boolean {
  const text = doc.text;
  let start = amount.span.start;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = amount.span.end;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  if (end - start > 60) return false;
  const first = lastAtOrBefore(starts, start);
  let amounts = 0;
  for (let i = first; i < doc.amounts.length && doc.amounts[i]!.span.start < end; i++) if (doc.amounts[i]!.span.start >= start) amounts++;
  return amounts === 1;
}

/** Whether the sentence at `offset` prices something else than the total does. */
function otherPrice(doc: ContractDocument, total: AmountMention, offset: number): boolean {
  const sentence = doc.text.slice(sentenceStartOf(doc.text, offset), offset);
  const other = OTHER_PRICE.exec(sentence);
  return other !== null && !clauseBefore(doc.text, total.span.start, 40).includes(other[0]);
}

function cents(value: number): number {
  return Math.round(value * 100);
}

function money(amount: AmountMention, value: number): string {
  const figure = formatGrouped(value, cents(value) % 100 === 0 ? 0 : 2);
  return amount.currency ? `${amount.currency} ${figure}` : figure;
}

function writtenFigure(text: string, amount: AmountMention): string {
  return text.slice(amount.figureSpan.start, amount.figureSpan.end);
}

function inTenThousands(text: string, amount: AmountMention): boolean {
  return /^\s*万元/.test(text.slice(amount.figureSpan.end, amount.figureSpan.end + 4));
}

/** The new figure written as the old one was: grouped or not, in 万元 when the figure was. */
function figureText({ written, tenThousands }: Pick<AmountNote, 'written' | 'tenThousands'>, value: number): string {
  const shown = tenThousands ? value / 10000 : value;
  const decimals = cents(shown) % 100 === 0 ? 0 : 2;
  return written.includes(',') ? formatGrouped(shown, decimals) : shown.toFixed(decimals);
}
