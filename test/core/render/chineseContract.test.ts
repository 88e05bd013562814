import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFixture, render, tags, visibleText, withClass } from './helpers.js';
import { assertOffsetsPointAtSource } from './offsets.js';

const source = readFixture('service.zh.contract.md');
const rendered = render(source);
const text = visibleText(rendered.html);

test('the Chinese contract reads with its values filled in and formatted', () => {
  assert.match(text, /合同总价为人民币500,000元（大写：伍拾万元整）。/);
  assert.match(text, /甲方于签约后支付30%，验收后支付70%。/);
  assert.match(text, /履约保证金人民币20,000\.50元/);
  assert.match(text, /自2026年3月1日起开工，经3轮迭代后交付/);
  assert.match(text, /知识产权归属：双方共有。/);
  assert.match(text, /应按合同总价的5%支付违约金/);
  assert.doesNotMatch(rendered.html, /\{\{|\}\}/);
});

test('the front matter is not shown; its title and parties are', () => {
  assert.equal(rendered.title, '软件开发服务合同');
  const [h1] = tags(rendered.html, 'h1');
  assert.equal(h1?.inner, '软件开发服务合同');
  assert.doesNotMatch(text, /fields:|type: money|locale:/);
  const parties = withClass(rendered.html, 'cm-parties')[0]!;
  assert.match(parties.inner, /甲方 委托方 杭州青禾信息技术有限公司/);
  assert.match(parties.inner, /乙方 开发方 （尚未填写）/);
});

test('clause labels become ids and references show the clause number as a link', () => {
  assert.doesNotMatch(text, /\{#/);
  const ids = tags(rendered.html).flatMap((t) => (t.attributes.id ? [[t.name, t.attributes.id, t.inner] as const] : []));
  assert.deepEqual(
    ids.map(([name, id]) => `${name}#${id}`),
    ['h2#clause-scope', 'h2#clause-payment', 'h2#clause-ip', 'p#clause-warranty', 'h2#clause-breach'],
  );
  assert.equal(ids.find(([, id]) => id === 'clause-warranty')![2], '（二）乙方保证交付成果不侵犯第三方权利。');

  const links = withClass(rendered.html, 'cm-ref').filter((t) => t.name === 'a');
  assert.deepEqual(
    links.map((l) => [l.attributes.href, l.inner]),
    [
      ['#clause-payment', '第二条'],
      // The link said 保证条款; the reader sees the nested clause's full number.
      ['#clause-warranty', '第三条（二）'],
    ],
  );
  assert.match(text, /任何一方违反第二条或第三条（二）的/);
});

test('a reference to a label no clause has is marked as broken', () => {
  const [broken] = withClass(rendered.html, 'cm-ref-broken');
  assert.equal(broken?.inner, '第九条?');
  assert.match(broken!.attributes.title!, /nowhere/);
  const mark = withClass(rendered.html, 'cm-error')[0]!;
  assert.equal(mark.name, 'mark');
  assert.match(mark.attributes.title!, /没有条款带有标签“nowhere”/);
  assert.equal(mark.attributes['data-check'], 'clause-reference');
});

test('every gap is shown with a label and points at its source', () => {
  assert.equal(rendered.gapCount, 3);
  const gaps = withClass(rendered.html, 'cm-gap');
  assert.deepEqual(
    gaps.map((g) => [g.inner, g.attributes['data-kind'], source.slice(Number(g.attributes['data-offset']), Number(g.attributes['data-end']))]),
    [
      ['［乙方开户银行］', 'placeholder', '{{开户行}}'],
      ['［甲方联系人］', 'blank', '____________'],
      ['［签署日期］', 'blank', '____年__月__日'],
    ],
  );
  assert.match(gaps[0]!.attributes.title!, /开户行.*文本/);
  assert.match(gaps[2]!.attributes.title!, /签署日期.*日期/);
  assert.doesNotMatch(rendered.html, /_/);
});

test('the summary counts open gaps and problems in Chinese', () => {
  // Two problems: the broken reference and a reference whose text names the wrong clause.
  // The gap reports (unfilled-blank, unfilled-field) are the gaps themselves and are not counted again.
  assert.equal(rendered.problemCount, 2);
  const [summary] = withClass(rendered.html, 'cm-summary');
  assert.equal(summary?.inner, '尚有 3 处待填、2 个问题');
  assert.ok(rendered.html.indexOf('cm-summary') < rendered.html.indexOf('<h1'), 'the summary comes first');
});

test('the summary and labels follow the locale asked for', () => {
  const english = render(source, { locale: 'en' });
  // The contract stays Chinese; only our summary speaks English, and says so.
  assert.match(english.html, /^<article class="clausemark" lang="zh-CN"><section class="cm-summary" data-offset="0" lang="en">/);
  assert.equal(withClass(english.html, 'cm-summary')[0]?.inner, '3 gaps · 2 problems open');
  assert.equal(withClass(english.html, 'cm-gap')[0]?.inner, '[乙方开户银行]');
  assert.match(rendered.html, /^<article class="clausemark" lang="zh-CN"><section class="cm-summary" data-offset="0">/);
});

test('with gaps hidden, each gap is a line to fill in by hand', () => {
  const form = render(source, { showGaps: false });
  assert.equal(withClass(form.html, 'cm-gap').length, 0);
  assert.deepEqual(
    withClass(form.html, 'cm-gap-blank').map((g) => g.inner),
    ['＿＿＿＿', '＿＿＿＿', '＿＿＿＿年＿＿月＿＿日'],
  );
  assert.doesNotMatch(visibleText(form.html), /甲方联系人］|［签署日期］/);
  // Values are still filled in.
  assert.match(visibleText(form.html), /人民币500,000元（大写：伍拾万元整）/);
  assert.equal(form.gapCount, 3);
});

test('block offsets point at the blocks in the source', () => {
  assert.ok(assertOffsetsPointAtSource(rendered.html, source) >= 12);
  const heading = tags(rendered.html, 'h2').find((h) => h.inner === '第三条 知识产权')!;
  assert.ok(source.slice(Number(heading.attributes['data-offset'])).startsWith('## 第三条 知识产权 {#ip}'));
});
