import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, composeContract, insertClauseEdits, parseContract, runChecks, sortTemplates } from '../../../server/src/core/index.js';
import { LOCALES, TOPIC_IDS, describeProblems, fillAllFields, loadTemplates, minimalContract, unexpectedProblems } from './library.js';

test('every clause topic of the reference agreement exists in both locales under the same id', () => {
  for (const locale of LOCALES) {
    const ids = loadTemplates(locale)
      .map((t) => t.id)
      .sort();
    assert.deepEqual(ids, [...TOPIC_IDS].sort(), locale);
  }
  const zh = loadTemplates('zh-CN');
  const en = loadTemplates('en');
  for (const id of TOPIC_IDS) {
    const a = zh.find((t) => t.id === id)!;
    const b = en.find((t) => t.id === id)!;
    assert.equal(a.order, b.order, `${id} stands at the same place in both locales`);
    assert.equal(a.locale, 'zh-CN');
    assert.equal(b.locale, 'en');
    assert.match(a.title, /\p{Script=Han}/u, `${id}: the Chinese title is Chinese`);
    assert.doesNotMatch(b.title, /\p{Script=Han}/u, `${id}: the English title is English`);
    assert.ok(!a.description.includes('\n') && !b.description.includes('\n'), `${id}: descriptions are one line`);
  }
});

