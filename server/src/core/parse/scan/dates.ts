import type { DateMention } from '../../model.js';
import { parseChineseDate, parseEnglishDate, parseIsoDate } from '../../numbers/dates.js';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const ZH_NUM = '〇零一二三四五六七八九十';
const DATE = new RegExp(
  [
    `(?:\\d{4}|[${ZH_NUM}]{4})\\s*年\\s*(?:\\d{1,2}|[${ZH_NUM}]{1,3})\\s*月\\s*(?:\\d{1,2}|[${ZH_NUM}]{1,3})\\s*[日号]`,
    `\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}\\b`,
    `\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b`,
  ].join('|'),
  'g',
);
const SIGNATURE_LABEL = /(?:签署|签字|签订|签约|盖章)(?:日期|时间)|Date of (?:signature|signing|execution)|Signed on|Signature date|^\s*Date\s*:/i;

/** Dates written in the text, marked when a signature label stands before them on the line. */
export function scanDates(masked: string, base: number): DateMention[] {
  const found: DateMention[] = [];
  for (const match of masked.matchAll(DATE)) {
    const text = match[0];
    const date = parseChineseDate(text) ?? parseEnglishDate(text) ?? parseIsoDate(text);
    if (!date) continue;
    let lineStart = match.index;
    while (lineStart > 0 && masked[lineStart - 1] !== '\n' && masked[lineStart - 1] !== '\r') lineStart--;
    const before = masked.slice(lineStart, match.index);
    found.push({ span: { start: base + match.index, end: base + match.index + text.length }, date, signature: SIGNATURE_LABEL.test(before) });
  }
  return found;
}

/** Whether a signature label stands before `index` on its line. */
export function isSignatureContext(masked: string, index: number): boolean {
  let lineStart = index;
  while (lineStart > 0 && masked[lineStart - 1] !== '\n' && masked[lineStart - 1] !== '\r') lineStart--;
  return SIGNATURE_LABEL.test(masked.slice(lineStart, index));
}
