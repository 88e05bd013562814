import type { Check } from './types.js';
import { formatDate, isValidDate } from '../numbers/dates.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date that no calendar has (2026年2月30日, February 30), in the text or a date field. */
export const invalidDate: Check = {
  id: 'invalid-date',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'A date does not exist in the calendar.',
      text: 'Unexpected date {date}: {monthName} {year} has no day {day}.',
      month: 'Unexpected date {date}: there is no month {month}.',
      field: 'Field "{name}" is {date}, which does not exist in the calendar.',
    },
    'zh-CN': {
      summary: '日期在日历中不存在。',
      text: '日期 {date} 不存在：{year}年{month}月没有第 {day} 日。',
      month: '日期 {date} 不存在：没有 {month} 月。',
      field: '字段“{name}”的日期 {date} 在日历中不存在。',
    },
  },
  run({ doc, report }) {
    for (const mention of doc.dates) {
      const { year, month, day } = mention.date;
      if (isValidDate(mention.date)) continue;
      const date = doc.text.slice(mention.span.start, mention.span.end);
      report({
        span: mention.span,
        key: month < 1 || month > 12 ? 'month' : 'text',
        args: { date, year, month, day, monthName: MONTHS[month - 1] ?? String(month) },
      });
    }
    for (const field of doc.fields.values()) {
      const parsed = field.value?.parsed;
      if (parsed?.kind !== 'date' || isValidDate(parsed.date)) continue;
      report({ span: field.value?.span ?? field.declaration, key: 'field', args: { name: field.name, date: formatDate(parsed.date, doc.locale) } });
    }
  },
};
