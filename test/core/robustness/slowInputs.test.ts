/**
 * Inputs that once took micromark tens of seconds, and a BOM that shifted every
 * span. Nothing is timed: what micromark is given is measured instead (its size
 * is its cost), and positions are checked against the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Processor } from 'unified';
import { parseContract, runChecks, type Problem } from '../../../server/src/core/index.js';
import { BLANK_RUN_LIMIT, micromarkInput, parseMarkdownStructure } from '../../../server/src/core/parse/markdown.js';

const BODY = '\n# 合同\n\n甲方地址：____，金额人民币480000元。\n';

function problems(text: string): Problem[] {
  return runChecks(parseContract(text), { locale: 'en' });
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

test('a million empty lines: micromark reads a few of them, and every position after them is exact', () => {
  const text = '\n'.repeat(1_000_000) + BODY;
  const { source } = micromarkInput(text);
  assert.ok(source.length < 100, `micromark was given ${source.length} characters`);
  const blank = problems(text).filter((p) => p.checkId === 'unfilled-blank');
  assert.deepEqual(
    blank.map((p) => p.span),
    [{ start: text.indexOf('____'), end: text.indexOf('____') + 4 }],
  );
  const heading = parseContract(text).blocks.find((b) => b.type === 'heading');
  assert.equal(heading?.span.start, text.indexOf('# 合同'));
});

test('a front matter that never closes is not exempt from the paragraph limit', () => {
  const text = `---\n${'k: v\n'.repeat(20_000)}{{x}}\n`;
  const { source } = micromarkInput(text);
  // The whole stretch is too long for micromark: it is handed over as blank lines.
  assert.equal(source.trim(), '');
  assert.ok(problems(text).some((p) => p.checkId === 'undefined-field' && text.slice(p.span.start, p.span.end).includes('x')));
  // A closed one is still front matter, however long.
  const closed = `---\nfields:\n${'  k: text\n'.repeat(12_000)}---\n# 合同\n`;
  assert.ok(micromarkInput(closed).source.includes('fields:'));
  assert.ok(parseContract(closed).frontMatter);
});

/** The checker's grammar, unguarded: the oracle the shortened parse must agree with. */
function plainTree(text: string) {
  const switchOff = function (this: Processor) {
    (this.data().micromarkExtensions ??= []).push({ disable: { null: ['codeIndented', 'attention'] } });
  };
  return remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(switchOff).parse(text);
}

function positions(tree: unknown): string[] {
  const out: string[] = [];
  const walk = (node: {
    type: string;
    position?: { start: { offset?: number; line: number }; end: { offset?: number; line: number } };
    children?: unknown[];
  }) => {
    const p = node.position;
    out.push(`${node.type} ${p?.start.line}:${p?.start.offset}-${p?.end.line}:${p?.end.offset}`);
    for (const child of node.children ?? []) walk(child as never);
  };
  walk(tree as never);
  return out;
}

test('long runs of blank lines change no structure and no position, in lists, quotes, tables and code', () => {
  const gap = (n: number, eol = '\n', pad = '') => `${pad}${eol}`.repeat(n);
  const cases = [
    `# 合同${gap(30)}一、定义\n\n甲方：____`,
    `- 第一项${gap(40)}- 第二项${gap(12)}  续行\n`,
    `1. a${gap(12, '\r\n')}2. b\r\n`,
    `> 引用${gap(25, '\n', '   ')}> 再引用\n`,
    `| a | b |\n|---|---|\n| 1 | 2 |${gap(50)}| 3 | 4 |\n`,
    `\`\`\`\ncode${gap(30)}more\n\`\`\`\n\n后文 ____\n`,
    `---\ntitle: x\n---${gap(20)}# 合同${gap(100, '\r')}段落`,
    `段落${gap(BLANK_RUN_LIMIT + 2)}`,
  ];
  for (const text of cases) {
    assert.ok(micromarkInput(text).cuts.length > 0, `nothing shortened in ${JSON.stringify(text.slice(0, 20))}`);
    const expected = positions(plainTree(text)).filter((p) => !p.startsWith('text'));
    const actual = positions(parseMarkdownStructure(text)).filter((p) => !p.startsWith('text'));
    assert.deepEqual(actual, expected, JSON.stringify(text.slice(0, 30)));
  }
});

test('a text starting with two BOMs: no span splits a surrogate pair, and spans index the text', () => {
  const text = '\uFEFF\uFEFF# 合同\n\n𠮷甲方地址：____，𠮷日期：2026年2月30日。\n';
  const found = problems(text);
  assert.ok(found.length > 0);
  for (const p of found) {
    assert.ok(!splitsSurrogatePair(text, p.span.start) && !splitsSurrogatePair(text, p.span.end), `${p.checkId} splits a surrogate pair`);
  }
  const blank = found.find((p) => p.checkId === 'unfilled-blank');
  assert.deepEqual(blank?.span, { start: text.indexOf('____'), end: text.indexOf('____') + 4 });
  for (const block of parseContract(text).blocks) {
    assert.ok(!splitsSurrogatePair(text, block.span.start) && !splitsSurrogatePair(text, block.span.end));
  }
  const heading = parseContract(text).blocks.find((b) => b.type === 'heading');
  assert.equal(heading?.span.start, text.indexOf('#'));
});
