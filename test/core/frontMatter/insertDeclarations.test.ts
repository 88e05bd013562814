import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, insertDeclarations, parseContract } from '../../../server/src/core/index.js';

const ENTRY = 'fee: { type: money }';

function insert(text: string, entries: Parameters<typeof insertDeclarations>[1], start: readonly string[] = []): { text: string; refused: readonly string[] } {
  const doc = parseContract(text);
  const { edits, refused } = insertDeclarations(doc, entries, start);
  const result = applyEdits(text, edits);
  return { text: result, refused };
}

function declares(text: string, name: string): void {
  const doc = parseContract(text);
  assert.ok(doc.fields.has(name), `${name} is declared in:\n${text}`);
  assert.deepEqual(
    doc.issues.filter((i) => i.code.startsWith('front-matter')),
    [],
    text,
  );
}

test('a block mapping takes the entry after its last one, at its indentation', () => {
  const text = '---\nfields:\n    a: text\n    b: { type: number }\ntitle: T\n---\n\nBody {{a}}.\n';
  const { text: out } = insert(text, { fields: [ENTRY] });
  assert.equal(out, '---\nfields:\n    a: text\n    b: { type: number }\n    fee: { type: money }\ntitle: T\n---\n\nBody {{a}}.\n');
  declares(out, 'fee');
});

test('a flow mapping takes the entry after its last one, inside the braces', () => {
  const { text: out } = insert('---\nfields: { a: text }\n---\nBody.\n', { fields: [ENTRY] });
  assert.equal(out, '---\nfields: { a: text, fee: { type: money } }\n---\nBody.\n');
  declares(out, 'fee');
  const { text: empty } = insert('---\nfields: {}\n---\nBody.\n', { fields: [ENTRY] });
  assert.equal(empty, '---\nfields: { fee: { type: money } }\n---\nBody.\n');
  declares(empty, 'fee');
});

test('a key with nothing after it, a missing key and an empty front matter each get a block mapping', () => {
  const { text: bare } = insert('---\nfields:\ntitle: T\n---\n', { fields: [ENTRY] });
  assert.equal(bare, '---\nfields:\n  fee: { type: money }\ntitle: T\n---\n');
  const { text: missing } = insert('---\ntitle: T\n---\n', { fields: [ENTRY] });
  assert.equal(missing, '---\ntitle: T\nfields:\n  fee: { type: money }\n---\n');
  const { text: empty } = insert('---\n---\nBody.\n', { fields: [ENTRY] });
  assert.equal(empty, '---\nfields:\n  fee: { type: money }\n---\nBody.\n');
  for (const out of [bare, missing, empty]) declares(out, 'fee');
});

test('CRLF stays CRLF, and a byte-order mark stays first, everything else byte-identical', () => {
  const crlf = '\uFEFF---\r\nfields:\r\n  a: text\r\n---\r\n\r\n正文 {{a}}。\r\n';
  const { text: out } = insert(crlf, { fields: [ENTRY], groups: ['付款: { total: 100 }'] });
  assert.equal(out, '\uFEFF---\r\nfields:\r\n  a: text\r\n  fee: { type: money }\r\ngroups:\r\n  付款: { total: 100 }\r\n---\r\n\r\n正文 {{a}}。\r\n');
  assert.ok(!/(?<!\r)\n/.test(out), 'no bare LF');
  declares(out, 'fee');
  const { text: created } = insert('\uFEFF# 合同\r\n\r\n正文。\r\n', { fields: [ENTRY] }, ['locale: zh-CN']);
  assert.equal(created, '\uFEFF---\r\nlocale: zh-CN\r\nfields:\r\n  fee: { type: money }\r\n---\r\n\r\n# 合同\r\n\r\n正文。\r\n');
  declares(created, 'fee');
});

test('parties written as a list take list items', () => {
  const { text: out } = insert('---\nparties:\n  - key: 甲方\n---\n', { parties: ['丙方: {}'], partyItems: ['- { key: 丙方 }'] });
  assert.equal(out, '---\nparties:\n  - key: 甲方\n  - { key: 丙方 }\n---\n');
  assert.deepEqual(
    parseContract(out).parties.map((p) => p.key),
    ['甲方', '丙方'],
  );
});

test('broken YAML, a flow root or a key holding something else is refused rather than guessed at', () => {
  assert.deepEqual(insert('---\nfields: [a\n---\n', { fields: [ENTRY] }).refused, ['fields']);
  assert.deepEqual(insert('---\n{ title: T }\n---\n', { fields: [ENTRY] }).refused, ['fields']);
  assert.deepEqual(insert('---\nfields: text\n---\n', { fields: [ENTRY] }).refused, ['fields']);
});
