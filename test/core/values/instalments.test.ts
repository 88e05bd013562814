import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeContract, inlayHintsIn, instalmentGroups, numericValue, parseContract, runChecks } from '../../../server/src/core/index.js';

test('written instalments carry running totals rounded once, as the percent-sum check rounds', () => {
  const { doc, problems } = analyzeContract('甲方应于签约后支付首期款 33.3%，验收后支付二期款 33.3%，尾款 33.3%。\n');
  const [group] = instalmentGroups(doc);
  assert.equal(group?.kind, 'written');
  assert.deepEqual(
    group!.parts.map((p) => p.runningTotal),
    [33.3, 66.6, 99.9],
  );
  assert.ok(group!.parts.every((p) => !p.openSoFar));
  const sum = problems.find((p) => p.checkId === 'percent-sum');
  assert.deepEqual(sum?.data, { sum: 99.9, total: 100 });
});

test('an open instalment marks every running total from it on', () => {
  const { doc } = analyzeContract('首期支付 30%，二期支付 ___%，尾款 20%。\n');
  const [group] = instalmentGroups(doc);
  assert.deepEqual(
    group!.parts.map((p) => [p.runningTotal, p.openSoFar]),
    [
      [30, false],
      [30, true],
      [50, true],
    ],
  );
});

test('a declared group lists its fields in order, and their mentions are not counted again as written instalments', () => {
  const source = `---
fields:
  首期: { type: percent, group: 付款, value: 30 }
  二期: { type: percent, group: 付款, value: 40 }
  尾款: { type: percent, group: 付款 }
---

首期支付 {{首期}}%，二期支付 {{二期}}%，尾款 {{尾款}}%。
`;
  const { doc, problems } = analyzeContract(source);
  const groups = instalmentGroups(doc);
  assert.equal(groups.length, 1);
  const [group] = groups;
  assert.equal(group!.kind, 'declared');
  assert.equal(group!.unit, '%');
  assert.deepEqual(
    group!.parts.map((p) => p.runningTotal),
    [30, 70, 70],
  );
  assert.equal(runChecks(doc).length, problems.length);
  assert.ok(problems.some((p) => p.checkId === 'percent-sum' && /30/.test(p.message)));
});

test('numericValue reads money, numbers and percentages; amounts leave percentages out', () => {
  assert.equal(numericValue({ kind: 'money', amount: 1200.5, currency: 'CNY' }), 1200.5);
  assert.equal(numericValue({ kind: 'number', value: 3 }), 3);
  assert.equal(numericValue({ kind: 'percent', value: 30 }), 30);
  assert.equal(numericValue({ kind: 'percent', value: 30 }, 'amount'), undefined);
  assert.equal(numericValue({ kind: 'text', text: '30' }), undefined);
  assert.equal(numericValue(undefined), undefined);
});

/** The values of each written group, in order: what a drafter would add up. */
function writtenValues(text: string): Array<Array<number | undefined>> {
  return instalmentGroups(analyzeContract(text).doc)
    .filter((g) => g.kind === 'written')
    .map((g) => g.parts.map((p) => p.value));
}

test('a schedule listed item by item under its introducing line is one group, paragraphs, CRLF and nesting alike', () => {
  const paragraphs = 'The Fee shall be paid as follows:\n\n(a) 30% on signing;\n\n(b) ___% on delivery; and\n\n(c) 20% on acceptance.\n';
  assert.deepEqual(writtenValues(paragraphs), [[30, undefined, 20]]);
  assert.deepEqual(writtenValues(paragraphs.replace(/\n/g, '\r\n')), [[30, undefined, 20]]);
  const nested =
    '1. 合同总价为人民币10万元。\n2. 价款分三期支付：\n   （一）签约后支付30%；\n   （二）交付后支付40%；\n   （三）验收后支付20%。\n3. 发票由乙方开具。\n';
  assert.deepEqual(writtenValues(nested), [[30, 40, 20]]);
  const wrapped = 'The Buyer shall pay the price in instalments as follows:\n(a) 50% on signing of\nthis Agreement;\n(b) 50% on delivery.\n';
  assert.deepEqual(writtenValues(wrapped), [[50, 50]]);
  const method = '## 第三条 价款\n\n付款方式：\n\n1. 签约后五日内支付合同价款的40%；\n\n2. 验收合格后支付合同价款的50%。\n';
  assert.deepEqual(writtenValues(method), [[40, 50]]);
});

test('two schedules under two introducing lines stay apart; a paragraph between ends a schedule', () => {
  const two =
    'The Fee shall be paid as follows:\n\n(a) 40% on signing;\n\n(b) 60% on delivery.\n\nThe Licence Fee shall be paid in the following instalments:\n\n(a) 50% on signing;\n\n(b) 50% on go-live.\n';
  assert.deepEqual(writtenValues(two), [
    [40, 60],
    [50, 50],
  ]);
  const interrupted =
    'The Fee shall be paid as follows:\n\n(a) 40% on signing;\n\nThe parties note that the market grew 12% last year.\n\n(b) 60% on delivery.\n';
  assert.deepEqual(writtenValues(interrupted), []);
  const heading = 'Payment:\n\n(a) 40% of the Fee;\n\n(b) 5% of the Fee.\n';
  assert.deepEqual(writtenValues(heading), [], 'a colon line that introduces no schedule is a heading, not a schedule');
});

test('tax, interest and penalty rates and cumulative levels are not instalments', () => {
  assert.deepEqual(writtenValues('1. 咨询费总额为人民币30万元，含6%增值税。\n2. 支付方式：签约后支付首期款50%；交付后支付二期款30%；验收后支付尾款20%。\n'), [
    [50, 30, 20],
  ]);
  assert.deepEqual(writtenValues('The Fee (including 6% VAT) is paid 30% on signing and 70% on delivery.\n'), [[30, 70]]);
  assert.deepEqual(writtenValues('Payments: 30% on signing, 70% on delivery; late payments bear interest at 2% per month.\n'), [[30, 70]]);
  assert.deepEqual(
    writtenValues('工程款分三期支付：\n\n（一）签约后支付合同价的10%作为预付款；\n\n（二）封顶后支付至已完工程量的70%；\n\n（三）审计后支付至结算价的97%。\n'),
    [],
  );
});

test('each item of a list schedule shows its running total beside it; words already written get no words hint', () => {
  const text =
    'The Fee of USD 90,000 (in words: ninety thousand US dollars) shall be paid as follows:\n\n(a) 30% on signing;\n\n(b) ___% on delivery; and\n\n(c) 20% on acceptance.\n';
  const doc = parseContract(text);
  const hints = inlayHintsIn(doc, { start: 0, end: text.length }).map((h) => [text.slice(0, h.offset).split('\n').length, h.label]);
  assert.deepEqual(hints, [
    [3, 'Σ 30%'],
    [5, 'Σ 30% + ?'],
    [7, 'Σ 50% + ?'],
  ]);
});
