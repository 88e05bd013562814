/**
 * Problems land exactly where a drafter sees them: offsets are UTF-16 code
 * units into the text as given (BOM included), and `LineIndex` turns them into
 * LSP line/character the way VS Code counts (CRLF, lone CR and LF all end a
 * line; an emoji is two characters; a tab, a CJK character and a full-width
 * digit one each).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, parseContract, runChecks, type Problem } from '../../../server/src/core/index.js';

function problemsOf(text: string, id: string): Problem[] {
  return runChecks(parseContract(text)).filter((p) => p.checkId === id);
}

/** The one problem of `id`, its text, offsets and LSP position. */
function only(text: string, id: string) {
  const found = problemsOf(text, id);
  assert.equal(found.length, 1, `expected one ${id}, got ${found.map((p) => p.message).join(' | ')}`);
  const { span } = found[0]!;
  const index = new LineIndex(text);
  return { span, text: text.slice(span.start, span.end), start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

test('CRLF: the blank on the third line', () => {
  const text = '# 合同\r\n\r\n地址：____\r\n';
  const p = only(text, 'unfilled-blank');
  assert.deepEqual(p.span, { start: 11, end: 15 });
  assert.equal(p.text, '____');
  assert.deepEqual(p.start, { line: 2, character: 3 });
  assert.deepEqual(p.end, { line: 2, character: 7 });
});

test('lone CR ends a line too', () => {
  const text = '# 合同\r\r地址：____\r签署日期：2026年2月30日';
  assert.deepEqual(only(text, 'unfilled-blank').start, { line: 2, character: 3 });
  const date = only(text, 'invalid-date');
  assert.equal(date.text, '2026年2月30日');
  assert.deepEqual(date.start, { line: 3, character: 5 });
});

test('a tab counts as one character', () => {
  const text = '条款\t地址：\t____\n';
  const p = only(text, 'unfilled-blank');
  assert.deepEqual(p.span, { start: 7, end: 11 });
  assert.deepEqual(p.start, { line: 0, character: 7 });
});

test('an emoji before a blank on the same line counts as two', () => {
  const text = '😀 地址：____';
  const p = only(text, 'unfilled-blank');
  assert.deepEqual(p.span, { start: 6, end: 10 });
  assert.deepEqual(p.start, { line: 0, character: 6 });
  assert.deepEqual(p.end, { line: 0, character: 10 });

  const zwj = '👩‍💻 首期支付30%，二期支付40%，尾款20%。';
  const sum = only(zwj, 'percent-sum');
  assert.equal(sum.text, '20%');
  assert.deepEqual(sum.start, { line: 0, character: zwj.indexOf('20%') });
  assert.equal(zwj.indexOf('20%'), 24);
});

test('CJK text before a problem: one character per Han character', () => {
  const text = '本合同总价为人民币480,000元（大写：伍拾万元整）。';
  const p = only(text, 'amount-words');
  assert.equal(p.text, '伍拾万元整');
  // 本合同总价为人民币 (9) 480,000 (7) 元（大写： (5): the words start at 21.
  assert.deepEqual(p.span, { start: 21, end: 26 });
  assert.deepEqual(p.start, { line: 0, character: 21 });
  const fix = problemsOf(text, 'amount-words')[0]!.fixes[0]!;
  assert.deepEqual(fix.edits, [{ span: { start: 21, end: 26 }, newText: '肆拾捌万元整' }]);
});

test('full-width digits: ３０％ is a percentage, ２０２６年２月３０日 an impossible date', () => {
  const text = '首期支付３０％，尾款６０％。\n违约金为１２０％。\n签订日期：２０２６年２月３０日';
  const sum = only(text, 'percent-sum');
  assert.equal(sum.text, '６０％');
  assert.deepEqual(sum.span, { start: 10, end: 13 });
  const range = only(text, 'percent-range');
  assert.equal(range.text, '１２０');
  assert.deepEqual(range.start, { line: 1, character: 4 });
  const date = only(text, 'invalid-date');
  assert.equal(date.text, '２０２６年２月３０日');
  assert.deepEqual(date.start, { line: 2, character: 5 });
  assert.deepEqual(date.end, { line: 2, character: 15 });
  assert.match(problemsOf(text, 'invalid-date')[0]!.message, /2026年2月没有第 30 日/);
});

test('a last line without a newline', () => {
  const text = '第一行\n地址：____';
  const p = only(text, 'unfilled-blank');
  assert.equal(p.span.end, text.length);
  assert.deepEqual(p.end, { line: 1, character: 7 });
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 2);
  assert.equal(index.offsetAt({ line: 1, character: 99 }), text.length);
});

test('a BOM at the start: offsets index the string with the BOM', () => {
  const text = '\uFEFF地址：____\n{{总费用}}，{{押金: money}}';
  const blank = only(text, 'unfilled-blank');
  assert.deepEqual(blank.span, { start: 4, end: 8 });
  assert.equal(blank.text, '____');
  assert.deepEqual(blank.start, { line: 0, character: 4 });
  const undefinedField = only(text, 'undefined-field');
  assert.equal(undefinedField.text, '总费用');
  assert.deepEqual(undefinedField.span, { start: 11, end: 14 });

  const fm = '\uFEFF---\r\nfields:\r\n  费用: { type: money, value: 多少 }\r\n---\r\n{{费用}}';
  const wrong = only(fm, 'field-type');
  assert.equal(wrong.text, '多少');
  assert.deepEqual(wrong.start, { line: 2, character: 28 });
});

test('YAML errors point into the front matter, CRLF and BOM included', () => {
  const text = '\uFEFF---\r\nfields:\r\n  a: { type: money\r\n  b: text\r\n---\r\n正文';
  const p = only(text, 'front-matter');
  assert.deepEqual(p.start, { line: 3, character: 2 });
  assert.equal(text[p.span.start], 'b');
});

test('clause numbers, labels and references on CRLF lines', () => {
  const text = '## 一、定义 {#def}\r\n\r\n## 二、费用\r\n\r\n## 四、违约\r\n\r\n见第[三](#def)条与[五](#nowhere)。\r\n';
  const numbering = only(text, 'clause-numbering');
  assert.equal(numbering.text, '四、');
  assert.deepEqual(numbering.start, { line: 4, character: 3 });
  const stale = only(text, 'reference-number');
  assert.equal(stale.text, '三');
  assert.deepEqual(stale.start, { line: 6, character: 3 });
  const broken = only(text, 'clause-reference');
  assert.equal(broken.text, 'nowhere');
  assert.deepEqual(broken.start, { line: 6, character: 18 });
  const doc = parseContract(text);
  assert.deepEqual(doc.clauses[0]!.labelSpan, { start: 8, end: 14 });
  assert.equal(text.slice(8, 14), '{#def}');
});

test('LineIndex agrees with LSP on every kind of line end', () => {
  const text = 'a\r\nb\rc\nd';
  const index = new LineIndex(text);
  assert.equal(index.lineCount, 4);
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6, 7, 8].map((o) => index.positionAt(o)),
    [
      { line: 0, character: 0 },
      { line: 0, character: 1 },
      { line: 0, character: 2 },
      { line: 1, character: 0 },
      { line: 1, character: 1 },
      { line: 2, character: 0 },
      { line: 2, character: 1 },
      { line: 3, character: 0 },
      { line: 3, character: 1 },
    ],
  );
  assert.equal(index.lineEnd(0), 1);
  assert.equal(index.lineEnd(1), 4);
  assert.equal(index.offsetAt({ line: 2, character: 0 }), 5);
  assert.equal(index.offsetAt({ line: 0, character: 5 }), 1, 'a character past the end of a line stays on it');
  assert.equal(index.positionAt(-3).line, 0);
  assert.deepEqual(index.positionAt(100), { line: 3, character: 1 });
});
