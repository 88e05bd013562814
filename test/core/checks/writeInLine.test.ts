/**
 * A long line of underscores under a heading such as `第七条 其他约定` is the
 * space left to write the terms in, though CommonMark reads it as a rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseContract, runChecks } from '../../../server/src/core/index.js';

function blanks(text: string): Array<{ text: string; label: unknown }> {
  return runChecks(parseContract(text))
    .filter((p) => p.checkId === 'unfilled-blank')
    .map((p) => ({ text: text.slice(p.span.start, p.span.end), label: (p.data as { label: unknown }).label }));
}

test('a long underscore line under a heading is one gap named by the heading', () => {
  const line = '_'.repeat(30);
  for (const eol of ['\n', '\r\n']) {
    const text = ['## 第七条 其他约定', '', line, '', '本合同一式三份。', ''].join(eol);
    assert.deepEqual(blanks(text), [{ text: line, label: '其他约定' }]);
  }
});

test('a short rule, or a long one between paragraphs, stays a rule', () => {
  assert.deepEqual(blanks(['## 其他约定', '', '___', '', 'Text.', ''].join('\n')), []);
  assert.deepEqual(blanks(['Some text.', '', '_'.repeat(30), '', 'More text.', ''].join('\n')), []);
});
