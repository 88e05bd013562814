import type { DurationMention, PeriodMention } from '../model.js';
import type { CalendarDate } from '../numbers/dates.js';
import type { DurationUnit } from '../numbers/duration.js';
import type { Check, CheckContext } from './types.js';
import { compareDates, daysInMonth, formatDate, isValidDate } from '../numbers/dates.js';

/**
 * A period's dates must make sense: the end not before the start, the term
 * stated beside them matching them, and no notice period longer than the term.
 *
 * A term of N years from a start date ends on the day before the anniversary
 * when the start day counts (自2026年3月1日至2028年2月29日, Chinese practice) or on the
 * anniversary itself when it does not (民法典 art. 201–202: the period starts the
 * next day and ends on the corresponding day); both are accepted. A month
 * without the corresponding day ends on its last day.
 */
export const contractPeriod: Check = {
  id: 'contract-period',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'A period ends before it starts, its stated term does not match its dates, or a notice period is longer than the term.',
      endBeforeStart: 'This period ends on {end}, before it starts on {start}.',
      start: 'The start: {start}.',
      termMismatch: 'A term of {term} from {start} ends on {expected} (or on {anniversary} if the first day is not counted), not on {end}.',
      term: 'The term: {term}.',
      noticeLonger: 'This notice period ({notice}) is longer than the term of the contract ({term}).',
      useExpected: 'End the period on {expected}',
    },
    'zh-CN': {
      summary: '期间的结束日早于开始日、所述期限与起止日期不符，或通知期长于合同期限。',
      endBeforeStart: '该期间结束于{end}，早于开始日{start}。',
      start: '开始日：{start}。',
      termMismatch: '自{start}起{term}的期限应至{expected}止（如首日不计入则至{anniversary}），而非{end}。',
      term: '期限：{term}。',
      noticeLonger: '此通知期（{notice}）长于合同期限（{term}）。',
      useExpected: '将结束日改为{expected}',
    },
  },
  run(context) {
    const { doc } = context;
    const termsBySentence = new Map<number, DurationMention[]>();
    for (const d of doc.durations) {
      if (d.role !== 'term' || d.unit === 'workday') continue;
      if (!termsBySentence.has(d.sentence)) termsBySentence.set(d.sentence, []);
      termsBySentence.get(d.sentence)!.push(d);
    }
    // A term speaks of the one period nearest it in its sentence (a rent-free period beside the lease term is another period).
    const nearest = new Map<DurationMention, PeriodMention>();
    const periodsBySentence = new Map<number, PeriodMention[]>();
    for (const p of doc.periods) {
      if (!periodsBySentence.has(p.sentence)) periodsBySentence.set(p.sentence, []);
      periodsBySentence.get(p.sentence)!.push(p);
    }
    for (const [sentence, terms] of termsBySentence) {
      const periods = [...(periodsBySentence.get(sentence) ?? [])];
      for (const term of terms) {
        const distance = (p: PeriodMention) => Math.min(Math.abs(p.span.start - term.span.end), Math.abs(term.span.start - p.span.end));
        const closest = periods.sort((a, b) => distance(a) - distance(b))[0];
        if (closest) nearest.set(term, closest);
      }
    }
    for (const period of doc.periods) {
      // An impossible date is invalid-date's to report; it has no place in a calendar sum.
      if (!isValidDate(period.start.date) || !isValidDate(period.end.date)) continue;
      if (compareDates(period.end.date, period.start.date) < 0) reportEndBeforeStart(context, period);
      else
        checkTerm(
          context,
          period,
          (termsBySentence.get(period.sentence) ?? []).filter((t) => nearest.get(t) === period),
        );
    }
    checkNotice(context);
  },
};

function reportEndBeforeStart({ doc, locale, report }: CheckContext, period: PeriodMention): void {
  const start = formatDate(period.start.date, locale);
  report({
    span: period.end.span,
    key: 'endBeforeStart',
    args: { start, end: formatDate(period.end.date, locale) },
    related: [{ span: period.start.span, key: 'start', args: { start } }],
    data: { text: doc.text.slice(period.span.start, period.span.end) },
  });
}

