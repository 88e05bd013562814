import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render, tags, visibleText, withClass } from './helpers.js';
import { assertOffsetsPointAtSource } from './offsets.js';

const LINES = [
  '---',
  'locale: zh-CN',
  'fields:',
  '  fee: { type: money, value: 8000 }',
  '---',
  '',
  '## 第一条 付款 {#pay}',
  '',
  '😀 甲方应付人民币{{fee}}元，🎉 地址：________。',
  '',
  '- 第一项\t（含税）',
  '- 联系人：____',
  '',
  '见[第一条](#pay)与[第二条](#nope)。',
];

/** Gaps, values and the broken reference, each with the source text it points at. */
function pointers(html: string, source: string): string[] {
  return tags(html)
    .filter((t) => t.attributes['data-end'] !== undefined)
    .map((t) => source.slice(Number(t.attributes['data-offset']), Number(t.attributes['data-end'])));
}

function assertRendersAtRightPlaces(source: string): void {
  const result = render(source);
  assert.deepEqual(pointers(result.html, source), ['{{fee}}', '________', '____']);
  assert.ok(assertOffsetsPointAtSource(result.html, source) >= 5);
  const broken = withClass(result.html, 'cm-ref-broken')[0]!;
  assert.ok(source.slice(Number(broken.attributes['data-offset'])).startsWith('[第二条](#nope)'));
  const mark = tags(result.html, 'mark')[0]!;
  assert.ok(source.slice(Number(mark.attributes['data-offset'])).startsWith('nope)'));
  const text = visibleText(result.html);
  assert.match(text, /😀 甲方应付人民币8,000元，🎉 地址：［地址］。/);
  assert.match(result.html, /<li data-offset="\d+">第一项\t（含税）<\/li>/);
  assert.match(text, /见第一条与第二条\?。/);
  assert.equal(result.gapCount, 2);
}

test('LF: offsets land on the gaps, values, references and blocks', () => {
  assertRendersAtRightPlaces(LINES.join('\n'));
});

test('CRLF: the same contract with Windows line endings renders the same, at the right offsets', () => {
  const source = LINES.join('\r\n');
  assertRendersAtRightPlaces(source);
  assert.equal(visibleText(render(source).html), visibleText(render(LINES.join('\n')).html));
});

test('lone CR line endings render the same', () => {
  const source = LINES.join('\r');
  assertRendersAtRightPlaces(source);
});

test('a BOM counts as one code unit before everything else and is not shown', () => {
  const source = '\uFEFF' + LINES.join('\n');
  assertRendersAtRightPlaces(source);
  const result = render(source);
  assert.doesNotMatch(result.html, /\uFEFF/);
  const heading = tags(result.html, 'h2')[0]!;
  assert.equal(Number(heading.attributes['data-offset']), source.indexOf('## 第一条'));
});

test('a problem after emoji and CJK is marked on exactly its characters', () => {
  const source = '# 付款\n\n😀😀 首期支付30%，🎉二期支付60%，尾款支付20%。\n';
  const result = render(source);
  const [mark] = tags(result.html, 'mark');
  assert.equal(mark?.inner, '20%');
  assert.equal(Number(mark?.attributes['data-offset']), source.indexOf('20%'));
});

test('a problem inside text written with escapes and entities is still marked on its text', () => {
  const source = '# 付款\n\n\\*注\\* &amp; 首期支付30%，二期支付60%，尾款支付20%。\n';
  const result = render(source);
  assert.equal(tags(result.html, 'mark')[0]?.inner, '20%');
  assert.match(visibleText(result.html), /\*注\* & 首期支付30%/);
});
