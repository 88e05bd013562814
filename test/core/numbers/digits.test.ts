import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatGrouped, normalizeDigits, parseNumberLiteral, toHundredths } from '../../../server/src/core/numbers/index.js';

test('normalizeDigits maps full-width digits and punctuation to ASCII', () => {
  assert.equal(normalizeDigits('５０万元，利率３．５％'), '50万元,利率3.5%');
  assert.equal(normalizeDigits('abc 123'), 'abc 123');
});

test('normalizeDigits keeps every offset valid', () => {
  const source = '甲方应于２０２６年３月１日前支付１２，５００．００元（１０％）';
  const normalized = normalizeDigits(source);
  assert.equal(normalized.length, source.length);
  assert.equal(normalized.indexOf('2026'), source.indexOf('２０２６'));
});

test('parseNumberLiteral reads plain, grouped, decimal and full-width literals', () => {
  assert.equal(parseNumberLiteral('500000'), 500000);
  assert.equal(parseNumberLiteral('500,000'), 500000);
  assert.equal(parseNumberLiteral('1,234.56'), 1234.56);
  assert.equal(parseNumberLiteral('３０'), 30);
  assert.equal(parseNumberLiteral('１２，５００．５'), 12500.5);
  assert.equal(parseNumberLiteral('12.5'), 12.5);
  assert.equal(parseNumberLiteral(' 42 '), 42);
});

test('parseNumberLiteral rejects malformed grouping and non-numbers', () => {
  for (const bad of ['', '  ', '1,23,4', '12,34', '1,2345', ',100', '100,', '1.', '.5', '1.2.3', '-5', '30%', 'abc', '五十', '1 000', '____']) {
    assert.equal(parseNumberLiteral(bad), undefined, JSON.stringify(bad));
  }
});

test('formatGrouped inserts thousands separators', () => {
  assert.equal(formatGrouped(120000), '120,000');
  assert.equal(formatGrouped(1234.5, 2), '1,234.50');
  assert.equal(formatGrouped(999), '999');
  assert.equal(formatGrouped(1000000), '1,000,000');
  assert.equal(formatGrouped(1234.5), '1,234.5');
  assert.equal(formatGrouped(0, 2), '0.00');
  assert.equal(formatGrouped(1.005, 2), '1.01');
});

test('formatGrouped output parses back to the same number', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e15 }), (n) => parseNumberLiteral(formatGrouped(n)) === n));
  fc.assert(fc.property(fc.integer({ min: 0, max: 1e13 }), (fen) => parseNumberLiteral(formatGrouped(fen / 100, 2)) === fen / 100));
});

test('toHundredths rounds half up on the decimal a reader sees', () => {
  assert.equal(toHundredths(1.005), 101);
  assert.equal(toHundredths(0.1 + 0.2), 30);
  assert.equal(toHundredths(1005.07), 100507);
  assert.equal(toHundredths(1e-7), 0);
  assert.equal(toHundredths(-1), undefined);
  assert.equal(toHundredths(Number.NaN), undefined);
  assert.equal(toHundredths(Infinity), undefined);
  assert.equal(toHundredths(1e20), undefined);
});
