/**
 * Bad input gets a clear diagnostic or none, never a throw: broken YAML, a
 * 10 MB line, binary data, absurd nesting, a huge table, unclosed `{{`.
 * Nothing here is timed; inputs that used to hang or crash are named.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MARKDOWN_LIMIT, checkCrashed, parseContract, runChecks, type Check, type Problem } from '../../../server/src/core/index.js';
import { MAX_PROBLEMS_PER_CHECK } from '../../../server/src/core/checks/runChecks.js';

function check(text: string, locale?: 'en' | 'zh-CN'): Problem[] {
  const problems = runChecks(parseContract(text, { locale }));
  for (const p of problems) {
    assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length, `${p.checkId} span outside the text`);
    assert.ok(!checkCrashed(p), `a check threw: ${p.message}`);
  }
  return problems;
}

const ids = (problems: readonly Problem[]) => problems.map((p) => p.checkId);
const of = (problems: readonly Problem[], id: string) => problems.filter((p) => p.checkId === id);

const BODY = '\n# 合同\n\n本合同于2026年2月30日签订，乙方地址：____。\n';

test('broken YAML is reported where it breaks, and the body is still checked', () => {
  const broken: Record<string, string> = {
    'unclosed flow map': '---\nfields:\n  总费用: { type: money, value: 500000\n  首期: percent\n---',
    'tab indentation': '---\nfields:\n\t总费用: money\n---',
    'unclosed quote': '---\ntitle: "技术服务合同\nlocale: zh-CN\n---',
    'a colon inside a value': '---\ntitle: 合同: 第二版: 修订\n---',
    'a list, not a mapping': '---\n- 甲方\n- 乙方\n---',
    'fields as a list': '---\nfields:\n  - 总费用\n---',
  };
  for (const [name, front] of Object.entries(broken)) {
    const text = front + BODY;
    const problems = check(text);
    const reported = of(problems, 'front-matter');
    assert.ok(reported.length > 0, `${name}: no front-matter problem`);
    for (const p of reported) {
      assert.ok(p.span.end <= front.length, `${name}: the problem points outside the front matter`);
      assert.match(p.message, /\p{Script=Han}/u, `${name}: message not in Chinese: ${p.message}`);
    }
    assert.ok(ids(problems).includes('invalid-date'), `${name}: the body was not checked`);
    assert.ok(ids(problems).includes('unfilled-blank'), `${name}: the body was not checked`);
  }
});

test('YAML that expands without end (an alias bomb) is read without blowing up', () => {
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  const text = `---\n${levels.join('\n')}\nfields: *i\n---${BODY}`;
  const problems = check(text);
  assert.ok(ids(problems).includes('invalid-date'));
});

test('front matter that never closes is body text, not a crash', () => {
  const problems = check('---\ntitle: 合同\nfields:\n  总费用: money\n\n总费用为{{总费用}}元。\n');
  assert.ok(ids(problems).includes('undefined-field'));
  assert.deepEqual(check('---'), []);
  assert.deepEqual(check('---\n---'), []);
  assert.deepEqual(check(''), []);
});

test(`a 10 MB single line: structure is skipped with a note, the scanners still find problems`, () => {
  const filler = 'x'.repeat(10_000_000);
  const text = `${filler} 地址：____ 签订日期：2026年2月30日`;
  assert.ok(text.length > MARKDOWN_LIMIT);
  const problems = check(text, 'en');
  const note = of(problems, 'document-limits');
  assert.equal(note.length, 1);
  assert.match(note[0]!.message, /over 2000000 characters/);
  const blank = of(problems, 'unfilled-blank');
  assert.equal(blank.length, 1);
  assert.deepEqual(blank[0]!.span, { start: filler.length + 4, end: filler.length + 8 });
  assert.equal(of(problems, 'invalid-date').length, 1);
  assert.match(of(check(text, 'zh-CN'), 'document-limits')[0]!.message, /超过 2000000 个字符/);
});

test('a 10 MB line of underscores (its thematic-break test overflowed the stack)', () => {
  const problems = check('_'.repeat(10_000_000));
  assert.deepEqual(ids(problems), ['document-limits']);
  assert.deepEqual(ids(check(`地址：${'_'.repeat(1_000_000)}`)), ['unfilled-blank']);
});

test('binary data: NUL bytes get one note; random bytes read as UTF-8 never throw', () => {
  const nul = check('合同\u0000\u0001\u0002PK\u0003\u0004____');
  assert.deepEqual(ids(nul), ['document-limits']);
  assert.match(nul[0]!.message, /二进制/);

  let seed = 20260301;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let round = 0; round < 20; round++) {
    const bytes = Buffer.from(Array.from({ length: 20_000 }, () => Math.floor(random() * 256)));
    const text = bytes.toString('utf8');
    const problems = check(text);
    if (text.includes('\u0000')) assert.deepEqual(ids(problems), ['document-limits']);
    const withoutNul = text.replace(/\u0000/g, ' ');
    check(withoutNul);
  }
  // Lone surrogates are not text, but they are strings; nothing may split or choke on them.
  check('\uD800地址：____\uDC00 {{\uD83D}} 首期支付30%\uDE00，尾款60%。');
});

test('block quotes and lists nested beyond reason are not parsed as Markdown, and say so', () => {
  for (const text of [
    `${'>'.repeat(100_000)} 一、定义 ____`,
    Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i * 2)}- 第${i + 1}项 ____`).join('\n'),
    `${'- '.repeat(50_000)}x`,
    `${'1. '.repeat(20_000)}x`,
  ]) {
    const problems = check(text, 'en');
    const note = of(problems, 'document-limits');
    assert.equal(note.length, 1, 'one note');
    assert.match(note[0]!.message, /more than 64 levels deep/);
  }
  // Deep but sane nesting is parsed as usual: the clause inside is found and checked.
  const sixty = `${'>'.repeat(60)} 一、定义\n${'>'.repeat(60)} 三、费用`;
  const problems = check(sixty);
  assert.deepEqual(ids(problems), ['clause-numbering']);
  assert.equal(parseContract(sixty).clauses.length, 2);
});

test('a huge table: every row is read, and no check lists more than its limit', () => {
  const rows = Array.from({ length: 3_000 }, (_, i) => `| 第${i + 1}批 | 首期 ${i % 100}% | 联系人：____ |`);
  const text = `| 批次 | 比例 | 联系 |\n|---|---|---|\n${rows.join('\n')}\n`;
  const problems = check(text, 'en');
  const blanks = of(problems, 'unfilled-blank');
  assert.equal(blanks.length, MAX_PROBLEMS_PER_CHECK + 1);
  const note = blanks[blanks.length - 1]!;
  assert.equal(note.severity, 'info');
  assert.equal(note.message, `2000 more problems of unfilled-blank are not listed (at most ${MAX_PROBLEMS_PER_CHECK} per check).`);
  assert.equal(parseContract(text).blanks.length, 3_000);
});

test('unclosed {{: each is reported where it opens, up to the limit', () => {
  const one = check('总费用为{{总费用元。\n下一行{{正常}}', 'en');
  const unclosed = of(one, 'placeholder-syntax');
  assert.equal(unclosed.length, 1);
  assert.deepEqual(unclosed[0]!.span, { start: 4, end: 6 });
  // Without front matter the next line's {{正常}} is another tool's slot: a gap, still read.
  assert.ok(ids(one).includes('unfilled-blank'), 'the next line is still read');

  assert.deepEqual(ids(check('{{')), ['placeholder-syntax']);
  assert.deepEqual(ids(check('a {{{{}}}}')), ['placeholder-syntax', 'placeholder-syntax']);

  const flood = check('{{'.repeat(100_000), 'zh-CN');
  const reported = of(flood, 'placeholder-syntax');
  assert.equal(reported.length, MAX_PROBLEMS_PER_CHECK + 1);
  assert.equal(reported[reported.length - 1]!.message, `placeholder-syntax 还有 99000 个问题未列出（每项检查最多列出 ${MAX_PROBLEMS_PER_CHECK} 个）。`);
});

test('a check that throws is reported; the other checks still run', () => {
  const broken: Check = {
    id: 'broken-check',
    defaultSeverity: 'warning',
    messages: { en: { summary: 'x' }, 'zh-CN': { summary: 'x' } },
    run() {
      throw new Error('boom');
    },
  };
  const quiet: Check = {
    id: 'quiet-check',
    defaultSeverity: 'warning',
    messages: { en: { summary: 's', found: 'found' }, 'zh-CN': { summary: 's', found: '发现' } },
    run({ report }) {
      report({ span: { start: 0, end: 1 }, key: 'found' });
    },
  };
  const problems = runChecks(parseContract('合同'), {}, [broken, quiet]);
  assert.deepEqual(ids(problems), ['broken-check', 'quiet-check']);
  assert.match(problems[0]!.message, /检查 broken-check 在此文档上出错（boom）/);
  assert.equal(problems[1]!.message, '发现');
  // Tests tell a crash by this mark, not by the wording of its message.
  assert.deepEqual(problems.map(checkCrashed), [true, false]);
});
