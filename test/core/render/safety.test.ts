import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render, tags, visibleText } from './helpers.js';

/** Markup written to attack whoever previews the contract or opens its export. */
const HOSTILE_MARKUP = `---
locale: zh-CN
---

<script>alert(1)</script>

<style>body { display: none }</style>

<iframe src="https://evil.example/"></iframe>

<!-- clausemark-disable-next-line unfilled-blank -->
第一条 甲方应当<img src=x onerror=alert(3)>按时付款，<a href="javascript:alert(4)">点此</a>确认。

点击[这里](javascript:alert(5))、[大写](JAVASCRIPT:alert(6))、[实体](jav&#x61;script:alert(7))、\
[尖括号](<javascript:alert(8)>)、[数据](data:text/html;base64,PHNjcmlwdD4=)、[脚本](vbscript:msgbox(9))。

自动链接 <javascript:alert(10)>，引用式[链接][bad]。

[bad]: javascript:alert(11)

![图](javascript:alert(12)) ![公司标志](https://evil.example/track.png "跟踪")

[标题](https://example.com/ "a&quot; onmouseover=&quot;alert(13)")
`;

/** Text that spells out markup: a reader must see it as written, never get it as markup. */
const HOSTILE_TEXT = `---
locale: zh-CN
title: "<script>alert('title')</script>"
parties:
  甲方: { role: 委托方, name: "<img src=x onerror=alert('party')>" }
fields:
  note: { type: text, value: "<script>alert('value')</script><img src=x onerror=alert(2)>" }
---

&lt;script&gt;alert(14)&lt;/script&gt; 和 &#60;img src=x onerror=alert(15)&#62;

备注：{{note}}
`;

const ALLOWED_TAGS = new Set([
  'article',
  'section',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'a',
  'span',
  'mark',
  'sup',
  'br',
  'hr',
  'input',
]);
const ALLOWED_ATTRIBUTES = /^(?:class|id|lang|title|href|value|align|type|checked|disabled|start|data-[a-z-]+|aria-[a-z-]+)$/;

const rendered = render(HOSTILE_MARKUP);
const spelled = render(HOSTILE_TEXT);

test('hostile HTML, links and images never reach the output', () => {
  const html = rendered.html;
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<style/i);
  assert.doesNotMatch(html, /<iframe/i);
  assert.doesNotMatch(html, /<img/i);
  assert.doesNotMatch(html, /onerror=/i);
  assert.doesNotMatch(html, /javascript:/i);
  assert.doesNotMatch(html, /vbscript:|data:text/i);
  assert.doesNotMatch(html, /evil\.example/);
  assert.doesNotMatch(html, /clausemark-disable|<!--/);
});

test('every element and attribute in the output is one the renderer creates', () => {
  for (const html of [rendered.html, spelled.html]) assertOnlyOurMarkup(html);
});

function assertOnlyOurMarkup(html: string): void {
  const all = tags(html);
  // Every `<` that opens a tag was read by `tags`, so nothing hides from the checks below.
  assert.equal(all.length, (html.match(/<[a-z]/gi) ?? []).length);
  for (const tag of all) {
    assert.ok(ALLOWED_TAGS.has(tag.name), `unexpected <${tag.name}>`);
    for (const name of Object.keys(tag.attributes)) assert.match(name, ALLOWED_ATTRIBUTES, `unexpected attribute ${name} on <${tag.name}>`);
  }
  for (const link of tags(html, 'a')) assert.match(link.attributes.href ?? '', /^(?:https?:|mailto:|#)/);
}

test('what the hostile contract says is still readable', () => {
  const text = visibleText(rendered.html);
  assert.match(text, /第一条 甲方应当按时付款，点此确认。/);
  assert.match(text, /点击这里、大写、实体、尖括号、数据、脚本。/);
  assert.match(text, /自动链接 ［链接已移除］，引用式链接。/);
  assert.match(text, /公司标志/);
  // An HTML block is replaced by a notice, once per block.
  assert.equal((text.match(/（此处 HTML 未显示）/g) ?? []).length, 3);
  // The title attribute of a safe link keeps its quotes escaped inside the attribute.
  const titled = tags(rendered.html, 'a').find((a) => a.inner === '标题');
  assert.equal(titled?.attributes.href, 'https://example.com/');
  assert.equal(titled?.attributes.title, 'a" onmouseover="alert(13)');
});

test('markup spelled out as text, in entities, values, the title or a party name, is shown as text', () => {
  const html = spelled.html;
  assert.doesNotMatch(html, /<script|<img/i);
  // Outside text, nothing at all of it is left: no attribute carries it.
  const markupOnly = html.replace(/>[^<]*</g, '><');
  assert.doesNotMatch(markupOnly, /onerror|script|alert/i);
  const text = visibleText(html);
  assert.equal(spelled.title, "<script>alert('title')</script>");
  assert.match(text, /^尚有 0 处待填、0 个问题 <script>alert\('title'\)<\/script> /);
  assert.match(text, /甲方 委托方 <img src=x onerror=alert\('party'\)>/);
  assert.match(text, /<script>alert\(14\)<\/script> 和 <img src=x onerror=alert\(15\)>/);
  assert.match(text, /备注：<script>alert\('value'\)<\/script><img src=x onerror=alert\(2\)>/);
});

test('safe links stay links: web, mail and fragments', () => {
  const { html } = render('见[官网](https://example.com/a?b=1&c=2)、[邮件](mailto:legal@example.com)、[附件](#section-2.1)、[相对](appendix.md)。\n');
  assert.deepEqual(
    tags(html, 'a').map((a) => [a.inner, a.attributes.href]),
    [
      ['官网', 'https://example.com/a?b=1&c=2'],
      ['邮件', 'mailto:legal@example.com'],
      ['附件', '#section-2.1'],
    ],
  );
  assert.match(visibleText(html), /、相对。/);
});

test('a <br> in a table cell is a line break we create, not passed-through HTML', () => {
  const { html } = render('| 项目 | 说明 |\n|---|---|\n| 付款 | 首期<br>尾款 |\n');
  assert.match(html, /<td>首期<br>尾款<\/td>/);
});
