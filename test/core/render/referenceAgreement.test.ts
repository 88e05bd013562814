import { test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { render, visibleText, withClass } from './helpers.js';
import { assertOffsetsPointAtSource } from './offsets.js';

// A real contract kept outside the project; read at run time, never copied in.
import { NEEDS_REFERENCE, REFERENCE_TEXT as source } from '../../support/reference.js';

/** Every test here reads the agreement: each skips with the same reason when it is absent. */
const test = (name: string, fn: () => void | Promise<void>) => nodeTest(name, { skip: NEEDS_REFERENCE }, fn);
const rendered = render(source);

test('the reference agreement shows each of its 31 blanks as a labelled gap', () => {
  assert.equal(rendered.gapCount, 31);
  const gaps = withClass(rendered.html, 'cm-gap');
  assert.equal(gaps.length, 31);
  for (const gap of gaps) {
    assert.match(gap.inner, /^［[^［］_＿]+］$/);
    const written = source.slice(Number(gap.attributes['data-offset']), Number(gap.attributes['data-end']));
    assert.match(written, /^[_＿\s年月日\d]+$/, `gap ${gap.inner} points at ${JSON.stringify(written)}`);
  }
  // The blanks after 地址: and 大写: are named by their captions.
  assert.ok(gaps.some((g) => g.inner === '［地址］'));
  assert.ok(gaps.some((g) => g.inner === '［大写］'));
});

test('no underscore of the blanks is left for a reader to see', () => {
  assert.doesNotMatch(rendered.html, /[_＿]/);
  assert.equal(withClass(rendered.html, 'cm-summary')[0]?.inner, '尚有 31 处空白、0 个问题');
});

test('the plain-text agreement is titled by its first line and its blocks point at the source', () => {
  assert.equal(rendered.title, '人工智能训练协议');
  assert.ok(assertOffsetsPointAtSource(rendered.html, source) >= 40);
  assert.match(visibleText(rendered.html), /双方约定采用第［选项］种权属方案/);
});

test('printed as a form, the agreement has 31 lines to fill in and still no underscores', () => {
  const form = render(source, { showGaps: false });
  assert.equal(withClass(form.html, 'cm-gap-blank').length, 31);
  assert.doesNotMatch(form.html, /_/);
});
