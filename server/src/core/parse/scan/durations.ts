import type { DurationMention, DurationRole } from '../../model.js';
import type { DurationUnit } from '../../numbers/duration.js';
import { decodeChineseNumber } from '../../numbers/chineseMoney.js';
import { decodeEnglishInteger } from '../../numbers/englishWords.js';
import { normalizeDigits } from '../../numbers/digits.js';

const EN_CARDINAL =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)';
// `thirty (30) days`, `30 business days`, `two years`, `60-day`; the figure in brackets wins when both are written.
const EN_DURATION = new RegExp(
  `(?<![A-Za-z\\d.,-])(?:(${EN_CARDINAL}(?:[ -]${EN_CARDINAL}){0,3})\\s*(?:\\(\\s*(\\d{1,4})\\s*\\))?|(\\d{1,4}))[ -](?:(calendar|business|working|banking)\\s+)?(days?|weeks?|months?|years?)\\b`,
  'gi',
);
const ZH_NUMERALS = '零一二三四五六七八九十百两';
// `三十日`, `15个工作日`, `两年`, `3个月`, `十五（15）日`. A bare `3月` is March, so months need 个.
const ZH_DURATION = new RegExp(
  `(?<![\\d${ZH_NUMERALS}〇年月])(?:([${ZH_NUMERALS}]{1,6})(?:\\s*[（(]\\s*(\\d{1,4})\\s*[)）])?|(\\d{1,4}))\\s*(个工作日|工作日|个自然日|自然日|日历日|天|日|个星期|星期|周|个月|年)(?![\\d${ZH_NUMERALS}]{1,2}\\s*月)`,
  'g',
);
// What each unit of EN_DURATION and ZH_DURATION holds (个月 a 月, 星期 a 期).
const EN_UNIT = /day|week|month|year/i;
const ZH_UNIT = /[日天周年月期]/;
const NOTICE_EN_AFTER = /^['’]?\s*(?:prior\s+|advance\s+)?(?:written\s+)?notice/i;
const NOTICE_EN_BEFORE = /(?:notice|notify\w*)\b[^.;]{0,40}(?:at least|not less than|no less than|of|within)?\s*$/i;
const NOTICE_ZH = /提前$/;
const NOTICE_ZH_AFTER = /^(?:以)?(?:书面)?(?:形式)?通知/;
const TERM_EN_BEFORE =
  /(?:term|period of validity|duration)\s+(?:of\s+(?:this\s+agreement\s+)?)?(?:shall\s+be|is|will\s+be|of)\s+(?:a\s+period\s+of\s+)?$|\bfor\s+a\s+(?:term|period)\s+of\s+$/i;
const TERM_ZH_BEFORE = /(?:期限|有效期|合同期|租期|服务期)(?:为|是|：|:)?\s*$/;

const CLAUSE_BREAK = /[，,；;。！？!?\n\r：:]/;
const CONTEXT = 48;

/**
 * Periods of time, with what they stand for (a contract term, a notice
 * period, anything else) read from the words just around them.
 */
export function scanDurations(masked: string, base: number, sentenceOf: (index: number) => number): DurationMention[] {
  const found: DurationMention[] = [];
  // Both patterns end in a unit; a block without one is spared their scans, which try every position.
  for (const m of EN_UNIT.test(masked) ? masked.matchAll(EN_DURATION) : []) {
    const amount = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? Number(m[3]) : decodeEnglishInteger(m[1]!.toLowerCase().replace(/-/g, ' '));
    if (amount === undefined || amount <= 0) continue;
    const unit: DurationUnit = m[4] !== undefined && !/^calendar$/i.test(m[4]) ? 'workday' : (m[5]!.toLowerCase().replace(/s$/, '') as DurationUnit);
    const start = m.index;
    const end = start + m[0].length;
    const before = masked.slice(Math.max(0, start - 60), start);
    const after = masked.slice(end, end + 40);
    const role: DurationRole = TERM_EN_BEFORE.test(before) ? 'term' : NOTICE_EN_AFTER.test(after) || NOTICE_EN_BEFORE.test(before) ? 'notice' : 'other';
    push(found, masked, base, start, end, amount, unit, role, sentenceOf);
  }
  for (const m of ZH_UNIT.test(masked) ? masked.matchAll(ZH_DURATION) : []) {
    const figure = m[2] ?? m[3];
    const amount = figure !== undefined ? Number(normalizeDigits(figure)) : decodeChineseNumber(m[1]!);
    if (amount === undefined || amount <= 0) continue;
    const unitText = m[4]!.replace(/^个/, '');
    // A four-digit year (2026年) and a day of the month (3月15日) are dates, not periods.
    if (unitText === '年' && figure !== undefined && amount >= 100) continue;
    const unit: DurationUnit =
      unitText === '工作日' ? 'workday' : unitText === '月' ? 'month' : unitText === '年' ? 'year' : /星期|周/.test(unitText) ? 'week' : 'day';
    const start = m.index;
    const end = start + m[0].length;
    const before = masked.slice(Math.max(0, start - 20), start);
    const after = masked.slice(end, end + 12);
    if (unit === 'day' && /月\s*$/.test(before)) continue;
    const role: DurationRole = TERM_ZH_BEFORE.test(before)
      ? 'term'
      : NOTICE_ZH.test(before.replace(/\s+$/, '')) && NOTICE_ZH_AFTER.test(after.replace(/^\s*/, ''))
        ? 'notice'
        : 'other';
    push(found, masked, base, start, end, amount, unit, role, sentenceOf);
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

function push(
  found: DurationMention[],
  masked: string,
  base: number,
  start: number,
  end: number,
  amount: number,
  unit: DurationUnit,
  role: DurationRole,
  sentenceOf: (index: number) => number,
): void {
  let from = start;
  while (from > 0 && start - from < CONTEXT && !CLAUSE_BREAK.test(masked[from - 1]!)) from--;
  let to = end;
  while (to < masked.length && to - end < CONTEXT && !CLAUSE_BREAK.test(masked[to]!)) to++;
  const before = masked.slice(from, start).trim();
  const after = masked.slice(end, to).trim();
  found.push({ span: { start: base + start, end: base + end }, amount, unit, role, before, after, sentence: base + sentenceOf(start) });
}
