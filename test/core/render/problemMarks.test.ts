import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseContract, renderContract, runChecks, type Problem } from '../../../server/src/core/index.js';
import { render, tags, withClass } from './helpers.js';

/** A problem as any check (or a later one) would report it. */
function problem(source: string, text: string, severity: Problem['severity'], message: string, length = text.length): Problem {
  const start = source.indexOf(text);
  assert.ok(start >= 0, `${text} is in the source`);
  return { checkId: 'test-check', severity, span: { start, end: start + length }, message, related: [], fixes: [] };
}

test('a percentage sum that is off is marked on the percentage that tips it', () => {
  const result = render('# 付款\n\n甲方分三期支付：首期支付30%，二期支付60%，尾款支付20%。\n');
  const [mark] = tags(result.html, 'mark');
  assert.equal(mark?.inner, '20%');
  assert.deepEqual(mark?.attributes.class, 'cm-problem cm-error');
  assert.match(mark!.attributes.title!, /110%/);
  assert.equal(result.problemCount, 1);
});

test('a problem spanning structure is marked once, where it starts', () => {
  const source = '## 第一条 付款\n\n甲方应当付款。\n';
  const doc = parseContract(source);
  const spanning = problem(source, '第一条 付款\n\n甲方', 'warning', '整段有问题', '第一条 付款\n\n甲方'.length);
  const html = renderContract(doc, [spanning]).html;
  const marks = tags(html, 'mark');
  assert.equal(marks.length, 1);
  assert.equal(marks[0]!.inner, '第一条 付款');
  assert.equal(marks[0]!.attributes.class, 'cm-problem cm-warning');
});

test('overlapping problems share marks without nesting, each stretch titled by all that cover it', () => {
  const source = '甲方应于三十日内付款。\n';
  const doc = parseContract(source);
  const html = renderContract(doc, [problem(source, '三十日内', 'warning', '期限不明'), problem(source, '日内付款', 'error', '付款条件不明')]).html;
  assert.doesNotMatch(html, /<mark[^>]*>[^<]*<mark/);
  assert.deepEqual(
    tags(html, 'mark').map((m) => [m.inner, m.attributes.class, m.attributes.title]),
    [
      ['三十', 'cm-problem cm-warning', '期限不明'],
      ['日内', 'cm-problem cm-error', '期限不明\n付款条件不明'],
      ['付款', 'cm-problem cm-error', '付款条件不明'],
    ],
  );
});

test('a problem on markup alone (a list number) marks the text on its line', () => {
  const result = render('1. 第一项\n1. 第二项\n');
  const [mark] = tags(result.html, 'mark');
  assert.equal(mark?.inner, '第二项');
  assert.equal(mark?.attributes['data-check'], 'clause-numbering');
});

test('problems in the front matter are listed in the summary, with their offsets', () => {
  const source = '---\nfields:\n  fee: { type: money, value: 很多 }\n  rate: { type: percentage }\n---\n\n费用{{fee}}，比例{{rate}}。\n';
  const result = render(source);
  const listed = withClass(result.html, 'cm-problem-list')[0];
  assert.ok(listed, 'the summary lists them');
  const items = tags(result.html, 'li').filter((li) => (li.attributes.class ?? '').includes('cm-problem'));
  assert.ok(items.length >= 2);
  for (const item of items) assert.ok(Number(item.attributes['data-offset']) < source.indexOf('\n---\n', 3));
  assert.equal(result.problemCount, items.length + tags(result.html, 'mark').length);
});

test('information and hints are neither marked nor counted; gap reports are the gaps themselves', () => {
  const source = '甲方地址：____。\n';
  const doc = parseContract(source);
  const problems = [...runChecks(doc), problem(source, '甲方', 'info', '提示'), problem(source, '地址', 'hint', '建议')];
  const result = renderContract(doc, problems);
  assert.equal(tags(result.html, 'mark').length, 0);
  assert.equal(result.problemCount, 0);
  assert.equal(result.gapCount, 1);
  assert.ok(
    problems.some((p) => p.checkId === 'unfilled-blank'),
    'the blank is reported by its check',
  );
});

test('the preview marks a fact stated twice at both places, and a number whose words and figure disagree', () => {
  const result = render('一、付款方式：首期支付30%，二期支付20%，尾款50%。\n\n二、二期款为合同总额的10%。\n\n三、乙方应在十（15）日内交付。\n');
  const marks = tags(result.html, 'mark').map((m) => [m.inner, m.attributes.class]);
  assert.deepEqual(marks, [
    ['20%', 'cm-problem cm-error'],
    ['10%', 'cm-problem cm-error'],
    ['十', 'cm-problem cm-error'],
  ]);
  assert.match(tags(result.html, 'mark')[1]!.attributes.title!, /20%/);
});
