/**
 * Periods of time in contract text: "30 days", "thirty (30) business days",
 * "3 months", 三十日, 十五个工作日, 3个月.
 */
import { decodeChineseNumber } from './chineseMoney.js';
import { normalizeDigits } from './digits.js';
import { decodeEnglishInteger } from './englishWords.js';

/** Unit of a period; `workday` counts business/working days only. */
export type DurationUnit = 'day' | 'workday' | 'week' | 'month' | 'year';

/** A period such as 30 business days → { amount: 30, unit: 'workday' }. */
export interface Duration {
  amount: number;
  unit: DurationUnit;
}

type IntegerParser = (text: string) => number | undefined;

// prettier-ignore
const ENGLISH_UNITS: Readonly<Record<string, DurationUnit>> = {
  day: 'day', days: 'day',
  week: 'week', weeks: 'week',
  month: 'month', months: 'month',
  year: 'year', years: 'year',
};

// "calendar days" are ordinary days; the others exclude weekends/holidays.
const ENGLISH_DAY_QUALIFIERS: Readonly<Record<string, DurationUnit>> = {
  calendar: 'day',
  business: 'workday',
  working: 'workday',
  work: 'workday',
  banking: 'workday',
};

const ENGLISH_DURATION = /^(.+?)\s+(?:(calendar|business|working|work|banking)\s+)?(days?|weeks?|months?|years?)$/;

// 个 is required before 月: a bare 3月 is March, not three months.
const CHINESE_DURATION = /^(.+?)(个?工作日|个?自然日|个?日历日|天|日|个?周|个?星期|个?礼拜|个月|周年|年)$/;

function chineseUnit(unitText: string): DurationUnit {
  const unit = unitText.replace(/^个/, '');
  if (unit === '工作日') return 'workday';
  if (unit === '周' || unit === '星期' || unit === '礼拜') return 'week';
  if (unit === '月') return 'month';
  if (unit === '年' || unit === '周年') return 'year';
  return 'day';
}

const ASCII_INTEGER = /^\d+$/;

/**
 * Reads the amount, allowing the drafting habit of repeating it in
 * parentheses — "thirty (30)", "30 (thirty)", 三十（30） — in which case both
 * spellings must agree.
 */
function parseAmount(text: string, parseWords: IntegerParser): number | undefined {
  const single = (part: string): number | undefined => {
    const trimmed = part.trim();
    if (ASCII_INTEGER.test(trimmed)) return Number(trimmed);
    return parseWords(trimmed);
  };
  const repeated = /^(.+?)\s*[(（]\s*(.+?)\s*[)）]$/.exec(text);
  if (!repeated) return single(text);
  const first = single(repeated[1] as string);
  const second = single(repeated[2] as string);
  return first !== undefined && first === second ? first : undefined;
}

function parseEnglishDuration(text: string): Duration | undefined {
  const match = ENGLISH_DURATION.exec(text.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim());
  if (!match) return undefined;
  const amount = parseAmount(match[1] as string, decodeEnglishInteger);
  if (amount === undefined) return undefined;
  const base = ENGLISH_UNITS[match[3] as string] as DurationUnit;
  const qualifier = match[2];
  if (qualifier !== undefined && base !== 'day') return undefined; // "business months" is not a unit
  const unit = qualifier === undefined ? base : (ENGLISH_DAY_QUALIFIERS[qualifier] as DurationUnit);
  return { amount, unit };
}

function parseChineseDuration(text: string): Duration | undefined {
  const match = CHINESE_DURATION.exec(text.replace(/\s+/g, ''));
  if (!match) return undefined;
  const amount = parseAmount(match[1] as string, decodeChineseNumber);
  if (amount === undefined) return undefined;
  return { amount, unit: chineseUnit(match[2] as string) };
}

/**
 * Parses a period of time: `30 days`, `30 business days`,
 * `10 working days`, `thirty (30) days`, `3 months`, `1 year`, `三十日`,
 * `30日`, `30天`, `十五个工作日`, `7个工作日`, `3个月`, `五年`, `两周`.
 * Full-width digits are accepted.
 *
 * @returns a whole-number amount and its unit, or `undefined`.
 */
export function parseDuration(s: string): Duration | undefined {
  const text = normalizeDigits(s).trim();
  if (text.length === 0) return undefined;
  return parseEnglishDuration(text) ?? parseChineseDuration(text);
}
