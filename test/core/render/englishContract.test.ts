import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFixture, render, tags, visibleText, withClass } from './helpers.js';
import { assertOffsetsPointAtSource } from './offsets.js';

const source = readFixture('consulting.en.contract.md');
const rendered = render(source);
const text = visibleText(rendered.html);

test('the English contract reads with amounts, words, dates and options filled in', () => {
  assert.match(text, /The Client shall pay USD 12,500\.50 \(twelve thousand five hundred and 50\/100 US dollars\), of which 40% is due on signature\./);
  assert.match(text, /supply-chain planning from April 15, 2026\./);
  // The value `2` picks the second option.
  assert.match(text, /Disputes are heard in Singapore\./);
  assert.match(text, /on 30 days notice/);
});

test('decimal clause numbers are kept and referenced as written', () => {
  assert.deepEqual(
    tags(rendered.html)
      .filter((t) => /^h[23]$/.test(t.name))
      .map((t) => [t.name, t.inner, t.attributes.id]),
    [
      ['h2', '1. Services', 'clause-services'],
      ['h3', '1.1 Scope', 'clause-scope'],
      ['h2', '2. Fees', 'clause-fees'],
      ['h2', '3. General', undefined],
    ],
  );
  const [link] = withClass(rendered.html, 'cm-ref').filter((t) => t.name === 'a');
  assert.deepEqual([link?.attributes.href, link?.inner], ['#clause-scope', '1.1']);
  assert.match(text, /The scope in section 1\.1 may change only in writing; see also clause 7\?\./);
});

test('gaps carry English labels and the summary is in English', () => {
  assert.deepEqual(
    withClass(rendered.html, 'cm-gap').map((g) => g.inner),
    ["[Consultant's address]", '[Signed by]'],
  );
  assert.equal(rendered.gapCount, 2);
  assert.equal(rendered.problemCount, 1);
  assert.equal(withClass(rendered.html, 'cm-summary')[0]?.inner, '2 gaps · 1 problem open');
  assert.equal(rendered.title, 'Consulting Agreement');
});

test('the English contract in Chinese: labels and summary follow the locale', () => {
  const zh = render(source, { locale: 'zh-CN' });
  assert.equal(withClass(zh.html, 'cm-summary')[0]?.inner, '尚有 2 处待填、1 个问题');
  assert.equal(withClass(zh.html, 'cm-gap')[1]?.inner, '［Signed by］');
});

test('block offsets in the English contract point at their source', () => {
  assert.ok(assertOffsetsPointAtSource(rendered.html, source) >= 9);
});
