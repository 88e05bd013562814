/**
 * What the scanners must see, and what they must leave alone, on the small
 * inputs drafters actually write. Each case reads the typed model the checks
 * work from; spans are compared as the text they cover.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RootContent } from 'mdast';
import { parseContract, runChecks, type ContractDocument, type Span } from '../../../server/src/core/index.js';
import { parseMarkdown } from '../../../server/src/core/parse/markdown.js';

const at = (doc: ContractDocument, span: Span) => doc.text.slice(span.start, span.end);
const blanksOf = (text: string) => {
  const doc = parseContract(text);
  return doc.blanks.map((b) => [at(doc, b.span), b.kind, b.expects ?? null]);
};

test('**首期款：**30% is bold (CJK-friendly emphasis) and its 30% is seen', () => {
  const paragraph = parseMarkdown('**首期款：**30%').children[0] as Extract<RootContent, { type: 'paragraph' }>;
  assert.deepEqual(
    paragraph.children.map((n) => n.type),
    ['strong', 'text'],
  );
  const doc = parseContract('**首期款：**30%');
  assert.deepEqual(
    doc.percents.map((p) => [at(doc, p.span), p.value]),
    [['30%', 30]],
  );
});

test('签署日期:____年__月__日 尾款_% is one date blank and one percent blank, though CommonMark reads emphasis there', () => {
  assert.deepEqual(blanksOf('签署日期:____年__月__日 尾款_%'), [
    ['____年__月__日', 'date', 'date'],
    ['_', 'underscore', 'percent'],
  ]);
  const doc = parseContract('签署日期:____年__月__日 尾款_%');
  assert.deepEqual(
    doc.percents.map((p) => [at(doc, p.span), p.value ?? null]),
    [['_%', null]],
  );
});

test('a line of only underscores is a thematic break, not a blank', () => {
  for (const line of ['____', '___', '_ _ _', '   ______']) {
    const text = `甲方条款\n\n${line}\n\n乙方条款\n`;
    assert.deepEqual(blanksOf(text), [], JSON.stringify(line));
    assert.ok(
      parseMarkdown(text).children.some((n) => n.type === 'thematicBreak'),
      JSON.stringify(line),
    );
  }
});

test('_emphasis_, snake_case, __init__ and ___重要___ are not blanks', () => {
  assert.deepEqual(blanksOf('_emphasis_ and snake_case and snake_case_name, __init__, a__b'), []);
  assert.deepEqual(blanksOf('___重要___ 条款与 _强调_ 文字'), []);
  // Yet a run set apart by spaces is a blank even next to emphasis.
  assert.deepEqual(blanksOf('_注意_：联系人 ___ 电话 ___'), [
    ['___', 'underscore', null],
    ['___', 'underscore', null],
  ]);
});

test('GFM task boxes are not blanks; a bracket with spaces in running text is', () => {
  assert.deepEqual(blanksOf('- [ ] 交付模型\n- [x] 交付文档\n1. [ ] 验收'), []);
  assert.deepEqual(blanksOf('开户行：[   ]'), [['[   ]', 'bracket', null]]);
});

test('blanks and placeholders inside inline code and fenced code are ignored', () => {
  const text = '写成 `____` 或 `{{x}}` 都不算。\n\n```\n地址：____\n{{y}}\n```\n';
  const doc = parseContract(text);
  assert.deepEqual(doc.blanks, []);
  assert.deepEqual(doc.placeholders, []);
  assert.deepEqual(
    runChecks(doc).map((p) => p.checkId),
    [],
  );
});

test('甲方签署人:____________________ is one blank, labelled 甲方签署人', () => {
  const doc = parseContract('甲方签署人:____________________');
  assert.deepEqual(
    doc.blanks.map((b) => [at(doc, b.span), b.label]),
    [['_'.repeat(20), '甲方签署人']],
  );
});

test('【    】 and [●] are blanks, and so is 【】', () => {
  assert.deepEqual(blanksOf('地址：【    】，电话：[●]，邮箱：【】'), [
    ['【    】', 'bracket', null],
    ['[●]', 'bracket', null],
    ['【】', 'bracket', null],
  ]);
});

test('underscores escaped as \\_ (as converters write Word blanks) are one blank, not one per underscore', () => {
  const doc = parseContract('甲方：\\_\\_\\_\\_\\_\\_，比例\\_%');
  assert.deepEqual(
    doc.blanks.map((b) => [at(doc, b.span), b.expects ?? null]),
    [
      ['\\_\\_\\_\\_\\_\\_', null],
      ['\\_', 'percent'],
    ],
  );
  assert.deepEqual(blanksOf('snake\\_case'), []);
});

test('full-width underscores and full-width date blanks are blanks', () => {
  assert.deepEqual(blanksOf('签署日期：＿＿＿＿年＿＿月＿＿日，地址：＿＿'), [
    ['＿＿＿＿年＿＿月＿＿日', 'date', 'date'],
    ['＿＿', 'underscore', null],
  ]);
});

test('{{x}} inside code is not a placeholder, outside it is', () => {
  const doc = parseContract('`{{x}}` 与 {{y: text}}');
  assert.deepEqual(
    doc.placeholders.map((p) => p.name),
    ['y'],
  );
});

test('amounts are read with their figure and their words, in either order and language', () => {
  const cases: Array<[string, string, number, string, number]> = [
    ['人民币500,000元（大写：伍拾万元整）', '500,000', 500000, '伍拾万元整', 500000],
    ['伍拾万元整（¥500,000）', '500,000', 500000, '伍拾万元整', 500000],
    ['USD 120,000 (one hundred twenty thousand US dollars)', '120,000', 120000, 'one hundred twenty thousand US dollars', 120000],
    ['One Hundred Twenty Thousand US Dollars (USD 120,000)', '120,000', 120000, 'One Hundred Twenty Thousand US Dollars', 120000],
  ];
  for (const [text, figureText, figure, wordsText, wordsValue] of cases) {
    const doc = parseContract(text);
    assert.equal(doc.amounts.length, 1, text);
    const amount = doc.amounts[0]!;
    assert.deepEqual(
      [at(doc, amount.figureSpan), amount.figure, amount.words && at(doc, amount.words.span), amount.words?.value],
      [figureText, figure, wordsText, wordsValue],
      text,
    );
    assert.deepEqual(runChecks(doc), [], text);
  }
});

test('English dates are read month first and day first, impossible ones included', () => {
  const doc = parseContract('Signed on February 30, 2026; delivered by 30 February 2026; paid on March 1, 2026.');
  assert.deepEqual(
    doc.dates.map((d) => [at(doc, d.span), d.date.year, d.date.month, d.date.day]),
    [
      ['February 30, 2026', 2026, 2, 30],
      ['30 February 2026', 2026, 2, 30],
      ['March 1, 2026', 2026, 3, 1],
    ],
  );
  assert.deepEqual(
    runChecks(doc).map((p) => [p.checkId, at(doc, p.span)]),
    [
      ['invalid-date', 'February 30, 2026'],
      ['invalid-date', '30 February 2026'],
    ],
  );
});

test('第4种…方案：A；B；C counts three options, half-width semicolons too', () => {
  for (const text of ['双方约定采用第4种权属方案：甲方所有；双方共有；其他约定。', '双方约定采用第4种权属方案:甲方所有(含衍生成果);双方共有;其他约定:待定。']) {
    const doc = parseContract(text);
    assert.deepEqual(
      doc.choices.map((c) => [at(doc, c.numberSpan), c.chosen, c.optionCount]),
      [['4', 4, 3]],
      text,
    );
  }
});

test('Option N of the following: a; b; c counts three options in English, and a blank option number is a gap', () => {
  const doc = parseContract('The parties adopt Option 4 of the following: (1) the Client owns it; (2) joint ownership; (3) as agreed in writing.');
  assert.deepEqual(
    doc.choices.map((c) => [at(doc, c.numberSpan), c.chosen, c.optionCount]),
    [['4', 4, 3]],
  );
  assert.deepEqual(
    runChecks(doc).map((p) => [p.checkId, at(doc, p.span)]),
    [['choice-option', '4']],
  );
  const open = parseContract('The parties adopt Option [●] of the following: A; B; C.');
  assert.deepEqual(
    open.choices.map((c) => [c.chosen ?? null, c.optionCount]),
    [[null, 3]],
  );
  // Options listed after the sentence ends do not count; nothing is guessed.
  const listed = parseContract('Option 4 applies. Its terms: A; B; C.');
  assert.deepEqual(
    listed.choices.map((c) => c.optionCount ?? null),
    [null],
  );
});

test('a percentage bolded apart from its sign is still seen: **30**% and __30__%', () => {
  const doc = parseContract('首期支付**30**%，二期支付 __40__%，尾款30%。');
  assert.deepEqual(
    doc.percents.map((p) => [at(doc, p.valueSpan), p.value]),
    [
      ['30', 30],
      ['40', 40],
      ['30', 30],
    ],
  );
  assert.deepEqual(doc.blanks, []);
  assert.deepEqual(runChecks(doc), []);
});

test('positions are UTF-16 offsets with CRLF, a BOM, emoji and full-width digits', () => {
  const text = '\uFEFF# 合同 😀\r\n\r\n地址😀：____\r\n比例：３０％，尾款_%\r\n';
  const doc = parseContract(text);
  assert.deepEqual(
    doc.blanks.map((b) => [b.span.start, at(doc, b.span)]),
    [
      [text.indexOf('____'), '____'],
      [text.indexOf('_%'), '_'],
    ],
  );
  assert.deepEqual(
    doc.percents.map((p) => [at(doc, p.span), p.value ?? null]),
    [
      ['３０％', 30],
      ['_%', null],
    ],
  );
  assert.equal(doc.blanks[0]!.label, '地址😀');
});

test('a long single line is read in full: every repeated blank, percentage and choice is found', () => {
  const unit = '甲方:____ 比例_% 第1种方案：A；B；C。 **粗体** `代码 ____` ';
  const repeats = 5000;
  const doc = parseContract(unit.repeat(repeats));
  assert.equal(doc.blanks.length, 2 * repeats);
  assert.equal(doc.percents.length, repeats);
  assert.equal(doc.choices.filter((c) => c.optionCount === 3).length, repeats);
  const last = doc.blanks[doc.blanks.length - 1]!;
  assert.equal(last.span.start, unit.length * (repeats - 1) + unit.indexOf('_%'));
});

test('a paragraph with thousands of emphasis runs is read as plain text with all its blanks; the next keeps its emphasis', () => {
  const unit = '**甲方**:____，_注_ ';
  const text = unit.repeat(3000) + '\n\n**粗体**\n';
  const [heavy, light] = parseMarkdown(text).children as Array<Extract<RootContent, { type: 'paragraph' }>>;
  assert.ok(heavy!.children.every((n) => n.type === 'text'));
  assert.deepEqual(
    light!.children.map((n) => n.type),
    ['strong'],
  );
  assert.equal(parseContract(text).blanks.length, 3000);
});

test('over 100,000 characters without a blank line, fenced code stays code and a paragraph keeps its code spans', () => {
  const long = '地址：____，'.repeat(20_000);
  const fenced = parseContract(`正文 ____\n\n\`\`\`\n${long}\n\`\`\`\n\n结尾 ____\n`);
  assert.equal(fenced.blanks.length, 2);
  const paragraph = parseContract(`${long}\`____\`\n\n结尾 ____\n`);
  assert.equal(paragraph.blanks.length, 20_001);
});

test('a thousand choices on one line are each counted against their own sentence', () => {
  const doc = parseContract('采用第4种方案：甲；乙（含丙；丁）；戊。'.repeat(1000));
  assert.equal(doc.choices.length, 1000);
  assert.ok(doc.choices.every((c) => c.chosen === 4 && c.optionCount === 3));
  assert.equal(runChecks(doc).filter((p) => p.checkId === 'choice-option').length, 1000);
});

test('indented text is text: a signature block indented four spaces is checked like any other', () => {
  const doc = parseContract('合同正文。\n\n    甲方（盖章）：\n    ____________\n\n\t授权代表：\n');
  assert.deepEqual(
    doc.blanks.map((b) => [at(doc, b.span), b.style]),
    [
      ['____________', 'signature-line'],
      ['授权代表：', 'empty-label'],
    ],
  );
  assert.ok(!doc.blocks.some((b) => b.type === 'code'));
});

test('the gap-style scanners stay linear on a one-megabyte line of what they look for', () => {
  const lines = ['[a ', 'XX市', '{a', '<<a', '：aB', '□ a ', 'Name: ', '地址：', ' 年 月', '：****', '1X', ' ', '\u3000'];
  for (const unit of lines) {
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const started = performance.now();
    parseContract(text);
    // Linear work is well under a few seconds even on a loaded machine; a quadratic scan takes minutes.
    assert.ok(performance.now() - started < 20_000, `${JSON.stringify(unit)} took too long`);
  }
});
