/**
 * Calendar dates as drafters write them: 2026年3月1日, 二〇二六年三月一日,
 * March 1, 2026, 1 March 2026, 2026-03-01.
 *
 * Parsers return what was written, even impossible dates (2026年2月30日), so
 * that a check can point at the date and say why it is wrong; validity is a
 * separate question answered by isValidDate.
 */
import { decodeChineseDigitSequence, decodeChineseNumber } from './chineseMoney.js';
import { normalizeDigits } from './digits.js';

/** A date on the Gregorian calendar, month and day 1-based. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const MONTH_BY_NAME = new Map<string, number>();
MONTH_NAMES.forEach((name, i) => {
  MONTH_BY_NAME.set(name.toLowerCase(), i + 1);
  MONTH_BY_NAME.set(name.slice(0, 3).toLowerCase(), i + 1);
});
MONTH_BY_NAME.set('sept', 9);

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a month of the Gregorian calendar (February has 29 in
 * leap years). Returns 0 for a month outside 1-12.
 */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * True if the date exists on the Gregorian calendar with a four-digit year
 * (1000-9999): 2024-02-29 is valid, 2026-02-29 and 2026-02-30 are not.
 */
export function isValidDate(d: CalendarDate): boolean {
  const { year, month, day } = d;
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < 1000 || year > 9999) return false;
  return day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Orders two dates: negative if `a` is earlier, positive if later, 0 if the
 * same day.
 */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return Math.sign(a.year - b.year || a.month - b.month || a.day - b.day);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a strict ISO calendar date as found in YAML front matter:
 * `2026-03-01`. Full-width digits are accepted.
 *
 * @returns the date as written (not checked for validity), or `undefined`.
 */
export function parseIsoDate(s: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(normalizeDigits(s).trim());
  return match ? toDate(match[1], match[2], match[3]) : undefined;
}

function toDate(year?: string, month?: string, day?: string): CalendarDate | undefined {
  if (year === undefined || month === undefined || day === undefined) return undefined;
  return { year: Number(year), month: Number(month), day: Number(day) };
}

// Numeric year-month-day with one consistent separator; in Chinese text
// 2026/3/1 and 2026.3.1 are as unambiguous as 2026-03-01.
const NUMERIC_YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;

function parseNumericYmd(text: string, separators: string): CalendarDate | undefined {
  const match = NUMERIC_YMD.exec(text);
  if (!match || !separators.includes(match[2] as string)) return undefined;
  return toDate(match[1], match[3], match[4]);
}

const CHINESE_DATE = /^([^年]+)年([^月]+)月([^日号]+)[日号]$/;

function chineseYear(text: string): number | undefined {
  if (/^\d{4}$/.test(text)) return Number(text);
  return text.length === 4 ? decodeChineseDigitSequence(text) : undefined;
}

function chineseMonthOrDay(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  return decodeChineseNumber(text);
}

/**
 * Parses a Chinese date: `2026年3月1日`, `２０２６年３月１日`,
 * `2026 年 3 月 1 日`, `二〇二六年三月一日`, `2026年3月1号`, and the numeric
 * forms `2026-03-01`, `2026/3/1`, `2026.3.1`.
 *
 * @returns the date as written (2026年2月30日 → {2026, 2, 30}); check it with
 *   isValidDate. `undefined` if the text is not a date.
 */
export function parseChineseDate(s: string): CalendarDate | undefined {
  const text = normalizeDigits(s).replace(/\s+/g, '');
  const numeric = parseNumericYmd(text, '-/.');
  if (numeric) return numeric;
  const match = CHINESE_DATE.exec(text);
  if (!match) return undefined;
  const year = chineseYear(match[1] as string);
  const month = chineseMonthOrDay(match[2] as string);
  const day = chineseMonthOrDay(match[3] as string);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  return { year, month, day };
}

const ORDINAL = '(?:st|nd|rd|th)?';
// Day and year need a comma or space between them: "March 12026" is not a date.
const DAY_YEAR_GAP = '(?:\\s*,\\s*|\\s+)';
const MONTH_FIRST = new RegExp(`^([a-z]+)\\.?\\s*(\\d{1,2})${ORDINAL}${DAY_YEAR_GAP}(\\d{4})$`);
const DAY_FIRST = new RegExp(`^(?:the\\s+)?(\\d{1,2})${ORDINAL}\\s+(?:day\\s+)?(?:of\\s+)?([a-z]+)\\.?${DAY_YEAR_GAP}(\\d{4})$`);

function monthNumber(name: string | undefined): number | undefined {
  return name === undefined ? undefined : MONTH_BY_NAME.get(name);
}

/**
 * Parses an English date: `February 30, 2026`, `Feb. 3, 2026`,
 * `March 1st, 2026`, `30 February 2026`, `the 1st day of March, 2026`, or
 * ISO `2026-02-30`. Case-insensitive.
 *
 * @returns the date as written (not checked for validity), or `undefined`.
 */
export function parseEnglishDate(s: string): CalendarDate | undefined {
  const text = normalizeDigits(s).toLowerCase().replace(/\s+/g, ' ').trim();
  const numeric = parseNumericYmd(text, '-');
  if (numeric) return numeric;

  const monthFirst = MONTH_FIRST.exec(text);
  if (monthFirst) {
    const month = monthNumber(monthFirst[1]);
    return month === undefined ? undefined : { year: Number(monthFirst[3]), month, day: Number(monthFirst[2]) };
  }
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    const month = monthNumber(dayFirst[2]);
    return month === undefined ? undefined : { year: Number(dayFirst[3]), month, day: Number(dayFirst[1]) };
  }
  return undefined;
}

/**
 * Formats a date for contract text: `2026年3月1日` (zh-CN) or
 * `March 1, 2026` (en). A month outside 1-12 has no English name, so such a
 * date is written numerically as `2026-13-01` instead.
 */
export function formatDate(d: CalendarDate, locale: 'zh-CN' | 'en'): string {
  if (locale === 'zh-CN') return `${d.year}年${d.month}月${d.day}日`;
  const name = MONTH_NAMES[d.month - 1];
  if (name === undefined) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  }
  return `${name} ${d.day}, ${d.year}`;
}
