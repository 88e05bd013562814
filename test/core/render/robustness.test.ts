import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MARKDOWN_LIMIT } from '../../../server/src/core/index.js';
import { render, tags, visibleText, withClass } from './helpers.js';

test('an empty file renders a summary and an untitled article', () => {
  for (const source of ['', '\n\n  \n', '\uFEFF']) {
    const result = render(source);
    assert.match(result.html, /^<article class="clausemark" lang="(?:en|zh-CN)"><section class="cm-summary"/);
    assert.equal(result.gapCount, 0);
    assert.match(result.title, /^(?:Untitled contract|未命名合同)$/);
  }
});

test('broken front matter is not shown; its problem is listed and the body still renders', () => {
  const source = '---\ntitle: [破损的标题\nfields: {\n---\n\n正文：____。\n';
  const result = render(source);
  assert.doesNotMatch(visibleText(result.html), /破损的标题|title:|fields:/);
  assert.match(visibleText(result.html), /正文：［正文］。/);
  assert.ok(withClass(result.html, 'cm-problem-list').length === 1);
});

test('a binary file renders only its summary', () => {
  const result = render('甲方\u0000\u0001乙方 ____');
  assert.equal(tags(result.html, 'p').length, 1 + 0);
  assert.match(withClass(result.html, 'cm-problem')[0]!.inner, /binary|二进制/);
});

test('a contract over the Markdown limit is shown as plain paragraphs, still with its gaps', () => {
  const paragraph = '甲方地址：____，**不加粗**。\n\n';
  const source = paragraph.repeat(Math.ceil((MARKDOWN_LIMIT + 10) / paragraph.length));
  const result = render(source);
  assert.equal(result.gapCount, Math.ceil((MARKDOWN_LIMIT + 10) / paragraph.length));
  assert.equal(withClass(result.html, 'cm-gap').length, result.gapCount);
  assert.equal(tags(result.html, 'strong').length, 0);
  const last = withClass(result.html, 'cm-gap').at(-1)!;
  assert.equal(source.slice(Number(last.attributes['data-offset']), Number(last.attributes['data-end'])), '____');
});

test('thousands of nested quotes render as text instead of overflowing the stack', () => {
  const source = `${'>'.repeat(3000)} 深处的条款：____\n`;
  const result = render(source);
  assert.equal(result.gapCount, 1);
  assert.match(visibleText(result.html), /深处的条款：/);
});

test('private-use characters the contract itself holds come back unchanged', () => {
  const source = '图标\uE100\uE110\uE101与\uE105，地址：____\n';
  const result = render(source);
  assert.match(result.html, /图标\uE100\uE110\uE101与\uE105，地址：<span class="cm-gap"/);
});

test('malformed placeholders are shown as written, with their problem', () => {
  const result = render('# 合同\n\n金额{{未闭合，名称{{}}，类型{{x: 颜色}}。\n');
  const text = visibleText(result.html);
  assert.match(text, /金额\{\{未闭合，名称\{\{\}\}，类型\{\{x: 颜色\}\}。/);
  assert.ok(result.problemCount >= 3);
  assert.ok(tags(result.html, 'mark').length >= 1);
});
