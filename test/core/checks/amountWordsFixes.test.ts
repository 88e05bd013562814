/**
 * When an amount's figure and words disagree, only the drafter knows which is
 * meant: both rewrites are offered, and neither runs unasked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixAll, parseContract, runChecks } from '../../../server/src/core/index.js';

function fixesFor(text: string): Array<{ title: string; result: string; safe: boolean }> {
  const problem = runChecks(parseContract(text)).find((p) => p.checkId === 'amount-words');
  assert.ok(problem, 'amount-words reports the disagreement');
  return problem.fixes.map((f) => ({ title: f.title, result: applyEdits(text, f.edits), safe: f.safe }));
}

test('a 大写 that disagrees offers the words from the figure and the figure from the words', () => {
  const text = '总价款为人民币500,000元（大写：伍拾伍万元整）。\n';
  assert.deepEqual(fixesFor(text), [
    { title: '按小写改写大写：“伍拾万元整”', result: '总价款为人民币500,000元（大写：伍拾万元整）。\n', safe: false },
    { title: '按大写改写小写：550,000', result: '总价款为人民币550,000元（大写：伍拾伍万元整）。\n', safe: false },
  ]);
  assert.equal(fixAll(text).text, text, 'fix-all leaves a disagreement for the drafter');
});

test('the figure keeps its own style: ungrouped, decimals, full-width digits, 万元', () => {
  const rewrite = (text: string) => fixesFor(text)[1]!.result;
  assert.equal(rewrite('价款为人民币480000元（大写：伍拾万元整）。'), '价款为人民币500000元（大写：伍拾万元整）。');
  assert.equal(rewrite('差旅费为人民币12,000.00元（大写：壹万贰仟伍佰元整）。'), '差旅费为人民币12,500.00元（大写：壹万贰仟伍佰元整）。');
  assert.equal(rewrite('价款为人民币４８００００元（大写：伍拾万元整）。'), '价款为人民币５０００００元（大写：伍拾万元整）。');
  assert.equal(rewrite('价款为人民币48万元（大写：伍拾万元整）。'), '价款为人民币50万元（大写：伍拾万元整）。');
  assert.equal(rewrite('价款为人民币480,000元（大写：伍拾万元伍角）。'), '价款为人民币500,000.50元（大写：伍拾万元伍角）。');
});

test('English words: both rewrites, in English titles', () => {
  const text = 'The Client shall pay USD 120,000 (one hundred ten thousand US dollars).';
  assert.deepEqual(fixesFor(text), [
    {
      title: 'Rewrite the words from the figure: "one hundred twenty thousand US dollars"',
      result: 'The Client shall pay USD 120,000 (one hundred twenty thousand US dollars).',
      safe: false,
    },
    { title: 'Rewrite the figure from the words: 110,000', result: 'The Client shall pay USD 110,000 (one hundred ten thousand US dollars).', safe: false },
  ]);
});

test('a placeholder figure is rewritten in its field value, the rest untouched', () => {
  const text = '---\nlocale: zh-CN\nfields:\n  服务费: { type: money, value: 480000 }\n---\n服务费为人民币{{服务费}}元（大写：伍拾万元整）。\n';
  const figure = fixesFor(text)[1]!;
  assert.equal(figure.result, text.replace('value: 480000', 'value: 500000'));
});

test('"(in words: …)" and "(say: …)": the label, the currency and "Only" stay, only the number is rewritten', () => {
  const rewrites = (text: string) => fixesFor(text).map((f) => f.result);
  assert.deepEqual(rewrites('The Loan is GBP 60,000 (in words: sixty-five thousand pounds).'), [
    'The Loan is GBP 60,000 (in words: sixty thousand pounds).',
    'The Loan is GBP 65,000 (in words: sixty-five thousand pounds).',
  ]);
  assert.deepEqual(rewrites('The deposit is $10,500 (say: US Dollars Ten Thousand Six Hundred Only).'), [
    'The deposit is $10,500 (say: US Dollars Ten Thousand Five Hundred Only).',
    'The deposit is $10,600 (say: US Dollars Ten Thousand Six Hundred Only).',
  ]);
  assert.deepEqual(rewrites('The fee is 3,000 US dollars (in words: three thousand five hundred US dollars).'), [
    'The fee is 3,000 US dollars (in words: three thousand US dollars).',
    'The fee is 3,500 US dollars (in words: three thousand five hundred US dollars).',
  ]);
  assert.deepEqual(rewrites('PRICE: USD 7,000 (SAY US DOLLARS SEVEN THOUSAND ONE HUNDRED ONLY)'), [
    'PRICE: USD 7,000 (SAY US DOLLARS SEVEN THOUSAND ONLY)',
    'PRICE: USD 7,100 (SAY US DOLLARS SEVEN THOUSAND ONE HUNDRED ONLY)',
  ]);
});

test('cents keep the style the words use: "and fifty cents" or "and 50/100"', () => {
  const words = (text: string) => fixesFor(text)[0]!.result;
  assert.equal(
    words('The fee is USD 1,250.50 (in words: one thousand two hundred fifty dollars and sixty cents).'),
    'The fee is USD 1,250.50 (in words: one thousand two hundred fifty dollars and fifty cents).',
  );
  assert.equal(
    words('The fee is USD 1,250.50 (in words: one thousand two hundred fifty and 60/100 US dollars).'),
    'The fee is USD 1,250.50 (in words: one thousand two hundred fifty and 50/100 US dollars).',
  );
  assert.equal(
    words('The fee is USD 1,250 (in words: one thousand two hundred fifty dollars and sixty cents).'),
    'The fee is USD 1,250 (in words: one thousand two hundred fifty dollars).',
  );
  assert.equal(
    words('The fee is USD 1,250.05 (in words: One Thousand Two Hundred US Dollars).'),
    'The fee is USD 1,250.05 (in words: One Thousand Two Hundred Fifty and 05/100 US Dollars).',
  );
});

test('大写金额 in brackets or after a comma is read like 大写', () => {
  const rewrites = (text: string) => fixesFor(text).map((f) => f.result);
  assert.deepEqual(rewrites('培训费为人民币60,000元（大写金额：陆万伍仟元整）。'), [
    '培训费为人民币60,000元（大写金额：陆万元整）。',
    '培训费为人民币65,000元（大写金额：陆万伍仟元整）。',
  ]);
  assert.deepEqual(rewrites('尾款金额：￥20,000.00元，大写：贰万伍仟元整。'), [
    '尾款金额：￥20,000.00元，大写：贰万元整。',
    '尾款金额：￥25,000.00元，大写：贰万伍仟元整。',
  ]);
});

test('words that agree with the figure are not reported, however they are written', () => {
  for (const text of [
    'The Client shall pay USD 120,000 (in words: one hundred and twenty thousand US dollars).',
    'The Client shall pay USD 120,000 (in words: One Hundred Twenty Thousand United States Dollars Only).',
    'The deposit is $10,500 (say: US Dollars Ten Thousand Five Hundred Only).',
    'The fee is USD 1,250.50 (in words: one thousand two hundred fifty dollars and fifty cents).',
    'The fee is EUR 45,000 (in words: forty-five thousand euros only).',
    '合同总价为人民币500,000元（大写金额：伍拾万元整）。',
  ]) {
    assert.deepEqual(
      runChecks(parseContract(text)).filter((p) => p.checkId === 'amount-words'),
      [],
      text,
    );
  }
});

test('words before the figure: one amount, both rewrites offered, neither safe', () => {
  const zh = '合同总价为人民币（大写）伍拾伍万元整（￥500,000）。\n';
  assert.deepEqual(fixesFor(zh), [
    { title: '按小写改写大写：“伍拾万元整”', result: '合同总价为人民币（大写）伍拾万元整（￥500,000）。\n', safe: false },
    { title: '按大写改写小写：550,000', result: '合同总价为人民币（大写）伍拾伍万元整（￥550,000）。\n', safe: false },
  ]);
  assert.equal(fixAll(zh).text, zh);
  const labelled = '大写：伍拾伍万元整（小写：￥500,000.00）\n';
  assert.deepEqual(
    fixesFor(labelled).map((f) => f.result),
    ['大写：伍拾万元整（小写：￥500,000.00）\n', '大写：伍拾伍万元整（小写：￥550,000.00）\n'],
  );
  const afterComma = '大写：人民币伍拾伍万元整；小写：￥500,000元。\n';
  assert.deepEqual(
    fixesFor(afterComma).map((f) => f.result),
    ['大写：人民币伍拾万元整；小写：￥500,000元。\n', '大写：人民币伍拾伍万元整；小写：￥550,000元。\n'],
  );
  const en = 'The price is Fifty Thousand US Dollars (USD 40,000).\n';
  assert.deepEqual(fixesFor(en), [
    { title: 'Rewrite the words from the figure: "Forty Thousand US Dollars"', result: 'The price is Forty Thousand US Dollars (USD 40,000).\n', safe: false },
    { title: 'Rewrite the figure from the words: 50,000', result: 'The price is Fifty Thousand US Dollars (USD 50,000).\n', safe: false },
  ]);
  assert.equal(fixAll(en).text, en);
});

test('words before the figure that agree are one amount and no problem', () => {
  for (const text of ['人民币（大写）伍拾伍万元整（￥550,000）', '大写：伍拾伍万元整（小写：￥550,000.00）', 'Fifty Thousand US Dollars (USD 50,000)'])
    assert.deepEqual(
      runChecks(parseContract(text + '\n')).filter((p) => p.checkId === 'amount-words'),
      [],
      text,
    );
});

test('AUD, CAD, SGD, JPY, CHF and NZD amounts are read with their currency, and their names are kept in the rewrite', () => {
  const doc = parseContract(
    'AUD 1 (one Australian dollar), C$2 (two Canadian dollars), SGD 3 (three Singapore dollars), JPY 4 (four yen), CHF 5 (five Swiss francs), NZ$6 (six New Zealand dollars).\n',
  );
  assert.deepEqual(
    doc.amounts.map((a) => [a.currency, a.figure, a.words?.value]),
    [
      ['AUD', 1, 1],
      ['CAD', 2, 2],
      ['SGD', 3, 3],
      ['JPY', 4, 4],
      ['CHF', 5, 5],
      ['NZD', 6, 6],
    ],
  );
  assert.deepEqual(
    fixesFor('The salary is AUD 96,000 (in words: ninety-five thousand Australian dollars).').map((f) => f.result),
    [
      'The salary is AUD 96,000 (in words: ninety-six thousand Australian dollars).',
      'The salary is AUD 95,000 (in words: ninety-five thousand Australian dollars).',
    ],
  );
  assert.equal(fixesFor('The fee is CHF 30,000 (thirty-five thousand Swiss francs).')[0]!.result, 'The fee is CHF 30,000 (thirty thousand Swiss francs).');
});
