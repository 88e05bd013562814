import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { yamlScalar } from '../../../server/src/core/index.js';

const LOOK_TYPED = [
  '1e3',
  '0x1F',
  '0o17',
  '0b101',
  '010',
  '1_000',
  '+5',
  '.5',
  '1.0',
  'true',
  'False',
  'null',
  'NULL',
  '~',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  '.inf',
  '-.Inf',
  '.nan',
  '2026-03-01',
  '12:30',
];

test('strings that YAML would read as numbers, booleans or null are quoted, and read back as the same string', () => {
  for (const text of LOOK_TYPED) {
    const written = yamlScalar(text);
    assert.notEqual(written, text, `${text} must be quoted`);
    assert.equal(parseYaml(`k: { v: ${written} }`).k.v, text);
    assert.equal(parseYaml(`k: ${written}`).k, text);
  }
});

test('in value mode a plain number stays a number only when it reads back with the same text', () => {
  assert.equal(yamlScalar('40', 'value'), '40');
  assert.equal(yamlScalar('20.5', 'value'), '20.5');
  for (const text of ['1e3', '0x1F', '010', '1.0', '1_000', '20,000', 'true', 'null', '~', 'yes']) {
    const written = yamlScalar(text, 'value');
    assert.equal(written, JSON.stringify(text), text);
    assert.equal(parseYaml(`v: ${written}`).v, text);
  }
});

test('plain words stay plain, so declarations read as they were written', () => {
  for (const text of ['money', '甲方', '2026年3月1日', 'Net 30', 'ACME Ltd.']) assert.equal(yamlScalar(text), text);
});

test('any string round-trips through yaml, in a flow map, a flow list and a block value', () => {
  const text = fc.oneof(
    fc.constantFrom(...LOOK_TYPED, 'a: b', 'x #y', '- dash', '{y}', '"q"', "it's", ' lead', 'trail '),
    fc.string({ minLength: 1 }),
    fc.string({ unit: 'grapheme', minLength: 1 }),
  );
  fc.assert(
    fc.property(text, fc.constantFrom<'text' | 'value'>('text', 'value'), (value, mode) => {
      const written = yamlScalar(value, mode);
      const asText = (read: unknown) => (mode === 'value' && typeof read === 'number' ? written : read);
      assert.equal(asText(parseYaml(`k: { v: ${written} }`).k.v), value, written);
      assert.deepEqual(parseYaml(`k: [${written}, z]`).k.map(asText), [value, 'z'], written);
      assert.equal(asText(parseYaml(`k: ${written}`).k), value, written);
    }),
    { numRuns: 500 },
  );
});
