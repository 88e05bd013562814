import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, fixAll, insertClauseEdits, parseContract, runChecks, type ClauseTemplate } from '../../../server/src/core/index.js';
import { describeProblems, insertedOnly, loadTemplates, unexpectedProblems } from './library.js';

const zh = new Map(loadTemplates('zh-CN').map((t) => [t.id, t]));
const en = new Map(loadTemplates('en').map((t) => [t.id, t]));
const fees = zh.get('fees-payment')!;

function insert(text: string, template: ClauseTemplate, offset = text.length) {
  const edits = insertClauseEdits(parseContract(text), template, offset);
  const result = applyEdits(text, edits);
  assert.ok(insertedOnly(text, result, edits), 'only insertions; the rest of the document is byte-identical');
  return { edits, result };
}

test('new fields join an existing block mapping at its indentation, with CRLF kept', () => {
  const before = [
    '---',
    'title: 合同',
    'locale: zh-CN',
    'parties:',
    '    甲方: { role: 委托方 }',
    'fields:',
    '    项目编号:',
    '        type: text',
    '        value: AI-007   # 内部编号',
    '    总费用: { type: money, value: 800000 }',
    '---',
    '',
    '项目编号：{{项目编号}}',
    '',
  ].join('\r\n');
  const { result } = insert(before, fees);
  const frontMatter = result.slice(0, result.indexOf('\r\n---\r\n'));
  assert.match(frontMatter, /\r\n {4}总费用: \{ type: money, value: 800000 \}\r\n {4}首期比例: \{ type: percent, group: 付款/);
  assert.match(frontMatter, /\r\n {4}乙方: \{ role: 技术服务方（模型训练方） \}/, 'the missing party joins the parties');
  assert.doesNotMatch(frontMatter, /甲方: \{ role: 数据提供方/, 'a declared party is left as it is');
  assert.match(frontMatter, /\r\ngroups:\r\n {4}付款: \{ total: 100 \}$/, 'a missing key is created with the same indentation');
  assert.doesNotMatch(result.replace(/\r\n/g, ''), /[\r\n]/, 'no bare LF or CR anywhere');
  const doc = parseContract(result);
  assert.equal(doc.declarations.get('总费用')!.length, 1, 'a declared field is not declared again');
  assert.equal(doc.fields.get('总费用')!.value?.raw, '800000');
  assert.equal(doc.fields.get('项目编号')!.value?.raw, 'AI-007');
  assert.deepEqual(
    doc.groups.map((g) => [g.name, g.total, g.members.length]),
    [['付款', 100, 3]],
  );
  const problems = unexpectedProblems(result);
  assert.deepEqual(problems, [], describeProblems(result, problems));
});

test('a flow mapping of fields is extended inside its braces', () => {
  const before = '---\nlocale: zh-CN\nfields: { 备注: text }\n---\n\n{{备注}}\n';
  const { result } = insert(before, zh.get('disputes')!);
  assert.match(result, /fields: \{ 备注: text, 协商期限: \{ type: duration, [^\n]*\}, 仲裁机构: \{[^\n]*\}, 仲裁地: \{[^\n]*\} \}\n/);
  assert.deepEqual(unexpectedProblems(result), []);
});

test('an empty `fields: {}` and a bare `fields:` both receive the entries', () => {
  for (const fieldsLine of ['fields: {}', 'fields:']) {
    const before = `---\nlocale: en\n${fieldsLine}\n---\n\n# Agreement\n`;
    const { result } = insert(before, en.get('confidentiality')!);
    const doc = parseContract(result);
    assert.equal(doc.fields.get('confidentiality_period')?.type, 'duration', fieldsLine);
    assert.deepEqual(unexpectedProblems(result), [], fieldsLine);
  }
});

test('parties written as a list get list items', () => {
  const before = '---\nlocale: zh-CN\nparties:\n  - key: 甲方\n    role: 委托方\n---\n\n# 合同\n';
  const { result } = insert(before, zh.get('deliverables')!);
  assert.match(result, /\n {2}- key: 甲方\n {4}role: 委托方\n {2}- \{ key: 乙方, role: 技术服务方（模型训练方） \}\nfields:\n/);
  assert.deepEqual(
    parseContract(result).parties.map((p) => p.key),
    ['甲方', '乙方'],
  );
  assert.deepEqual(unexpectedProblems(result), []);
});

test('without front matter one is created with the locale, after a BOM if there is one', () => {
  const before = '\uFEFF# 合同\n\n正文。\n';
  const { result } = insert(before, fees);
  assert.ok(result.startsWith('\uFEFF---\nlocale: zh-CN\nparties:\n'), JSON.stringify(result.slice(0, 40)));
  assert.match(result, /\n---\n\n# 合同\n\n正文。\n\n## 一、服务费用及支付 \{#fees-payment\}\n/);
  const doc = parseContract(result);
  assert.equal(doc.meta.locale, 'zh-CN');
  assert.deepEqual(unexpectedProblems(result), []);
});

test('front matter that is not valid YAML is left alone and the clause declares its fields inline', () => {
  const before = '---\nlocale: zh-CN\nfields: [unclosed\n---\n\n# 合同\n';
  const { edits, result } = insert(before, fees);
  assert.equal(edits.length, 1, 'only the body is inserted');
  assert.ok(result.startsWith(before.slice(0, before.indexOf('\n# 合同'))));
  assert.match(result, /人民币\{\{总费用: money\}\}元（大写：\{\{总费用 \| 大写\}\}）/);
  assert.match(result, /\{\{首期比例: percent\}\}%/);
  const problems = runChecks(parseContract(result)).filter((p) => p.severity === 'error' && p.checkId !== 'front-matter');
  assert.deepEqual(problems, [], describeProblems(result, problems));
});

test('the clause never lands inside the front matter or splits a line', () => {
  const before = '---\nlocale: zh-CN\n---\n\n# 合同\n\n一、总则\n\n这是第一段。这是同一段。\n\n二、定义\n';
  const insideFrontMatter = insert(before, fees, 5).result;
  assert.match(insideFrontMatter, /^---\nlocale: zh-CN\nparties:[\s\S]*\n---\n\n一、服务费用及支付 \{#fees-payment\}\n\n（一）/);
  const midLine = before.indexOf('这是同一段');
  const { result } = insert(before, fees, midLine);
  assert.match(result, /这是第一段。这是同一段。\n\n二、服务费用及支付 \{#fees-payment\}\n[\s\S]*的合法有效发票[\s\S]*自行承担。\n\n二、定义\n$/);
});

test('a list, a fenced code block or a wrapped paragraph is never split', () => {
  const before = '# Agreement\n\n- one\n- two\n\n```\ncode\n\nmore code\n```\n\nA paragraph\nwrapped here.\n';
  for (const [inside, after] of [
    ['- one', '- two'],
    ['code\n\n', 'more code\n```'],
    ['A paragraph', 'wrapped here.'],
  ]) {
    const { result } = insert(before, en.get('disputes')!, before.indexOf(inside) + inside.length);
    const clause = result.indexOf('## 1. Governing Law');
    assert.ok(clause > result.indexOf(after), `after ${JSON.stringify(after)}`);
    assert.equal(
      result
        .slice(0, clause)
        .replace(/^---[\s\S]*?\n---\n\n/, '')
        .replace(/\n+$/, ''),
      before.slice(0, before.indexOf(after) + after.length),
    );
  }
});

test('a blank line is kept on each side, never doubled', () => {
  const before = '---\nlocale: en\n---\n\n## 1. Definitions\n\nText.\n\n\n## 2. Term\n\nText.\n';
  const blank = before.indexOf('\n\n## 2.') + 1;
  const { result } = insert(before, en.get('breach')!, blank);
  assert.match(result, /\nText\.\n\n## 2\. Breach and Liquidated Damages \{#breach\}\n/);
  assert.match(result, /of the fee\.\n\n## 2\. Term\n/);
});

test('the clause takes the next number in the contract\u2019s own style and heading level', () => {
  const paragraphs = '---\nlocale: zh-CN\n---\n\n一、总则\n\n（一）目的。正文。\n\n二、定义\n\n正文。\n';
  const asParagraph = insert(paragraphs, zh.get('confidentiality')!).result;
  assert.match(asParagraph, /\n三、保密义务 \{#confidentiality\}\n\n（一）保密信息。/);
  assert.match(asParagraph, /使用第\[三（一）\]\(#confidential-scope\)项所列信息/, 'its reference follows the new number');
  assert.deepEqual(unexpectedProblems(asParagraph), []);

  const articles = '---\nlocale: zh-CN\n---\n\n### 第一条 定义\n\n正文。\n\n### 第二条 期限\n\n正文。\n';
  const asArticle = insert(articles, zh.get('breach')!).result;
  assert.match(asArticle, /\n### 第三条 违约责任 \{#breach\}\n/);
  assert.match(asArticle, /依\[第三条（三）\]\(#late-payment\)项或\[第三条（四）\]\(#late-delivery\)项/);
  assert.deepEqual(unexpectedProblems(asArticle), [], describeProblems(asArticle, unexpectedProblems(asArticle)));

  const english = '---\nlocale: en\n---\n\n# Agreement\n\n## Article 1 Definitions\n\n1.1 Words.\n';
  const asEnglishArticle = insert(english, en.get('breach')!).result;
  assert.match(asEnglishArticle, /\n## Article 2 Breach and Liquidated Damages \{#breach\}\n\n2\.1 Material breach\./);
  assert.match(asEnglishArticle, /under clauses \[2\.3\]\(#late-payment\) and \[2\.4\]\(#late-delivery\) together/);
  assert.deepEqual(unexpectedProblems(asEnglishArticle), []);
});

test('inserted between two clauses, the clause numbers are put right by the renumber fix', () => {
  let text = '---\nlocale: en\n---\n\n# Agreement\n';
  for (const id of ['parties', 'fees-payment', 'signature']) text = insert(text, en.get(id)!).result;
  const before = text.indexOf('## 3. Signatures');
  text = insert(text, en.get('confidentiality')!, before - 1).result;
  const numbering = runChecks(parseContract(text)).filter((p) => p.checkId === 'clause-numbering');
  assert.equal(numbering.length, 1, 'the clause after the insertion repeats a number');
  const fixed = fixAll(text).text;
  assert.match(fixed, /## 3\. Confidentiality[\s\S]*clause \[3\.1\]\(#confidential-scope\)[\s\S]*## 4\. Signatures \{#signature\}\n\n4\.1 Acknowledgement/);
  assert.deepEqual(unexpectedProblems(fixed), [], describeProblems(fixed, unexpectedProblems(fixed)));
});

test('a label the contract already uses is renamed in the clause and its references', () => {
  const before = '---\nlocale: zh-CN\n---\n\n## 一、定义 {#confidential-scope}\n\n正文。\n';
  const { result } = insert(before, zh.get('confidentiality')!);
  assert.match(result, /（一）保密信息。本合同所称保密信息包括但不限于： \{#confidential-scope-2\}/);
  assert.match(result, /使用第\[二（一）\]\(#confidential-scope-2\)项所列信息/);
  assert.deepEqual(unexpectedProblems(result), []);
});

test('offsets after emoji and CJK text land exactly', () => {
  const before = '---\nlocale: zh-CN\n---\n\n甲方😀签章区🧾：见下。\n\n尾段。\n';
  const offset = before.indexOf('🧾') + 1; // between the surrogate halves
  const { result } = insert(before, zh.get('disputes')!, offset);
  assert.match(result, /甲方😀签章区🧾：见下。\n\n## 一、法律适用与争议解决/);
  assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(result), 'no surrogate pair is split');
});

test('any offset into any line-ending style inserts cleanly', () => {
  const base = ['---', 'title: 合同', 'locale: zh-CN', 'fields:', '  备注: text', '---', '', '# 合同', '', '一、总则', '', '{{备注}}😀', '', '二、定义', ''];
  const templates = [...zh.values()];
  fc.assert(
    fc.property(fc.constantFrom('\n', '\r\n'), fc.nat(), fc.nat(templates.length - 1), (eol, rawOffset, which) => {
      const text = base.join(eol);
      const offset = rawOffset % (text.length + 1);
      const edits = insertClauseEdits(parseContract(text), templates[which]!, offset);
      const result = applyEdits(text, edits);
      assert.ok(insertedOnly(text, result, edits));
      if (eol === '\r\n') assert.doesNotMatch(result.replace(/\r\n/g, ''), /[\r\n]/);
      const broken = runChecks(parseContract(result)).filter((p) =>
        ['undefined-field', 'duplicate-field', 'front-matter', 'unused-field', 'clause-reference', 'placeholder-syntax'].includes(p.checkId),
      );
      assert.deepEqual(broken, [], describeProblems(result, broken));
    }),
    { numRuns: 60 },
  );
});

test('a clause reuses a field the contract already has under its bare name (准确率, not 准确率下限)', () => {
  const before = [
    '---',
    'locale: zh-CN',
    'fields:',
    '  准确率: { type: percent, value: 95 }',
    '---',
    '# 合同',
    '',
    '## 一、总则',
    '',
    '模型准确率不低于{{准确率}}%。',
    '',
  ].join('\n');
  const { result } = insert(before, zh.get('training-targets')!);
  assert.match(result, /准确率不低于\{\{准确率\}\}%/);
  assert.doesNotMatch(result, /准确率下限/);
  assert.equal((result.match(/^ {2}准确率:/gm) ?? []).length, 1, 'declared once');
  assert.deepEqual(
    runChecks(parseContract(result)).filter((p) => p.checkId === 'undefined-field' || p.checkId === 'duplicate-field'),
    [],
  );
});

test('a field of another type under the bare name is not reused', () => {
  const before = ['---', 'locale: zh-CN', 'fields:', '  准确率: { type: text }', '---', '# 合同', '', '模型准确率：{{准确率}}。', ''].join('\n');
  const { result } = insert(before, zh.get('training-targets')!);
  assert.match(result, /\{\{准确率下限\}\}/);
});
