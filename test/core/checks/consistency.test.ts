/**
 * Decisions of the consistency checks that a fixture states less plainly:
 * how a term is counted, what a hover lists, what stays quiet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseContract, runChecks, sameFactElsewhere } from '../../../server/src/core/index.js';

const problemsOf = (text: string, id: string) => runChecks(parseContract(text)).filter((p) => p.checkId === id);

test('a two-year term from 1 March ends on 29 February (first day counted) or 1 March (not counted), nothing else', () => {
  const term = (end: string) => problemsOf(`本合同期限两年，自2026年3月1日至${end}。`, 'contract-period').length;
  assert.equal(term('2028年2月29日'), 0);
  assert.equal(term('2028年3月1日'), 0);
  assert.equal(term('2028年2月28日'), 1);
  assert.equal(term('2027年2月28日'), 1);
});

test('a month from 31 January ends at the end of February', () => {
  const term = (end: string) => problemsOf(`The term of this Agreement is one (1) month, from January 31, 2027 to ${end}.`, 'contract-period').length;
  assert.equal(term('February 28, 2027'), 0);
  assert.equal(term('February 27, 2027'), 0);
  assert.equal(term('March 31, 2027'), 1);
});

test('the fix for a term that does not match its dates writes the end date as the contract does', () => {
  const text = 'The term is two (2) years, from 2026-03-01 to 2027-02-28.';
  const [problem] = problemsOf(text, 'contract-period');
  assert.deepEqual(
    problem!.fixes.map((f) => [f.edits[0]!.newText, f.safe]),
    [['2028-02-29', false]],
  );
});

test('hovering a party name lists its other spellings and says which differ', () => {
  const text = '甲方：北京示例数据有限公司\n\n一、乙方为北京示例数据公司提供服务。\n\n二、北京示例数据有限公司付款。\n';
  const facts = sameFactElsewhere(parseContract(text), text.indexOf('北京示例数据公司') + 2)!;
  assert.equal(facts.value, '北京示例数据公司');
  assert.deepEqual(
    facts.others.map((o) => [o.value, o.disagrees]),
    [
      ['北京示例数据有限公司', true],
      ['北京示例数据有限公司', true],
    ],
  );
});

test('a fact stated once has nothing to list', () => {
  const text = 'The Client shall pay the second instalment within thirty (30) days after acceptance.';
  assert.equal(sameFactElsewhere(parseContract(text), text.indexOf('thirty') + 1), undefined);
});

test('two payment schedules for two prices are not held against each other', () => {
  const text = '一、开发费：首期支付30%，二期支付40%，尾款30%。\n\n二、维护费：首期支付50%，尾款50%。\n';
  assert.deepEqual(problemsOf(text, 'conflicting-quantity'), []);
});

test('the same words under two conditions are two rates, not one stated twice', () => {
  const text = '乙方逾期交付的，违约金为合同总额的20%。\n\n甲方逾期付款的，违约金为合同总额的10%。\n';
  assert.deepEqual(problemsOf(text, 'conflicting-quantity'), []);
});

test('a party named by definition must sign, and signs by its company name too', () => {
  const zh =
    '本合同由北京示例数据有限公司（以下简称“甲方”）与上海示例智能有限公司（以下简称“乙方”）订立。\n\n一、乙方为甲方提供服务。\n\n## 签署页\n\n甲方（盖章）：北京示例数据有限公司\n';
  assert.deepEqual(
    problemsOf(zh, 'party-signature').map((p) => p.message),
    ['“乙方”是本合同当事方，但没有签署栏。'],
  );
  const en =
    'This Agreement is made between Acme, Inc. (the "Client") and Bluefield Labs Limited (the "Provider").\n\n1. The Provider serves the Client.\n\n## Signatures\n\nFor and on behalf of Acme, Inc.:\n\nFor and on behalf of Bluefield Labs Limited:\n';
  assert.deepEqual(problemsOf(en, 'party-signature'), []);
});

test('a contract without a signature page is not asked for signatures', () => {
  assert.deepEqual(problemsOf('甲方（委托方）：北京示例数据有限公司\n\n乙方（服务方）：上海示例智能有限公司\n\n一、乙方提供服务。\n', 'party-signature'), []);
});
