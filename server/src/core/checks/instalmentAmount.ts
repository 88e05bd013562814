import type { AmountMention, ContractDocument, PercentMention } from '../model.js';
import type { ReportInput, Check, CheckContext } from './types.js';
import { namesInstalment } from '../values/instalments.js';
import { scheduleFinder } from '../values/schedules.js';
import { formatGrouped } from '../numbers/digits.js';
import { clauseBefore, sentenceStartOf } from '../text/context.js';
import { TOTAL_BEFORE } from '../facts/quantities.js';
import { lastAtOrBefore } from '../text/lineIndex.js';

/** A fix as a check reports it, before its title is localised. */
type FixInput = NonNullable<ReportInput['fixes']>[number];

// What joins a percentage to the amount it comes to: `30%，即人民币150,000元`, `30% (USD 36,000)`.
// A schedule for another price (maintenance, a licence, rent) shares out a different total.
const OTHER_PRICE =
  /维护费|维保费|运维费|技术支持费|年费|许可费|使用费|租金|保证金|押金|maintenance|support fees?|licen[cs]e fees?|subscription|rent\b|security deposit/i;
const PERCENT_TO_AMOUNT =
  /^\s*(?:[*_]{1,3})?\s*(?:[，,]?\s*(?:即|计|合计|共计|金额为|为)\s*[:：]?|[（(]\s*(?:即|计)?\s*|of the (?:total )?(?:fee|price|contract price),?\s*(?:i\.e\.,?|being|namely)?|,?\s*(?:i\.e\.,?|being|namely))\s*$/i;

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
  run(context) {
    const total = contractTotal(context.doc);
    if (!total) return;
    const withPercent = checkPercentAmounts(context, total);
    checkListedAmounts(context, total, withPercent);
  },
};

/** The contract's total price: the one amount introduced as the total (two different ones leave it unknown). */
export function contractTotal(doc: ContractDocument): AmountMention | undefined {
  const totals = doc.amounts.filter((a) => a.figure !== undefined && TOTAL_BEFORE.test(clauseBefore(doc.text, a.span.start, 40)));
  if (totals.length === 0) return undefined;
  const first = totals[0]!;
  return totals.every((t) => cents(t.figure!) === cents(first.figure!) && t.currency === first.currency) ? first : undefined;
}

function checkPercentAmounts({ doc, report }: CheckContext, total: AmountMention): Set<AmountMention> {
  const paired = new Set<AmountMention>();
  const totalText = money(total, total.figure!);
  const amountStarts = doc.amounts.map((a) => a.span.start);
  for (const percent of doc.percents) {
    const amount = amountAfter(doc, amountStarts, percent);
    if (!amount || amount === total || otherPrice(doc, total, percent.span.start)) continue;
    paired.add(amount);
    if (percent.value === undefined || amount.figure === undefined) continue;
    if (amount.currency !== undefined && total.currency !== undefined && amount.currency !== total.currency) continue;
    const expected = (total.figure! * percent.value) / 100;
    if (cents(expected) === cents(amount.figure)) continue;
    const implied = Math.round((amount.figure / total.figure!) * 10000) / 100;
    const fixes: FixInput[] = [
      ...(amount.fieldName !== undefined
        ? []
        : [
            {
              key: 'setAmount',
              args: { expected: money(amount, expected) },
              edits: [{ span: amount.figureSpan, newText: figureText(doc.text, amount, expected) }],
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
  return paired;
}

/** The amount a percentage comes to, written right after it. */
function amountAfter(doc: ContractDocument, amountStarts: readonly number[], percent: PercentMention): AmountMention | undefined {
  for (let i = lastAtOrBefore(amountStarts, percent.span.end); i < doc.amounts.length; i++) {
    const amount = doc.amounts[i]!;
    if (amount.span.start < percent.span.end) continue;
    if (amount.span.start - percent.span.end > 40) return undefined;
    const between = doc.text.slice(percent.span.end, amount.span.start);
    return PERCENT_TO_AMOUNT.test(between) ? amount : undefined;
  }
  return undefined;
}

function checkListedAmounts({ doc, report }: CheckContext, total: AmountMention, withPercent: ReadonlySet<AmountMention>): void {
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
    if (parts.some((p) => p.currency !== undefined && total.currency !== undefined && p.currency !== total.currency)) continue;
    const sum = parts.reduce((s, p) => s + p.figure!, 0);
    if (cents(sum) === cents(total.figure!)) continue;
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

/** The new figure written as the old one was: grouped or not, in 万元 when the figure was. */
function figureText(text: string, amount: AmountMention, value: number): string {
  const written = text.slice(amount.figureSpan.start, amount.figureSpan.end);
  const inTenThousands = /^\s*万元/.test(text.slice(amount.figureSpan.end, amount.figureSpan.end + 4));
  const shown = inTenThousands ? value / 10000 : value;
  const decimals = cents(shown) % 100 === 0 ? 0 : 2;
  return written.includes(',') ? formatGrouped(shown, decimals) : shown.toFixed(decimals);
}