function checkTerm({ doc, locale, report }: CheckContext, period: PeriodMention, terms: readonly DurationMention[]): void {
  if (terms.length !== 1) return;
  const term = terms[0]!;
  const anniversary = addPeriod(period.start.date, term.amount, term.unit);
  const dayBefore = addDays(anniversary, -1);
  if (compareDates(period.end.date, anniversary) === 0 || compareDates(period.end.date, dayBefore) === 0) return;
  const expected = formatDate(dayBefore, locale);
  const termText = doc.text.slice(term.span.start, term.span.end);
  const written = doc.text.slice(period.end.span.start, period.end.span.end);
  const pad = (n: number) => String(n).padStart(2, '0');
  const newText = /^\d{4}-/.test(written)
    ? `${dayBefore.year}-${pad(dayBefore.month)}-${pad(dayBefore.day)}`
    : formatDate(dayBefore, /[年月日]/.test(written) ? 'zh-CN' : 'en');
  report({
    span: period.end.span,
    key: 'termMismatch',
    args: {
      term: termText,
      start: formatDate(period.start.date, locale),
      expected,
      anniversary: formatDate(anniversary, locale),
      end: formatDate(period.end.date, locale),
    },
    related: [{ span: term.span, key: 'term', args: { term: termText } }],
    fixes: [{ key: 'useExpected', args: { expected }, edits: [{ span: period.end.span, newText }], safe: false }],
  });
}

function checkNotice({ doc, report }: CheckContext): void {
  const term = contractTermDays(doc.durations, doc.periods);
  if (!term) return;
  for (const notice of doc.durations) {
    if (notice.role !== 'notice' || approximateDays(notice.amount, notice.unit) <= term.days) continue;
    report({
      span: notice.span,
      key: 'noticeLonger',
      args: { notice: doc.text.slice(notice.span.start, notice.span.end), term: term.text(doc.text) },
      related: [{ span: term.span, key: 'term', args: { term: term.text(doc.text) } }],
      severity: 'warning',
    });
  }
}

/** The contract's term in days: one stated term, else one period's dates; none when they disagree. */
function contractTermDays(durations: readonly DurationMention[], periods: readonly PeriodMention[]) {
  // A trial period or a confidentiality term is no measure for notice: only the contract's own term is.
  const terms = durations.filter((d) => d.role === 'term' && CONTRACT_TERM.test(d.before));
  if (terms.length > 0) {
    const days = terms.map((t) => approximateDays(t.amount, t.unit));
    if (days.some((d) => d !== days[0])) return undefined;
    const term = terms[0]!;
    return { days: days[0]!, span: term.span, text: (text: string) => text.slice(term.span.start, term.span.end) };
  }
  const contractPeriods = periods.filter((p) => CONTRACT_TERM.test(p.contextBefore));
  if (contractPeriods.length !== 1) return undefined;
  const period = contractPeriods[0]!;
  const days = daysBetween(period.start.date, period.end.date) + 1;
  if (days <= 0) return undefined;
  return { days, span: period.span, text: (text: string) => text.slice(period.span.start, period.span.end) };
}

const CONTRACT_TERM = /合同|协议|租赁|租期|agreement|contract|lease|tenancy|term of this/i;

function approximateDays(amount: number, unit: DurationUnit): number {
  const perUnit: Record<DurationUnit, number> = { day: 1, workday: 1.4, week: 7, month: 30, year: 365 };
  return amount * perUnit[unit];
}

function addPeriod(date: CalendarDate, amount: number, unit: DurationUnit): CalendarDate {
  if (unit === 'day' || unit === 'workday') return addDays(date, amount);
  if (unit === 'week') return addDays(date, amount * 7);
  const months = date.month - 1 + (unit === 'year' ? amount * 12 : amount);
  const year = date.year + Math.floor(months / 12);
  const month = (months % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
