/**
 * The examples are what `npm start` checks and what a newcomer sees first:
 * they must show gaps (warnings) and notes, never errors, so that
 * `clausemark check examples` exits 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { listGaps, parseContract } from '../../../server/src/core/index.js';
import { check, readProjectFile } from './agreement.js';

const EXAMPLES = readdirSync(resolve('examples'))
  .filter((name) => name.endsWith('.contract.md'))
  .sort();

test('the examples folder holds the typed Chinese and English agreements and the legacy one', () => {
  assert.deepEqual(EXAMPLES, ['ai-training.en.contract.md', 'ai-training.zh.contract.md', 'legacy-blanks.zh.contract.md']);
});

for (const name of EXAMPLES) {
  test(`${name} reports warnings and notes only, never an error`, () => {
    const reported = check(readProjectFile(`examples/${name}`));
    assert.ok(reported.length > 0, 'an example shows what Clausemark reports');
    assert.deepEqual(
      reported.filter((r) => r.severity === 'error').map((r) => `${r.line}:${r.character} ${r.id} ${r.problem.message}`),
      [],
    );
  });
}

test('the typed examples declare their language and show a few gaps, and nothing but gaps', () => {
  for (const [name, locale] of [
    ['ai-training.zh.contract.md', 'zh-CN'],
    ['ai-training.en.contract.md', 'en'],
  ] as const) {
    const text = readProjectFile(`examples/${name}`);
    const doc = parseContract(text);
    assert.equal(doc.meta.locale, locale);
    assert.ok(doc.fields.size >= 20, `${name} declares its fields`);
    const gaps = listGaps(doc);
    assert.ok(gaps.length >= 1, `${name} shows at least one gap`);
    assert.ok(
      gaps.every((g) => g.kind === 'placeholder'),
      `${name} uses typed placeholders, not blanks`,
    );
    // Most fields have values: the example reads as a nearly finished deal.
    assert.ok(gaps.length * 4 < doc.fields.size, `${name} leaves only a few fields open`);
    assert.deepEqual(
      check(text)
        .map((r) => r.id)
        .filter((id) => id !== 'unfilled-field'),
      [],
    );
    // A payment group, clause labels and references to them, derived words.
    assert.ok(doc.groups.some((g) => g.members.length === 3 && g.total === 100));
    assert.ok(doc.references.length >= 2 && doc.references.every((r) => doc.clauses.some((c) => c.label === r.label)));
    assert.ok(doc.amounts.some((a) => a.words?.derived === true));
  }
});

test('the legacy example shows every kind of blank as one gap each', () => {
  const doc = parseContract(readProjectFile('examples/legacy-blanks.zh.contract.md'));
  const kinds = new Set(doc.blanks.map((b) => b.kind));
  assert.deepEqual([...kinds].sort(), ['bracket', 'date', 'underscore']);
  const text = doc.text;
  const written = new Set(doc.blanks.map((b) => text.slice(b.span.start, b.span.end)));
  for (const blank of ['____年__月__日', '[●]', '【    】', '_']) assert.ok(written.has(blank), blank);
  assert.ok(
    doc.choices.some((c) => c.chosen === undefined && c.optionCount === 3),
    '第_种 of three options',
  );
});

test('`clausemark check examples` (what `npm start` runs) exits 0 and reports warnings, no errors', () => {
  const cli = resolve('dist/cli.cjs');
  assert.ok(existsSync(cli), 'dist/cli.cjs is missing: run `npm run build` first');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, 'check', 'examples', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const text = run();
  assert.equal(text.status, 0, text.stdout + text.stderr);
  const json = run('--format', 'json');
  assert.equal(json.status, 0, json.stderr);
  const files = JSON.parse(json.stdout) as Array<{ file: string; problems: Array<{ severity: string; checkId: string }> }>;
  assert.deepEqual(
    files.map((f) => f.file.replace(/\\/g, '/')).sort(),
    EXAMPLES.map((name) => `examples/${name}`),
  );
  for (const file of files) {
    assert.ok(
      file.problems.some((p) => p.severity === 'warning'),
      `${file.file} shows a gap`,
    );
    assert.deepEqual(
      file.problems.filter((p) => p.severity === 'error').map((p) => p.checkId),
      [],
      file.file,
    );
  }
});
