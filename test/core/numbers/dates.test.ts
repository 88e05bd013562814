import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  type CalendarDate,
  compareDates,
  daysInMonth,
  formatDate,
  isValidDate,
  parseChineseDate,
  parseEnglishDate,
  parseIsoDate,
} from '../../../server/src/core/numbers/index.js';

const date = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

test('isValidDate follows the Gregorian leap-year rules', () => {
  assert.equal(isValidDate(date(2024, 2, 29)), true);
  assert.equal(isValidDate(date(2026, 2, 29)), false);
  assert.equal(isValidDate(date(2026, 2, 28)), true);
  assert.equal(isValidDate(date(2000, 2, 29)), true);
  assert.equal(isValidDate(date(1900, 2, 29)), false);
  assert.equal(isValidDate(date(2026, 4, 31)), false);
  assert.equal(isValidDate(date(2026, 12, 31)), true);
  assert.equal(isValidDate(date(2026, 13, 1)), false);
  assert.equal(isValidDate(date(2026, 0, 1)), false);
  assert.equal(isValidDate(date(2026, 1, 0)), false);
  assert.equal(isValidDate(date(999, 1, 1)), false);
  assert.equal(isValidDate(date(10000, 1, 1)), false);
  assert.equal(isValidDate(date(2026, 1.5, 1)), false);
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(2026, 13), 0);
});

test('isValidDate agrees with the JavaScript calendar', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const js = new Date(Date.UTC(y, m - 1, d));
      const exists = js.getUTCFullYear() === y && js.getUTCMonth() === m - 1 && js.getUTCDate() === d;
      return isValidDate(date(y, m, d)) === exists;
    }),
    { numRuns: 3000 },
  );
});

test('compareDates orders by year, then month, then day', () => {
  assert.ok(compareDates(date(2026, 3, 1), date(2026, 3, 2)) < 0);
  assert.ok(compareDates(date(2026, 4, 1), date(2026, 3, 31)) > 0);
  assert.ok(compareDates(date(2025, 12, 31), date(2026, 1, 1)) < 0);
  assert.equal(compareDates(date(2026, 3, 1), date(2026, 3, 1)), 0);
});

test('parseChineseDate reads Arabic, full-width and Chinese numerals', () => {
  const cases: Array<[string, CalendarDate]> = [
    ['2026年3月1日', date(2026, 3, 1)],
    ['２０２６年３月１日', date(2026, 3, 1)],
    ['2026 年 3 月 1 日', date(2026, 3, 1)],
    ['2026年03月01日', date(2026, 3, 1)],
    ['二〇二六年三月一日', date(2026, 3, 1)],
    ['二零二六年十二月三十一日', date(2026, 12, 31)],
    ['二〇二六年十月二十日', date(2026, 10, 20)],
    ['2026年3月1号', date(2026, 3, 1)],
    ['2026-03-01', date(2026, 3, 1)],
    ['2026/3/1', date(2026, 3, 1)],
    ['2026.3.1', date(2026, 3, 1)],
  ];
  for (const [text, expected] of cases) assert.deepEqual(parseChineseDate(text), expected, text);
});

test('parseChineseDate returns impossible dates for isValidDate to reject', () => {
  const feb30 = parseChineseDate('2026年2月30日');
  assert.deepEqual(feb30, date(2026, 2, 30));
  assert.equal(isValidDate(feb30 as CalendarDate), false);
  assert.equal(isValidDate(parseChineseDate('2024年2月29日') as CalendarDate), true);
  assert.equal(isValidDate(parseChineseDate('2026年2月29日') as CalendarDate), false);
});

test('parseChineseDate rejects text that is not a date', () => {
  for (const bad of ['', '____年__月__日', '2026年3月', '3月1日', '26年3月1日', '二〇二六年三月', 'abc', '2026-3/1', 'March 1, 2026']) {
    assert.equal(parseChineseDate(bad), undefined, JSON.stringify(bad));
  }
});

test('parseEnglishDate reads month-first, day-first and ISO dates', () => {
  const cases: Array<[string, CalendarDate]> = [
    ['February 30, 2026', date(2026, 2, 30)],
    ['30 February 2026', date(2026, 2, 30)],
    ['Feb. 3, 2026', date(2026, 2, 3)],
    ['Feb 3 2026', date(2026, 2, 3)],
    ['march 1st, 2026', date(2026, 3, 1)],
    ['1st March, 2026', date(2026, 3, 1)],
    ['the 1st day of March, 2026', date(2026, 3, 1)],
    ['Sept. 15, 2026', date(2026, 9, 15)],
    ['MAY 5, 2026', date(2026, 5, 5)],
    ['2026-02-30', date(2026, 2, 30)],
    ['February ３, ２０２６', date(2026, 2, 3)],
  ];
  for (const [text, expected] of cases) assert.deepEqual(parseEnglishDate(text), expected, text);
  assert.equal(isValidDate(parseEnglishDate('February 30, 2026') as CalendarDate), false);
});

test('parseEnglishDate rejects text that is not a date', () => {
  for (const bad of ['', 'February 2026', 'Foo 3, 2026', 'March 12026', '3/1/2026', '2026年3月1日', 'the ___ day of ______, 2026']) {
    assert.equal(parseEnglishDate(bad), undefined, JSON.stringify(bad));
  }
});

test('parseIsoDate reads strict YAML dates', () => {
  assert.deepEqual(parseIsoDate('2026-03-01'), date(2026, 3, 1));
  assert.deepEqual(parseIsoDate('2026-02-30'), date(2026, 2, 30));
  assert.equal(parseIsoDate('2026-3-1'), undefined);
  assert.equal(parseIsoDate('2026/03/01'), undefined);
  assert.equal(parseIsoDate('March 1, 2026'), undefined);
  assert.equal(parseIsoDate(''), undefined);
});

test('formatDate writes contract-style dates', () => {
  assert.equal(formatDate(date(2026, 3, 1), 'zh-CN'), '2026年3月1日');
  assert.equal(formatDate(date(2026, 3, 1), 'en'), 'March 1, 2026');
  assert.equal(formatDate(date(2026, 12, 25), 'en'), 'December 25, 2026');
  assert.equal(formatDate(date(2026, 13, 1), 'en'), '2026-13-01');
});

test('formatted dates parse back to the same date', () => {
  const validDate = fc
    .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter(isValidDate);
  fc.assert(
    fc.property(validDate, (d) => {
      const zh = parseChineseDate(formatDate(d, 'zh-CN'));
      const en = parseEnglishDate(formatDate(d, 'en'));
      return zh !== undefined && en !== undefined && compareDates(zh, d) === 0 && compareDates(en, d) === 0;
    }),
  );
});
