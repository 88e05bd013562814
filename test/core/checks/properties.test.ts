/**
 * Random contracts assembled from the pieces real ones are made of (blanks,
 * placeholders, instalments, amounts in words, clause numbers, references,
 * CJK, emoji, broken surrogates, CRLF/LF/CR) never make the core throw, and
 * every span and every edit it produces is sound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, checkCrashed, fixAll, parseContract, runChecks, safeFixEdits, type Span } from '../../../server/src/core/index.js';
import { assertCleanEdits, splitsUnit } from './editAssertions.js';

const FRONT_MATTER = [
  '---\ntitle: 随机合同\nlocale: zh-CN\neffective: 生效日期\nparties:\n  甲方: 委托方\n  乙方: { role: 受托方, name: 某公司 }\nfields:\n' +
    '  总费用: { type: money, value: 480000 }\n  首期: { type: percent, group: 付款, value: 30 }\n  尾款: { type: percent, group: 付款 }\n' +
    '  生效日期: { type: date, value: 2026-03-01 }\n  方案: choice(甲|乙)\n---\n',
  '---\nlocale: en\nfields:\n  fee: { type: money, value: 120000\n  x: percent\n---\n',
  '---\nfields:\n  a: text\n  a: number\n  b: { type: date, value: 2026-02-30 }\n---\n',
  '---\n: [\n---\n',
  '---\r\ntitle: CRLF\r\nfields:\r\n  总费用: { type: money }\r\n---\r\n',
];

const PIECES = [
  '地址：____',
  '＿＿＿',
  '[●]',
  '【  】',
  '[____]',
  '____年__月__日',
  '第_种',
  '_%',
  '2026年__月__日',
  '{{总费用}}',
  '{{总费用 | 大写}}',
  '{{首期}}%',
  '{{尾款}}%',
  '{{新字段: percent}}',
  '{{方案: choice(甲|乙)}}',
  '{{fee | words}}',
  '{{',
  '}}',
  '{{}}',
  '{{a: bad}}',
  '{{x |}}',
  '首期支付30%，',
  '二期支付40%，',
  '尾款20%。',
  '３０％',
  '百分之一百二十',
  '120%',
  '准确率≥95%',
  '人民币480,000元（大写：伍拾万元整）',
  '人民币伍拾万元整（¥500,000）',
  'USD 120,000 (one hundred ten thousand US dollars)',
  'Fifteen Thousand US Dollars (USD 12,500)',
  '2026年2月30日',
  '２０２６年２月３０日',
  'February 30, 2026',
  '签署日期：2026年2月1日',
  'Date of signature: February 1, 2026',
  '第4种方式：甲；乙；丙。',
  '丙方',
  'Party C',
  '甲方',
  '乙方',
  '一、',
  '二、',
  '四、',
  '（一）',
  '(a) ',
  '1. ',
  '1.1 ',
  '第三条 ',
  '## 三、知识产权 {#ip}',
  '# 1. Fees {#fees}',
  '{#ip}',
  '[三](#ip)',
  '[五](#nowhere)',
  '[](#fees)',
  '[Section 9](#fees)',
  '[link](https://example.com/#x)',
  '<!-- clausemark-disable-next-line -->',
  '<!-- clausemark-disable percent-sum -->',
  '<!-- clausemark-enable -->',
  '<!-- clausemark-disable-line -->',
  '<!-- expect: x -->',
  '`{{code}}`',
  '```\n{{fence\n```',
  '| a | b |\n|---|---|\n| 30% | ____ |',
  '> 引用 ',
  '- ',
  '* ',
  '  ',
  '\t',
  '***',
  '___',
  '**粗体**',
  '_斜体_',
  '😀',
  '👩‍💻',
  '\uD83D',
  '\uDE00',
  '中文',
  'English words',
  '\u00A0',
  '\u3000',
  '\uFEFF',
  '\u2028',
  '<div>',
  '&amp;',
];

const EOLS = ['\n', '\r\n', '\r'];

const contract = fc
  .tuple(
    fc.option(fc.constantFrom(...FRONT_MATTER), { nil: undefined }),
    fc.array(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
        { weight: 2, arbitrary: fc.constantFrom(...EOLS) },
        { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
      ),
      { maxLength: 60 },
    ),
    fc.boolean(),
  )
  .map(([front, pieces, bom]) => `${bom ? '\uFEFF' : ''}${front ?? ''}${pieces.join('')}`);

/** Every `{start, end}` anywhere in the model. */
function spansIn(value: unknown, found: Span[] = [], seen = new Set<unknown>()): Span[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return found;
  seen.add(value);
  const record = value as Record<string, unknown>;
  if (typeof record['start'] === 'number' && typeof record['end'] === 'number') found.push(record as unknown as Span);
  const children = value instanceof Map ? [...value.values()] : Object.values(record);
  for (const child of children) spansIn(child, found, seen);
  return found;
}

