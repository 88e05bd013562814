import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeContract, instalmentGroups, numericValue, runChecks } from '../../../server/src/core/index.js';

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
