import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeContract, formatValue, renderContract } from '../../../server/src/core/index.js';
import { visibleText } from '../render/helpers.js';

const CHINESE = `---
title: 服务合同
fields:
  生效日: { type: date, value: 2026-03-01 }
  总价: { type: money, value: 500000 }
---

本合同自{{生效日}}起生效。合同总价为人民币{{总价}}元（大写：{{总价 | 大写}}）。
`;

test('contractLocale is the declared locale, else the script; the message locale follows the configuration', () => {
  const declared = analyzeContract('---\nlocale: en\n---\n\n合同正文全部是中文。\n').doc;
  assert.equal(declared.contractLocale, 'en');
  const guessed = analyzeContract(CHINESE, { config: { locale: 'en' } }).doc;
  assert.equal(guessed.contractLocale, 'zh-CN');
  assert.equal(guessed.locale, 'en');
  assert.equal(analyzeContract('The Client pays the fee.\n', { config: { locale: 'zh-CN' } }).doc.contractLocale, 'en');
});

test('with English messages, a Chinese contract renders its values in Chinese and its labels in English', () => {
  const { doc, problems } = analyzeContract(CHINESE, { config: { locale: 'en' } });
  const rendered = renderContract(doc, problems);
  const text = visibleText(rendered.html);
  assert.match(text, /本合同自2026年3月1日起生效。/);
  assert.match(text, /（大写：伍拾万元整）/);
  assert.doesNotMatch(text, /March/);
  // The preview's own words are the user's: English.
  assert.match(text, /gaps?|problems?|open/);
});

test("hover and the preview agree on a date: both in the contract's language", () => {
  const { doc } = analyzeContract(CHINESE, { config: { locale: 'en' } });
  const parsed = doc.fields.get('生效日')!.value!.parsed!;
  assert.equal(formatValue(parsed, doc.contractLocale), '2026年3月1日');
});

test('an English contract under Chinese messages keeps English dates in its text', () => {
  const source = '---\nfields:\n  start: { type: date, value: 2026-03-01 }\n---\n\nThis Agreement takes effect on {{start}}.\n';
  const { doc, problems } = analyzeContract(source, { config: { locale: 'zh-CN' } });
  assert.match(visibleText(renderContract(doc, problems).html), /takes effect on March 1, 2026\./);
});

test('the message locale is decided once, when the contract is read: the problems and the preview labels agree with it', () => {
  const broken = CHINESE.replace('value: 2026-03-01', 'value: 2026-02-30');
  for (const [config, summary, message] of [
    [{}, /尚有 \d+ 处待填/, /在日历中不存在/],
    [{ locale: 'en' as const }, /\d+ (?:gaps?|problems?)/, /does not exist in the calendar/],
  ] as const) {
    const { doc, problems } = analyzeContract(broken, { config });
    assert.equal(doc.contractLocale, 'zh-CN');
    assert.equal(doc.locale, config.locale ?? 'zh-CN');
    const invalid = problems.find((p) => p.checkId === 'invalid-date');
    assert.ok(invalid, 'the impossible date is reported');
    assert.match(invalid.message, message);
    assert.match(visibleText(renderContract(doc, problems).html), summary);
  }
});
