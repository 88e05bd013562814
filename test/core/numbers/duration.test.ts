import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type Duration, parseDuration } from '../../../server/src/core/numbers/index.js';

test('parseDuration reads English periods', () => {
  const cases: Array<[string, Duration]> = [
    ['30 days', { amount: 30, unit: 'day' }],
    ['1 day', { amount: 1, unit: 'day' }],
    ['30 calendar days', { amount: 30, unit: 'day' }],
    ['30 business days', { amount: 30, unit: 'workday' }],
    ['10 working days', { amount: 10, unit: 'workday' }],
    ['2 weeks', { amount: 2, unit: 'week' }],
    ['3 months', { amount: 3, unit: 'month' }],
    ['1 year', { amount: 1, unit: 'year' }],
    ['thirty (30) days', { amount: 30, unit: 'day' }],
    ['30 (thirty) Business Days', { amount: 30, unit: 'workday' }],
    ['twenty-one days', { amount: 21, unit: 'day' }],
    ['３０ days', { amount: 30, unit: 'day' }],
  ];
  for (const [text, expected] of cases) assert.deepEqual(parseDuration(text), expected, text);
});

test('parseDuration reads Chinese periods', () => {
  const cases: Array<[string, Duration]> = [
    ['三十日', { amount: 30, unit: 'day' }],
    ['30日', { amount: 30, unit: 'day' }],
    ['30天', { amount: 30, unit: 'day' }],
    ['３０天', { amount: 30, unit: 'day' }],
    ['30 天', { amount: 30, unit: 'day' }],
    ['十五个工作日', { amount: 15, unit: 'workday' }],
    ['7个工作日', { amount: 7, unit: 'workday' }],
    ['十个自然日', { amount: 10, unit: 'day' }],
    ['两周', { amount: 2, unit: 'week' }],
    ['3个月', { amount: 3, unit: 'month' }],
    ['五年', { amount: 5, unit: 'year' }],
    ['三十（30）日', { amount: 30, unit: 'day' }],
  ];
  for (const [text, expected] of cases) assert.deepEqual(parseDuration(text), expected, text);
});

test('parseDuration rejects text that is not a period', () => {
  for (const bad of [
    '',
    'days',
    '30',
    '3月',
    'thirty (31) days',
    '三十（31）日',
    'two business months',
    '1.5 years',
    '__ days',
    '____日',
    'several days',
    'abc',
  ]) {
    assert.equal(parseDuration(bad), undefined, JSON.stringify(bad));
  }
});
