import type { Field, PercentMention, SumGroup } from '../model.js';

const INSTALMENT = new RegExp(
  [
    String.raw`首期|首付|预付|定金|[二三四五六七八九十]期|第[一二三四五六七八九十\d]+期|尾款|余款|进度款|验收款|结算款`,
    String.raw`instal{1,2}ment|deposit|advance|(?:up)?on (?:signing|signature|acceptance|delivery|completion)|balance|final payment|milestone|retention`,
  ].join('|'),
  'i',
);
const ENUMERATOR = /(?:^|[\s:：;；,，])(?:\([a-z\d]{1,3}\)|（[一二三四五六七八九十\d]{1,3}）|[①②③④⑤⑥⑦⑧⑨]|[a-z\d]\))/i;
const PAYMENT = /支付|付款|付清|费用|价款|pay|payment|fee|price/i;
// More percentages than this in one sentence or table is a list of rates, not a payment split.
export const MAX_INSTALMENTS = 36;
// A tax, interest or penalty rate beside the instalments (含6%增值税, VAT at 20%, 0.05% per day) is not a share of the price.
const RATE_BEFORE =
  /(?:增值税|税率|税点|利率|VAT|GST|\btax(?:\s+rate)?|\binterest(?:\s+rate)?|每日|按日|每天|\bper\s+(?:day|month|annum))\s*(?:税率|rate)?\s*(?:为|是|按|of|at|is|:|：)?\s*$/i;
// 支付至已完工程量的70%, "bringing the total paid to 90%": running totals, which must not be added up.
const CUMULATIVE_BEFORE = /支付至|付至|累计|cumulative|in aggregate|bringing the (?:total|aggregate)|a total of/i;
const RATE_AFTER =
  /^\s*(?:的)?(?:增值税|税率|税费|税|违约金|滞纳金|利息|罚息|VAT\b|GST\b|(?:sales|value[- ]added|withholding|income)\s+tax|tax\b|interest\b|per\s+(?:day|month|annum|year)|a\s+(?:day|month|year)\b|p\.a\.|daily\b|monthly\b)/i;

/** One share of a whole, with the total of the known shares up to and including it. */
export interface InstalmentPart {
  readonly value: number | undefined;
  /** The known values so far, summed and rounded as every reader of a total rounds them. */
  readonly runningTotal: number;
  /** True when this part or one before it is still open. */
  readonly openSoFar: boolean;
}

/** Instalments written in one sentence, list or table (`首期 30%、二期 40%、尾款 30%`); they total 100%. */
export interface WrittenInstalments {
  readonly kind: 'written';
  readonly total: 100;
  readonly unit: '%';
  readonly parts: ReadonlyArray<InstalmentPart & { readonly mention: PercentMention }>;
}

/** The fields of a declared sum group (two or more that exist), in the group's order. */
export interface DeclaredInstalments {
  readonly kind: 'declared';
  readonly group: SumGroup;
  readonly total: number;
  /** `%` when every member is a percentage. */
  readonly unit: '%' | '';
  readonly parts: ReadonlyArray<InstalmentPart & { readonly field: Field }>;
}

export type InstalmentGroup = DeclaredInstalments | WrittenInstalments;

/** Rounds away the float noise of adding percentages (0.1 + 0.2), as totals are shown and compared. */
export function roundTotal(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** The sum of the known values of `parts`, rounded. */
export function knownSum(parts: readonly InstalmentPart[]): number {
  return parts.length === 0 ? 0 : parts[parts.length - 1]!.runningTotal;
}

/** Each item with the running total of the values so far. */
export function withRunningTotals<T extends object>(items: readonly T[], valueOf: (item: T) => number | undefined): Array<InstalmentPart & T> {
  let sum = 0;
  let open = false;
  return items.map((item) => {
    const value = valueOf(item);
    if (value === undefined) open = true;
    else sum += value;
    // Not `{ ...item, value, … }`: in V8 a spread followed by new keys gives every part a hidden class of its own.
    return Object.assign({}, item, { value, runningTotal: roundTotal(sum), openSoFar: open });
  });
}

/** Whether the words before a percentage make it a running total (支付至70%), which must not be added up. */
export function cumulativeBefore(text: string, offset: number): boolean {
  return CUMULATIVE_BEFORE.test(lineBefore(text, offset, 30));
}

/** Whether a label lists its percentage as an enumerated item (`(a)`, `（一）`, `①`). */
export function enumerates(label: string): boolean {
  return ENUMERATOR.test(label);
}

/** Whether words speak of paying (支付, fee, price). */
export function namesPayment(words: string): boolean {
  return PAYMENT.test(words);
}

/** Up to `limit` characters before `offset` on its line. */
function lineBefore(text: string, offset: number, limit: number): string {
  const before = text.slice(Math.max(0, offset - limit), offset);
  return before.slice(Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1);
}

/** Whether a percentage is a tax, interest or penalty rate (reads 16 characters before it and 24 after). */
export function isRate(text: string, mention: PercentMention): boolean {
  return (
    RATE_BEFORE.test(text.slice(Math.max(0, mention.span.start - 16), mention.span.start)) ||
    RATE_AFTER.test(text.slice(mention.span.end, mention.span.end + 24))
  );
}

/** Whether a label names an instalment (`首期`, `尾款`, `upon delivery`); for labelling parts. */
export function namesInstalment(label: string): boolean {
  return INSTALMENT.test(label);
}
