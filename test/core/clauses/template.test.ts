import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { composeContract, parseClauseTemplate, parseContract, type ClauseTemplate } from '../../../server/src/core/index.js';
import { yamlScalar as scalar } from '../../../server/src/core/index.js';

const GOOD = [
  '---',
  'id: late-fee',
  'topic: fee',
  'title: Late Fee',
  'locale: en',
  'description: A fee for late payment.',
  'parties:',
  '  Client: { role: Payer }',
  'fields:',
  '  late_rate: percent',
  '  basis: { type: "choice(overdue amount|total fee)" }',
  'groups:',
  '  split: { total: 100 }',
  '---',
  '',
  '',
  '## 1. Late Fee {#late-fee}',
  '',
  '1.1 The Client pays {{late_rate}}% of the {{basis}} per day.',
  '',
].join('\n');

function parsed(text: string): ClauseTemplate {
  const result = parseClauseTemplate(text, 'late-fee.md');
  if ('error' in result) throw new Error(result.error);
  return result;
}

test('a template is read into its metadata, declarations and body', () => {
  const template = parsed(GOOD);
  assert.equal(template.id, 'late-fee');
  assert.equal(template.locale, 'en');
  assert.equal(template.order, Number.POSITIVE_INFINITY, 'no order: it goes last');
  assert.deepEqual(template.parties, [{ key: 'Client', role: 'Payer' }]);
  assert.deepEqual(template.fields, [
    { name: 'late_rate', type: 'percent' },
    { name: 'basis', type: 'choice', options: ['overdue amount', 'total fee'] },
  ]);
  assert.deepEqual(template.groups, [{ name: 'split', total: 100 }]);
  assert.equal(template.body, '## 1. Late Fee {#late-fee}\n\n1.1 The Client pays {{late_rate}}% of the {{basis}} per day.');
});

test('CRLF line endings and a BOM read the same as LF', () => {
  const lf = parsed(GOOD);
  const crlf = parsed(`\uFEFF${GOOD.replace(/\n/g, '\r\n')}`);
  assert.deepEqual({ ...crlf, path: '' }, { ...lf, path: '' });
});

test('malformed templates are reported with a message naming the file, in either language', () => {
  const cases: Array<[string, string, RegExp, RegExp]> = [
    ['no front matter', '## 1. Fee\n', /starts with YAML front matter/, /YAML 前言开头/],
    ['broken YAML', GOOD.replace('title: Late Fee', 'title: [Late'), /not valid YAML/, /不是有效的 YAML/],
    ['missing id', GOOD.replace('id: late-fee\n', ''), /`id` is required/, /缺少必填项 `id`/],
    ['id not kebab-case', GOOD.replace('id: late-fee', 'id: Late_Fee'), /must be kebab-case/, /短横线/],
    ['unknown locale', GOOD.replace('locale: en', 'locale: fr'), /unexpected locale "fr"/, /语言“fr”无效/],
    ['unknown type', GOOD.replace('late_rate: percent', 'late_rate: ratio'), /type "ratio"/, /类型“ratio”无效/],
    ['choice without options', GOOD.replace('{ type: "choice(overdue amount|total fee)" }', 'choice'), /lists no `options`/, /没有列出 `options`/],
    [
      'fields not a mapping',
      GOOD.replace(/fields:\n {2}late_rate: percent\n {2}basis: [^\n]+\n/, 'fields: [late_rate]\n'),
      /`fields` must be a mapping/,
      /`fields` 须为映射/,
    ],
    ['no body', GOOD.slice(0, GOOD.indexOf('## 1.')), /no clause text/, /没有条款正文/],
  ];
  for (const [name, text, en, zh] of cases) {
    const english = parseClauseTemplate(text, 'clauses/en/late-fee.md');
    const chinese = parseClauseTemplate(text, 'clauses/en/late-fee.md', 'zh-CN');
    assert.ok('error' in english && 'error' in chinese, name);
    assert.match(english.error, en, name);
    assert.match(english.error, /^clauses\/en\/late-fee\.md: /, name);
    assert.match(chinese.error, zh, name);
  }
});

test('front-matter scalars are written so YAML reads them back unchanged', () => {
  const tricky = fc.constantFrom(
    'true',
    'null',
    '123',
    '1e3',
    '2026-03-01',
    '- dash',
    'a: b',
    'a, b',
    '[x]',
    '{y}',
    '# hash',
    'x #y',
    "it's",
    '"q"',
    '%',
    '@at',
    '`tick`',
    'yes',
    '~',
    '甲方：乙方',
    '费用（含税），如 10日',
  );
  const text = fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1 }), fc.string({ minLength: 1 }));
  fc.assert(
    fc.property(text, (value) => {
      const written = scalar(value);
      assert.equal(parseYaml(`k: { v: ${written} }`).k.v, value, written);
      assert.deepEqual(parseYaml(`k: [${written}, z]`).k, [value, 'z'], written);
    }),
    { numRuns: 500 },
  );
});

test('descriptions and options that need quoting survive composing a contract', () => {
  const base = parsed(GOOD);
  const template: ClauseTemplate = {
    ...base,
    fields: [
      { name: 'late_rate', type: 'percent', description: 'Rate: per day, e.g. 0.05 # not a comment' },
      { name: 'basis', type: 'choice', options: ['overdue amount, excluding tax', 'true'] },
    ],
  };
  const doc = parseContract(composeContract([template], { title: 'Agreement: Late Fees', locale: 'en', currency: 'usd' }));
  assert.equal(doc.meta.title, 'Agreement: Late Fees');
  assert.equal(doc.meta.currency, 'USD');
  assert.equal(doc.fields.get('late_rate')?.description, 'Rate: per day, e.g. 0.05 # not a comment');
  assert.deepEqual(doc.fields.get('basis')?.options, ['overdue amount, excluding tax', 'true']);
  assert.deepEqual(doc.issues, []);
});