test('topics, labels and field names do not collide within a locale', () => {
  for (const locale of LOCALES) {
    const templates = loadTemplates(locale);
    const topics = templates.map((t) => t.topic);
    assert.equal(new Set(topics).size, topics.length, `${locale}: snippet prefixes are unique`);
    const labels = templates.flatMap((t) => [...t.body.matchAll(/\{#([\p{L}\p{N}_-]+)\}/gu)].map((m) => m[1]!));
    assert.equal(new Set(labels).size, labels.length, `${locale}: labels are unique across the library`);
    // One name, one meaning: the same field in two clauses has the same declaration.
    const seen = new Map<string, string>();
    for (const template of templates) {
      for (const field of template.fields) {
        const shape = JSON.stringify({ type: field.type, options: field.options, group: field.group });
        const before = seen.get(field.name);
        assert.ok(before === undefined || before === shape, `${locale}: field ${field.name} is declared differently in ${template.id}`);
        seen.set(field.name, shape);
      }
    }
  }
});

test('English field names are snake_case and Chinese ones are Chinese', () => {
  for (const template of loadTemplates('en')) {
    for (const field of template.fields) assert.match(field.name, /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, `${template.id}: ${field.name}`);
  }
  for (const template of loadTemplates('zh-CN')) {
    for (const field of template.fields) assert.match(field.name, /\p{Script=Han}/u, `${template.id}: ${field.name}`);
  }
});

test('the templates carry what the reference agreement asks of each topic', () => {
  const zh = new Map(loadTemplates('zh-CN').map((t) => [t.id, t]));
  const en = new Map(loadTemplates('en').map((t) => [t.id, t]));
  const types = (id: string, map: typeof zh) => map.get(id)!.fields.map((f) => f.type);
  for (const map of [zh, en]) {
    const fees = map.get('fees-payment')!;
    const group = fees.groups[0]!;
    assert.equal(group.total, 100);
    assert.equal(fees.fields.filter((f) => f.group === group.name && f.type === 'percent').length, 3, 'three instalments in one group');
    assert.ok(fees.fields.some((f) => f.type === 'money'));
    const ip = map.get('ip-ownership')!.fields.find((f) => f.type === 'choice')!;
    assert.equal(ip.options?.length, 3, 'client owns / joint / other');
    assert.equal(types('training-targets', map).filter((t) => t === 'percent').length, 3, 'accuracy, recall and F1 thresholds');
    assert.ok(types('breach', map).includes('percent'), 'liquidated damages as a percentage');
    assert.equal(types('signature', map).filter((t) => t === 'date').length, 2, 'a date of signature per party');
    assert.ok(types('confidentiality', map).includes('duration'));
  }
  assert.match(zh.get('fees-payment')!.body, /人民币\{\{总费用\}\}元（大写：\{\{总费用 \| 大写\}\}）/);
  assert.match(en.get('fees-payment')!.body, /USD \{\{fee\}\} \(\{\{fee \| words\}\} US dollars\)/);
  assert.match(zh.get('signature')!.body, /签署日期：\{\{甲方签署日期\}\}/);
  assert.match(en.get('signature')!.body, /Date of signature: \{\{client_signing_date\}\}/);
});

for (const locale of LOCALES) {
  for (const template of loadTemplates(locale)) {
    const shapes: Array<[string, string]> = [
      ['a minimal contract', minimalContract(locale)],
      ['a CRLF contract', minimalContract(locale, '\r\n')],
      ['a contract without front matter', locale === 'zh-CN' ? '# 合同\n\n' : '# Agreement\n\n'],
      ['an empty document', ''],
    ];
    for (const [shape, contract] of shapes) {
      test(`${locale}/${template.id} inserted into ${shape} declares everything it uses and checks clean once filled`, () => {
        const doc = parseContract(contract);
        const edits = insertClauseEdits(doc, template, contract.length);
        const inserted = applyEdits(contract, edits);
        const problems = unexpectedProblems(inserted);
        assert.deepEqual(problems, [], describeProblems(inserted, problems));
        const unfilled = runChecks(parseContract(inserted)).filter((p) => p.checkId === 'unfilled-field');
        assert.ok(unfilled.length >= template.fields.length, 'every field shows up as a gap to fill');
        if (contract.includes('\r\n')) assert.doesNotMatch(inserted.replace(/\r\n/g, ''), /[\r\n]/, 'every inserted line ends with CRLF');

        const filled = fillAllFields(inserted);
        const remaining = runChecks(parseContract(filled));
        assert.deepEqual(remaining, [], describeProblems(filled, remaining));
      });
    }
  }

  test(`${locale}: a contract composed of the whole library checks clean, numbered in order`, () => {
    const templates = sortTemplates(loadTemplates(locale));
    const contract = composeContract(templates, {
      title: locale === 'zh-CN' ? '人工智能模型训练服务合同' : 'AI Model Training Services Agreement',
      locale,
      currency: locale === 'zh-CN' ? 'CNY' : 'USD',
    });
    const problems = unexpectedProblems(contract);
    assert.deepEqual(problems, [], describeProblems(contract, problems));
    const doc = parseContract(contract);
    assert.equal(doc.meta.locale, locale);
    const tops = doc.clauses.filter((c) => c.depth === 0);
    assert.deepEqual(
      tops.map((c) => c.ordinal),
      templates.map((_, i) => i + 1),
    );
    assert.deepEqual(
      tops.map((c) => c.label),
      templates.map((t) => topLabel(t.body)),
      'labels keep their names when they do not collide',
    );
    if (locale === 'zh-CN')
      assert.deepEqual(
        tops.slice(0, 3).map((c) => c.marker),
        ['一、', '二、', '三、'],
      );
    else
      assert.deepEqual(
        tops.slice(0, 3).map((c) => c.marker),
        ['1.', '2.', '3.'],
      );

    const filled = fillAllFields(contract);
    const remaining = runChecks(parseContract(filled));
    assert.deepEqual(remaining, [], describeProblems(filled, remaining));
  });

  test(`${locale}: inserting every clause in turn at the end numbers them as composing does`, () => {
    const templates = sortTemplates(loadTemplates(locale));
    let text = minimalContract(locale);
    for (const template of templates) text = applyEdits(text, insertClauseEdits(parseContract(text), template, text.length));
    const problems = unexpectedProblems(text);
    assert.deepEqual(problems, [], describeProblems(text, problems));
    const tops = parseContract(text).clauses.filter((c) => c.depth === 0);
    assert.deepEqual(
      tops.map((c) => c.ordinal),
      templates.map((_, i) => i + 1),
    );
    // Shared fields (the parties' names) are declared once, not once per clause.
    const declarations = [...parseContract(text).declarations.values()];
    assert.ok(declarations.every((list) => list.length === 1));
  });
}

/** The label of a body's first line. */
function topLabel(body: string): string {
  return /\{#([^}]+)\}/.exec(body.split('\n')[0]!)![1]!;
}
