import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeEnglishInteger, decodeEnglishNumber, encodeEnglishNumber } from '../../../server/src/core/numbers/index.js';

test('encodeEnglishNumber writes canonical lowercase words without "and"', () => {
  const cases: Array<[number, string]> = [
    [120000, 'one hundred twenty thousand'],
    [1250000, 'one million two hundred fifty thousand'],
    [125300, 'one hundred twenty-five thousand three hundred'],
    [0, 'zero'],
    [15, 'fifteen'],
    [40, 'forty'],
    [1005, 'one thousand five'],
    [2500000, 'two million five hundred thousand'],
    [1e12, 'one trillion'],
    [12500.5, 'twelve thousand five hundred and 50/100'],
    [1005.07, 'one thousand five and 07/100'],
    [0.5, 'zero and 50/100'],
  ];
  for (const [n, words] of cases) assert.equal(encodeEnglishNumber(n), words, String(n));
  assert.equal(encodeEnglishNumber(-1), '');
  assert.equal(encodeEnglishNumber(Number.NaN), '');
});

test('decodeEnglishNumber reads amounts the way drafters write them', () => {
  const cases: Array<[string, number]> = [
    ['one hundred twenty thousand', 120000],
    ['One Hundred and Twenty Thousand', 120000],
    ['ONE HUNDRED TWENTY THOUSAND', 120000],
    ['one hundred twenty-five thousand three hundred', 125300],
    ['one hundred twenty five thousand, three hundred', 125300],
    ['two million five hundred thousand', 2500000],
    ['twelve thousand five hundred and 50/100', 12500.5],
    ['twelve thousand five hundred and 50/100 dollars', 12500.5],
    ['one hundred dollars and fifty cents', 100.5],
    ['one hundred and twenty thousand US dollars and fifty cents only', 120000.5],
    ['one hundred dollars and no/100', 100],
    ['zero', 0],
    ['one hundred twenty thousand dollars', 120000],
    ['One Hundred Twenty Thousand US Dollars Only', 120000],
    ['one hundred twenty thousand United States dollars', 120000],
    ['five hundred thousand euros', 500000],
    ['one million pounds sterling exactly', 1000000],
    ['one million pounds', 1000000],
    ['five hundred thousand yuan', 500000],
    ['five hundred thousand renminbi', 500000],
    ['five hundred thousand RMB only', 500000],
    ['SAY US DOLLARS ONE HUNDRED THOUSAND ONLY', 100000],
    ['fifteen hundred', 1500],
    ['a thousand', 1000],
    ['one thousand and five', 1005],
    ['fifty cents', 0.5],
  ];
  for (const [words, n] of cases) assert.equal(decodeEnglishNumber(words), n, words);
});

test('decodeEnglishNumber rejects text that is not number words', () => {
  for (const bad of [
    '',
    '   ',
    '____',
    'abc',
    '120,000',
    'dollars',
    'only',
    'and',
    'one one',
    'twenty twelve',
    'thousand',
    'one thousand thousand',
    'one hundred hundred',
    'one and',
    'and one',
    'one hundred and 150/100',
    'one dollar and one hundred cents',
    'zero zero',
    'one hundred twenty thousand apples',
  ]) {
    assert.equal(decodeEnglishNumber(bad), undefined, JSON.stringify(bad));
  }
});

test('English amounts round-trip for every whole amount up to 10^12', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => decodeEnglishNumber(encodeEnglishNumber(n)) === n),
    { numRuns: 2000 },
  );
});

test('English amounts round-trip with cents', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e14 }), (cents) => {
      const amount = cents / 100;
      return decodeEnglishNumber(encodeEnglishNumber(amount)) === amount;
    }),
    { numRuns: 2000 },
  );
});

test('English amounts round-trip in the styles drafters add around the canonical words', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1e12 }), (n) => {
      const words = encodeEnglishNumber(n);
      const titled = words.replace(/\b[a-z]/g, (c) => c.toUpperCase());
      return decodeEnglishNumber(`${titled} US Dollars Only`) === n && decodeEnglishNumber(`${words} dollars and twenty-five cents`) === n + 0.25;
    }),
  );
});

test('decodeEnglishInteger reads integer words only', () => {
  assert.equal(decodeEnglishInteger('thirty'), 30);
  assert.equal(decodeEnglishInteger('twenty-one'), 21);
  assert.equal(decodeEnglishInteger('zero'), 0);
  assert.equal(decodeEnglishInteger('thirty dollars'), undefined);
  assert.equal(decodeEnglishInteger('30'), undefined);
});
