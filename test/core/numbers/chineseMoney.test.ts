import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import nzhcn from 'nzh/cn';
import {
  decodeChineseDigitSequence,
  decodeChineseMoney,
  decodeChineseNumber,
  encodeChineseMoney,
  encodeChineseNumber,
} from '../../../server/src/core/numbers/index.js';

test('encodeChineseMoney writes canonical 大写 amounts', () => {
  const cases: Array<[number, string]> = [
    [500000, '伍拾万元整'],
    [100500, '壹拾万零伍佰元整'],
    [1005.07, '壹仟零伍元零柒分'],
    [100000.5, '壹拾万元伍角整'],
    [0.5, '伍角整'],
    [0.05, '伍分'],
    [0, '零元整'],
    [10, '壹拾元整'],
    [1200000, '壹佰贰拾万元整'],
    [1001000, '壹佰万壹仟元整'],
    [100000.05, '壹拾万元零伍分'],
    [1e12, '壹万亿元整'],
  ];
  for (const [amount, words] of cases) assert.equal(encodeChineseMoney(amount), words, String(amount));
});

test('encodeChineseMoney rounds to the fen and refuses amounts it cannot write', () => {
  assert.equal(encodeChineseMoney(0.1 + 0.2), '叁角整');
  assert.equal(encodeChineseMoney(1.005), '壹元零壹分');
  assert.equal(encodeChineseMoney(-1), '');
  assert.equal(encodeChineseMoney(Number.NaN), '');
  assert.equal(encodeChineseMoney(Infinity), '');
});

test('decodeChineseMoney reads the forms drafters write', () => {
  const cases: Array<[string, number]> = [
    ['伍拾万元整', 500000],
    ['人民币伍拾万元整', 500000],
    ['人民币（大写）：伍拾万元整', 500000],
    ['人民币 伍拾万元整', 500000],
    ['壹拾万零伍佰元整', 100500],
    ['壹仟零伍元零柒分', 1005.07],
    ['壹拾万元伍角', 100000.5],
    ['壹拾万元伍角整', 100000.5],
    ['伍拾万元正', 500000],
    ['壹佰贰拾万元整', 1200000],
    ['零元伍角', 0.5],
    ['伍角整', 0.5],
    ['伍分', 0.05],
    ['伍拾万', 500000],
    ['壹拾元零伍角', 10.5],
    ['壹元零角零分', 1],
    ['壹万亿元整', 1e12],
    ['壹亿零伍拾万元整', 100500000],
    ['贰仟万元整', 20000000],
    ['伍拾万圆整', 500000],
  ];
  for (const [words, amount] of cases) assert.equal(decodeChineseMoney(words), amount, words);
});

test('decodeChineseMoney accepts lowercase and variant numerals', () => {
  assert.equal(decodeChineseMoney('五十万元整'), 500000);
  assert.equal(decodeChineseMoney('人民币十万零五百元'), 100500);
  assert.equal(decodeChineseMoney('两千元整'), 2000);
  assert.equal(decodeChineseMoney('一〇五元'), undefined); // digit-by-digit is not an amount
  assert.equal(decodeChineseMoney('壹仟〇伍元'), 1005);
  assert.equal(decodeChineseMoney('伍拾萬元整'), 500000);
});

test('decodeChineseMoney returns undefined for anything that is not money words', () => {
  for (const bad of [
    '',
    '   ',
    '____',
    '＿＿＿＿',
    'abc',
    '人民币',
    '元整',
    '整',
    '伍拾万abc',
    '50万元',
    '伍拾万元伍',
    '伍拾万元整整',
    '伍角伍角',
    '伍拾元万',
    '壹亿亿元',
    '拾拾元',
    '元伍拾',
    '壹元贰元',
  ]) {
    assert.equal(decodeChineseMoney(bad), undefined, JSON.stringify(bad));
  }
});

test('decodeChineseMoney is exact to the fen', () => {
  assert.equal(decodeChineseMoney('壹角'), 0.1);
  assert.equal(decodeChineseMoney('贰角'), 0.2);
  assert.equal(decodeChineseMoney('叁角叁分'), 0.33);
  assert.equal(decodeChineseMoney('玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'), 999999999999.99);
});

test('Chinese money round-trips for every whole yuan amount up to 10^12', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e12 }), (yuan) => decodeChineseMoney(encodeChineseMoney(yuan)) === yuan),
    { numRuns: 2000 },
  );
});

test('Chinese money round-trips for amounts with jiao and fen', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e14 }), (fen) => {
      const amount = fen / 100;
      return decodeChineseMoney(encodeChineseMoney(amount)) === amount;
    }),
    { numRuns: 2000 },
  );
  // Small amounts exercise every 零/角/分 combination exhaustively.
  for (let fen = 0; fen <= 20000; fen++) {
    const amount = fen / 100;
    assert.equal(decodeChineseMoney(encodeChineseMoney(amount)), amount, String(amount));
  }
});

test('Chinese money round-trips with the 人民币 prefix nzh adds by default', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e14 }), (fen) => {
      const amount = fen / 100;
      return decodeChineseMoney(nzhcn.toMoney(encodeFenString(fen))) === amount;
    }),
  );
});

function encodeFenString(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

test('encodeChineseNumber writes 大写 integers without 元', () => {
  assert.equal(encodeChineseNumber(30), '叁拾');
  assert.equal(encodeChineseNumber(10), '壹拾');
  assert.equal(encodeChineseNumber(105), '壹佰零伍');
  assert.equal(encodeChineseNumber(0), '零');
  assert.equal(encodeChineseNumber(1.5), '');
  assert.equal(encodeChineseNumber(-3), '');
});

test('decodeChineseNumber reads 大写 and 小写 integers', () => {
  const cases: Array<[string, number]> = [
    ['三十', 30],
    ['十二', 12],
    ['十', 10],
    ['一百零五', 105],
    ['一百一十', 110],
    ['二十一', 21],
    ['叁拾', 30],
    ['壹拾万零伍佰', 100500],
    ['两万', 20000],
    ['零', 0],
    ['一千五', 1500],
    ['一万五', 15000],
    ['一千零五十', 1050],
    ['三十一', 31],
  ];
  for (const [words, n] of cases) assert.equal(decodeChineseNumber(words), n, words);
  for (const bad of ['', 'abc', '30', '二〇二六', '十十', '百', '三十日', '万']) {
    assert.equal(decodeChineseNumber(bad), undefined, JSON.stringify(bad));
  }
});

test('decodeChineseNumber inverts both encodeChineseNumber and nzh 小写', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e15 }), (n) => decodeChineseNumber(encodeChineseNumber(n)) === n),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e15 }), (n) => decodeChineseNumber(nzhcn.encodeS(String(n))) === n),
    { numRuns: 2000 },
  );
});

test('decodeChineseDigitSequence reads years written digit by digit', () => {
  assert.equal(decodeChineseDigitSequence('二〇二六'), 2026);
  assert.equal(decodeChineseDigitSequence('二零二六'), 2026);
  assert.equal(decodeChineseDigitSequence('二〇二十'), undefined);
  assert.equal(decodeChineseDigitSequence(''), undefined);
});
