import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render, tags, visibleText, withClass } from './helpers.js';

const contract = (fields: string, body: string) => `---\nfields:\n${fields}\n---\n\n${body}\n`;

test('a percentage gets its % unless the text already writes one after it', () => {
  const { html } = render(
    contract('  首付: { type: percent, value: 30 }\n  尾款: { type: percent, value: 70 }', '首付{{首付}}%，尾款为{{尾款}}，另{{首付}} ％ 作保证。'),
  );
  assert.match(visibleText(html), /首付30%，尾款为70%，另30 ％ 作保证。/);
});

test('money is grouped with two decimals only when it has cents; small numbers read as written', () => {
  const { html } = render(
    contract(
      '  a: { type: money, value: 1000 }\n  b: { type: money, value: 1234567.5 }\n  c: { type: number, value: 3 }\n' +
        '  d: { type: number, value: 25000 }\n  e: { type: money, value: 500000元 }',
      '甲 {{a}} 乙 {{b}} 丙 {{c}} 丁 {{d}} 戊 {{e}}',
    ),
  );
  assert.match(visibleText(html), /甲 1,000 乙 1,234,567\.50 丙 3 丁 25,000 戊 500,000/);
});

test('大写 and words filters write the amount out; an unknown filter leaves the value as is', () => {
  const { html } = render(contract('  fee: { type: money, value: 100000.5 }', '{{fee | 大写}} / {{fee | words}} / {{fee | shout}}'));
  assert.equal(
    withClass(html, 'cm-value')
      .map((v) => v.inner)
      .join(' / '),
    '壹拾万元伍角整 / one hundred thousand and 50/100 / 100,000.50',
  );
});

test('a choice reads as its option, or as its number where the text counts options', () => {
  const { html } = render(contract('  方案: { type: choice, options: [甲方所有, 双方共有], value: 双方共有 }', '采用第{{方案}}种方案，即{{方案}}。'));
  assert.match(visibleText(html), /采用第2种方案，即双方共有。/);
});

test('a value that does not fit its type is shown as written and flagged', () => {
  const { html } = render(contract('  fee: { type: money, value: 面议 }', '费用为{{fee}}。'));
  const [value] = withClass(html, 'cm-value-invalid');
  assert.equal(value?.inner, '面议');
});

test('an undeclared placeholder shows its name and the error, and is not counted as a gap', () => {
  const result = render('---\nlocale: zh-CN\n---\n\n# 合同\n\n乙方应向{{收款人}}付款，地址：____。\n');
  const [unknown] = withClass(result.html, 'cm-unknown-field');
  assert.equal(unknown?.inner, '［收款人］');
  assert.equal(result.gapCount, 1);
  assert.equal(result.problemCount, 1);
  const [mark] = tags(result.html, 'mark');
  assert.equal(mark?.attributes['data-check'], 'undefined-field');
  assert.equal(mark?.inner, '［收款人］');
});

test('an unfilled placeholder is a gap even when it carries a filter or an inline type', () => {
  const result = render(contract('  fee: money\nlocale: zh-CN', '金额{{fee}}元（大写：{{fee | 大写}}），期限{{term: duration}}。'));
  assert.deepEqual(
    withClass(result.html, 'cm-gap').map((g) => g.inner),
    ['［fee］', '［fee］', '［term］'],
  );
  assert.equal(result.gapCount, 3);
});

test('CJK emphasis around a value stays emphasis, and blanks never turn into emphasis', () => {
  const { html } = render(contract('  首付: { type: percent, value: 30 }', '**首期款：**{{首付}}%\n\n签署日期：____年__月__日 尾款_%'));
  assert.match(html, /<strong>首期款：<\/strong><span class="cm-value"[^>]*>30<\/span>%/);
  assert.equal(tags(html, 'em').length, 0);
  assert.equal(withClass(html, 'cm-gap').length, 2);
});

test('placeholders in code are shown as code, not filled', () => {
  const { html } = render(contract('  x: { type: text, value: 值 }', '正文{{x}}，示例 `{{x}}`：\n\n```\n{{x}} ____\n```'));
  assert.match(html, /<code>\{\{x\}\}<\/code>/);
  assert.match(html, /<pre[^>]*><code>\{\{x\}\} ____\n<\/code><\/pre>/);
  assert.match(visibleText(html), /正文值/);
});

test('a choice placeholder with | in a table cell keeps the table whole', () => {
  const { html } = render('| 项目 | 方式 |\n|---|---|\n| 付款 | {{方式: choice(电汇|支票)}} |\n');
  assert.deepEqual(
    tags(html, 'td').map((t) => t.inner),
    ['付款', '［方式］'],
  );
});

test('ordered lists keep the numbers written in the source', () => {
  const { html } = render('1. 第一项\n1. 第二项\n3. 第三项\n');
  assert.deepEqual(
    tags(html, 'li').map((li) => li.attributes.value),
    ['1', '1', '3'],
  );
});

test('the title falls back to the first heading, then to a short first line', () => {
  const heading = render('# 房屋租赁合同\n\n## 第一条 租赁物\n\n正文。\n');
  assert.equal(heading.title, '房屋租赁合同');
  assert.equal(tags(heading.html, 'h1')[0]?.inner, '房屋租赁合同');

  // A numbered clause is not the contract's name.
  const clauseFirst = render('## 第一条 租赁物\n\n正文。\n');
  assert.equal(clauseFirst.title, '未命名合同');
  assert.equal(tags(clauseFirst.html, 'h1').length, 0);

  const plain = render('Loan Agreement\n\nThe Lender lends the Borrower money.\n');
  assert.equal(plain.title, 'Loan Agreement');
});
