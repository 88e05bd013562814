import type { Span } from '../../model.js';
import { decodeChineseNumber } from '../../numbers/chineseMoney.js';
import { BLANK_CHAR, BLANK_TOKEN, PLACEHOLDER_CHAR, PLACEHOLDER_TOKEN, segmentAround } from './shape.js';

/** A percentage as the block sees it; placeholders are resolved against fields later. */
export interface RawPercent {
  readonly span: Span;
  readonly valueSpan: Span;
  readonly value: number | undefined;
  /** Set when the number is a placeholder (its span), resolved to a field by the assembler. */
  readonly placeholderAt: number | undefined;
  readonly label: string;
  readonly sentenceStart: number;
  readonly comparative: boolean;
}

// The look-behinds let a run of digits be tried from its first digit only, which keeps a 10 MB line linear.
// Emphasis may close between the number and its sign: `**30**%`, `__30__%`.
const PERCENT = new RegExp(
  `((?<![\\d.])\\d{1,12}(?:\\.\\d{1,6})?|${PLACEHOLDER_TOKEN}|${BLANK_TOKEN})\\s*(?:[*_]{1,3}\\s*)?[%％]|百分之([零一二三四五六七八九十百点]{1,12})`,
  'g',
);
const COMPARATIVES = [
  '[≥≤><＞＜]=?|不低于|不少于|不超过|不高于|不得低于|不得超过|至少|最低|最高|超过|低于|高于',
  'at least|no less than|not less than|no more than|not more than|minimum(?: of)?|maximum(?: of)?|up to|exceed(?:s|ing)?|above|below|greater than|less than',
];
const COMPARATIVE_BEFORE = new RegExp(String.raw`(?:${COMPARATIVES.join('|')})\s*$`, 'i');
const COMPARATIVE_AFTER = /^\s*(?:以上|以下|以内|or more|or less|or higher|or above)/i;

/**
 * Finds percentages in a shaped block. `sentenceOf` maps an index to the start
 * of the sentence (or list) that holds it, which groups instalments.
 */
export function scanPercents(shaped: string, base: number, sentenceOf: (index: number) => number): RawPercent[] {
  const found: RawPercent[] = [];
  for (const match of shaped.matchAll(PERCENT)) {
    const start = match.index;
    const end = start + match[0].length;
    let value: number | undefined;
    let valueEnd = start + (match[1]?.length ?? match[0].length);
    let placeholderAt: number | undefined;
    if (match[1] !== undefined) {
      const token = match[1];
      if (token[0] === PLACEHOLDER_CHAR) placeholderAt = base + start;
      else if (token[0] !== BLANK_CHAR) value = Number(token);
    } else {
      value = decodeChineseNumber(match[2]!.replace('点', '.'));
      valueEnd = end;
    }
    const before = shaped.slice(Math.max(0, start - 16), start);
    const after = shaped.slice(end, end + 12);
    found.push({
      span: { start: base + start, end: base + end },
      valueSpan: { start: base + start, end: base + valueEnd },
      value,
      placeholderAt,
      label: segmentAround(shaped, start, end).text.replace(/[\uE000\uE001]\uE002*/g, '…'),
      sentenceStart: base + sentenceOf(start),
      comparative: COMPARATIVE_BEFORE.test(before) || COMPARATIVE_AFTER.test(after),
    });
  }
  return found;
}
