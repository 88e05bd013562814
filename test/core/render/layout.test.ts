/**
 * What the page looks like to a drafter: one title, party and signature blocks
 * line by line, and gap boxes that do not repeat the words before them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render, tags, visibleText, withClass } from './helpers.js';

test('a front-matter title and an opening # heading show the title once, above the parties', () => {
  const rendered = render('---\ntitle: 技术服务合同\nparties:\n  甲方: 委托方\n---\n\n# 技术服务合同\n\n一、服务内容\n\n乙方提供维护服务。\n');
  assert.deepEqual(
    tags(rendered.html, 'h1').map((h) => h.inner),
    ['技术服务合同'],
  );
  assert.ok(rendered.html.indexOf('<h1') < rendered.html.indexOf('cm-parties'), 'the title comes before the parties table');
  assert.equal(rendered.title, '技术服务合同');
  assert.equal((visibleText(rendered.html).match(/技术服务合同/g) ?? []).length, 1);
});

test('a front-matter title without a heading is still shown', () => {
  const rendered = render('---\ntitle: 技术服务合同\n---\n\n一、服务内容\n\n乙方提供维护服务。\n');
  assert.deepEqual(
    tags(rendered.html, 'h1').map((h) => h.inner),
    ['技术服务合同'],
  );
});

test('party and signature blocks keep their single line breaks and are not justified', () => {
  const source = [
    '甲方：杭州青禾信息技术有限公司',
    '地址：杭州市西湖区文三路 1 号',
    '法定代表人：张三',
    '',
    '乙方为甲方提供维护服务，',
    '服务期限为一年。',
    '',
    '甲方（盖章）：',
    '日期：2026年3月1日',
    '',
  ].join('\n');
  const rendered = render(source);
  const blocks = withClass(rendered.html, 'cm-lines');
  assert.equal(blocks.length, 2, 'the party block and the signature block');
  assert.match(rendered.html, /杭州青禾信息技术有限公司<br>\s*地址：杭州市西湖区文三路 1 号<br>\s*法定代表人：张三/);
  assert.match(rendered.html, /甲方（盖章）：<span class="cm-gap"[^>]*>［待填］<\/span><br>\s*日期：/);
  // Running prose wrapped by hand is one paragraph, as Markdown has it.
  assert.match(rendered.html, /<p[^>]*>乙方为甲方提供维护服务，\n服务期限为一年。<\/p>/);
});

test('a gap after running words is not labelled with those words', () => {
  const text = visibleText(render('双方协商未果的，任何一方可提交____仲裁委员会仲裁。\n\n地址：____\n').html);
  assert.match(text, /可提交［待填］仲裁委员会/);
  assert.doesNotMatch(text, /提交［[^］]*提交］/);
  assert.match(text, /地址：［地址］/, 'a caption before a colon still names its gap');
});
