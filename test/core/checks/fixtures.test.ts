/**
 * Every check against its fixtures: `test/fixtures/checks/<id>/{ok,not-ok}.{zh,en}.contract.md`.
 * Each fixture carries its expected problems inline (see expectations.ts), and
 * every problem of every check is compared, so a fixture also proves that the
 * other checks stay quiet on it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { ALL_CHECKS, parseContract, runChecks } from '../../../server/src/core/index.js';
import { chineseLeaks, differences, englishLeaks, locate, readExpectations, stripExpectations } from './expectations.js';
import { FIXTURE_ROOT as ROOT, readFixtures } from './fixtureFiles.js';

const ALL = readFixtures();

test('every check has an ok and a not-ok fixture in Chinese and in English', () => {
  for (const check of ALL_CHECKS) {
    for (const kind of ['ok', 'not-ok']) {
      for (const lang of ['zh', 'en']) {
        const file = new URL(`${check.id}/${kind}.${lang}.contract.md`, ROOT);
        assert.ok(existsSync(file), `missing fixture ${check.id}/${kind}.${lang}.contract.md`);
      }
    }
  }
  const ids = new Set(ALL_CHECKS.map((c) => c.id));
  for (const fixture of ALL) assert.ok(ids.has(fixture.id), `fixture folder ${fixture.id} names no check`);
});

for (const fixture of ALL) {
  test(`fixture ${fixture.name}`, () => {
    const expected = readExpectations(fixture.text);
    const isOk = fixture.name.split('/')[1]!.startsWith('ok.');
    if (isOk) assert.deepEqual(expected, [], 'an ok fixture expects nothing');
    else
      assert.ok(
        expected.some((e) => e.id === fixture.id),
        `a not-ok fixture must expect at least one ${fixture.id}`,
      );

    const doc = parseContract(fixture.text);
    const problems = runChecks(doc);
    const found = locate(fixture.text, problems);
    assert.deepEqual(differences(found, expected), [], `problems of ${fixture.name} differ from its expectations`);

    // The markers are comments: removing them must not change a single problem.
    const stripped = stripExpectations(fixture.text);
    assert.notEqual(stripped.includes('expect:'), true);
    const again = locate(stripped, runChecks(parseContract(stripped)));
    assert.deepEqual(
      again.map((f) => [f.id, f.line, f.column]),
      found.map((f) => [f.id, f.line, f.column]),
    );

    // Messages speak the fixture's language.
    const zh = fixture.name.includes('.zh.');
    assert.equal(doc.locale, zh ? 'zh-CN' : 'en');
    for (const problem of problems) {
      const leaks = zh ? englishLeaks(problem.message) : chineseLeaks(problem.message, ['大写']);
      assert.deepEqual(leaks, [], `${problem.checkId}: ${problem.message}`);
      for (const fix of problem.fixes) {
        const fixLeaks = zh ? englishLeaks(fix.title) : chineseLeaks(fix.title, ['大写']);
        assert.deepEqual(fixLeaks, [], `${problem.checkId} fix: ${fix.title}`);
      }
    }
  });
}
