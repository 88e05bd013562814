import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, parseContract, runChecks } from '../../../server/src/core/index.js';

test('renumbering a clause carries its 3.1-style sub-clauses and references along', () => {
  const text = [
    '## 1. Definitions',
    '',
    '1.1 Words.',
    '',
    '## 1. Services {#services}',
    '',
    '1.1 Scope. {#scope}',
    '',
    '1.2 Standard, as clause [1.1](#scope) says.',
    '',
    '1.2.1 Detail.',
    '',
  ].join('\n');
  const numbering = runChecks(parseContract(text)).filter((p) => p.checkId === 'clause-numbering');
  assert.equal(numbering.length, 1);
  const edits = numbering[0]!.fixes[0]!.edits.map((e) => [text.slice(e.span.start, e.span.end), e.newText]);
  assert.deepEqual(edits, [
    ['1', '2'],
    ['1.1', '2.1'],
    ['1.2', '2.2'],
    ['1.2.1', '2.2.1'],
  ]);
  const fixed = fixAll(text).text;
  assert.match(fixed, /## 2\. Services \{#services\}\n\n2\.1 Scope\. \{#scope\}\n\n2\.2 Standard, as clause \[2\.1\]\(#scope\) says\.\n\n2\.2\.1 Detail\./);
  assert.match(fixed, /## 1\. Definitions\n\n1\.1 Words\./, 'the clause that was right is untouched');
});