function assertSound(text: string, span: Span, what: string): void {
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what} ${span.start}-${span.end} outside a text of ${text.length}`);
  const pair = (i: number) => i > 0 && i < text.length && /[\uD800-\uDBFF]/.test(text[i - 1]!) && /[\uDC00-\uDFFF]/.test(text[i]!);
  assert.ok(!pair(span.start) && !pair(span.end), `${what} ${span.start}-${span.end} splits a surrogate pair`);
}

test('parse and check never throw, and every span is sound', () => {
  fc.assert(
    fc.property(contract, (text) => {
      const doc = parseContract(text);
      const { text: _text, ...model } = doc;
      for (const span of spansIn(model)) assertSound(text, span, 'model span');
      for (const locale of ['en', 'zh-CN'] as const) {
        const problems = runChecks({ ...doc, locale });
        for (const p of problems) {
          assert.ok(!checkCrashed(p), `a check threw: ${p.message}`);
          assertSound(text, p.span, p.checkId);
          for (const r of p.related) assertSound(text, r.span, `${p.checkId} related`);
          for (const fix of p.fixes) for (const edit of fix.edits) assertSound(text, edit.span, `${p.checkId} edit`);
        }
      }
    }),
    { numRuns: 400 },
  );
});

test('every fix applies cleanly and fix-all ends', () => {
  fc.assert(
    fc.property(contract, (text) => {
      const problems = runChecks(parseContract(text));
      for (const p of problems) for (const fix of p.fixes) assertCleanEdits(text, fix.edits, `${p.checkId} "${fix.title}"`);
      // The safe fixes chosen together never overlap, so they apply at once.
      assertCleanEdits(text, safeFixEdits(problems), 'safe fixes together');
      // One round of fix-all is exactly the safe fixes, whatever order they come in.
      const safe = safeFixEdits(problems);
      const oneRound = applyEdits(text, safe);
      assert.equal(fixAll(text, {}, 1).text, oneRound);
      assert.equal(applyEdits(text, [...safe].reverse()), oneRound, 'edits apply by position, not by list order');
      // Fix-all ends where no safe fix is left, keeping the BOM and never adding a line-ending style.
      const { text: fixed } = fixAll(text, {}, 20);
      assert.deepEqual(safeFixEdits(runChecks(parseContract(fixed))), [], 'fix-all stopped with safe fixes left');
      assert.equal(fixed.startsWith('\uFEFF'), text.startsWith('\uFEFF'));
      if (!text.includes('\r')) assert.ok(!fixed.includes('\r'), 'a CR appeared in a text without one');
    }),
    { numRuns: 300 },
  );
});

test('no edit may start or end inside a surrogate pair or a CRLF', () => {
  assert.equal(splitsUnit('a😀b', 2), true);
  assert.equal(splitsUnit('a😀b', 1), false);
  assert.equal(splitsUnit('a\r\nb', 2), true);
  assert.equal(splitsUnit('a\r\nb', 3), false);
});
