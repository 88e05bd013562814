import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ALL_CHECKS, parseContract, runChecks } from '../../server/src/core/index.js';

/** docs/checks.md's examples are tests, as remark-lint's documentation examples are. */
const DOC = readFileSync('docs/checks.md', 'utf8');
const EXAMPLES = [...DOC.matchAll(/^```contract (ok|not-ok) ([a-z-]+)\n([\s\S]*?)^```$/gm)].map((m) => ({ kind: m[1]!, id: m[2]!, text: m[3]! }));

test('every check has a section in docs/checks.md, in registry order', () => {
  const headings = [...DOC.matchAll(/^## ([a-z-]+)$/gm)].map((m) => m[1]);
  assert.deepEqual(headings, ALL_CHECKS.map((c) => c.id));
});

test('every check but document-limits has ok and not-ok examples in Chinese and English', () => {
  for (const check of ALL_CHECKS) {
    if (check.id === 'document-limits') continue;
    const mine = EXAMPLES.filter((e) => e.id === check.id);
    const has = (kind: string, script: RegExp) => mine.some((e) => e.kind === kind && script.test(e.text));
    assert.ok(has('ok', /\p{Script=Han}/u) && has('not-ok', /\p{Script=Han}/u), `${check.id}: Chinese examples`);
    assert.ok(mine.filter((e) => !/locale: zh/.test(e.text)).length >= 2, `${check.id}: English examples`);
  }
});

for (const example of EXAMPLES) {
  test(`docs example: ${example.id} ${example.kind}: ${example.text.split('\n').find((l) => l && l !== '---' && !/^\w+:/.test(l))?.slice(0, 40) ?? ''}`, () => {
    const problems = runChecks(parseContract(example.text)).filter((p) => p.checkId === example.id);
    if (example.kind === 'ok') assert.deepEqual(problems.map((p) => p.message), [], `${example.id} must stay quiet`);
    else assert.ok(problems.length > 0, `${example.id} must report on:\n${example.text}`);
  });
}

test('summaries exist in both locales and Chinese messages are written in Chinese', () => {
  for (const check of ALL_CHECKS) {
    assert.ok(check.messages.en['summary'] && check.messages['zh-CN']['summary'], check.id);
    for (const [key, template] of Object.entries(check.messages['zh-CN'])) {
      // Chinese, or no words at all (a list of sample values such as 12、1,200).
      assert.ok(/\p{Script=Han}/u.test(template) || !/[A-Za-z]{2,}/.test(template.replace(/\{\w+\}/g, '')), `${check.id}.${key} is translated`);
      assert.ok(key in check.messages.en, `${check.id}.${key} exists in English too`);
    }
  }
});
