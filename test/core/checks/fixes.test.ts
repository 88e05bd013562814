/**
 * Fix, then check again: on every fixture (as written, with CRLF line ends,
 * and with a BOM) every fix edits only its spans, and after fix-all no
 * problem that has a safe fix is left.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, parseContract, runChecks } from '../../../server/src/core/index.js';
import { assertCleanEdits } from './editAssertions.js';
import { locate } from './expectations.js';
import { FIXTURE_ROOT, readFixtures } from './fixtureFiles.js';
import { existsSync, readFileSync } from 'node:fs';

const toCrlf = (text: string) => text.replace(/\r\n|\r|\n/g, '\r\n');
const toCr = (text: string) => text.replace(/\r\n|\r|\n/g, '\r');
const where = (text: string) => locate(text, runChecks(parseContract(text))).map((f) => `${f.id} ${f.line}:${f.column}`);

const variants: ReadonlyArray<[string, (text: string) => string]> = [
  ['LF', (t) => t],
  ['CRLF', toCrlf],
  ['BOM', (t) => `\uFEFF${t}`],
  ['BOM+CRLF', (t) => `\uFEFF${toCrlf(t)}`],
];

for (const fixture of readFixtures()) {
  test(`fix-all on ${fixture.name} gives the reviewed text beside it`, () => {
    // `<name>.fixed.md` holds what fix-all must make of a fixture that has safe fixes.
    const golden = new URL(fixture.name.replace(/\.contract\.md$/, '.fixed.md'), FIXTURE_ROOT);
    const hasSafeFix = runChecks(parseContract(fixture.text)).some((p) => p.fixes.some((f) => f.safe));
    assert.equal(existsSync(golden), hasSafeFix, hasSafeFix ? 'a fixture with safe fixes needs a .fixed.md' : 'a .fixed.md for a fixture without safe fixes');
    if (hasSafeFix) assert.equal(fixAll(fixture.text).text, readFileSync(golden, 'utf8'));
  });

  for (const [variant, make] of variants) {
    test(`fixes on ${fixture.name} (${variant})`, () => {
      const text = make(fixture.text);
      const problems = runChecks(parseContract(text));
      for (const problem of problems) {
        for (const fix of problem.fixes) assertCleanEdits(text, fix.edits, `${problem.checkId} "${fix.title}"`);
      }

      const fixed = fixAll(text).text;
      assertCleanEditsOfWhole(text, fixed);
      const left = runChecks(parseContract(fixed)).filter((p) => p.fixes.some((f) => f.safe));
      assert.deepEqual(
        left.map((p) => `${p.checkId}: ${p.message}`),
        [],
        'a problem with a safe fix survived fix-all',
      );
      if (problems.some((p) => p.fixes.some((f) => f.safe))) assert.notEqual(fixed, text);
      else assert.equal(fixed, text, 'fix-all changed a text that had nothing safe to fix');
    });
  }

  test(`line ends and a BOM change no problem on ${fixture.name}`, () => {
    const lf = where(fixture.text);
    assert.deepEqual(where(toCrlf(fixture.text)), lf, 'CRLF');
    assert.deepEqual(where(toCr(fixture.text)), lf, 'lone CR');
    // A BOM shifts every offset by one (a note about the whole file may start on the BOM itself).
    const plain = runChecks(parseContract(fixture.text)).map((p) => `${p.checkId} ${p.span.start}`);
    const withBom = runChecks(parseContract(`\uFEFF${fixture.text}`)).map((p) => `${p.checkId} ${Math.max(0, p.span.start - 1)}`);
    assert.deepEqual(withBom, plain, 'BOM');
    assert.equal(fixAll(toCrlf(fixture.text)).text, toCrlf(fixAll(fixture.text).text), 'fix-all on CRLF is fix-all on LF with CRLF');
    assert.equal(fixAll(`\uFEFF${fixture.text}`).text, `\uFEFF${fixAll(fixture.text).text}`, 'fix-all keeps the BOM and nothing else changes');
  });
}

/** fix-all's result, diffed against the input, changes nothing but what the fixes said: checked through its CRLF and BOM. */
function assertCleanEditsOfWhole(before: string, after: string): void {
  if (before.startsWith('\uFEFF')) assert.ok(after.startsWith('\uFEFF'), 'fix-all lost the BOM');
  if (/\r\n/.test(before) && !/(?<!\r)\n/.test(before)) assert.doesNotMatch(after, /(?<!\r)\n/, 'fix-all introduced a lone \\n into a CRLF file');
}
