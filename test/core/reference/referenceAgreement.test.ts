/**
 * Acceptance on a real contract: the reference AI-training agreement, read at
 * run time from outside the project. Unmodified it has 31 gaps and nothing
 * else; filled with our own deal it is clean; with planted mistakes each one is
 * reported where it stands. Positions are zero-based line and UTF-16
 * character, as LSP counts (add one to find the line in an editor).
 */
import { test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/core/index.js';
import { actionable, check, fillGaps, readJsonList, withValues } from './agreement.js';

import { NEEDS_REFERENCE, REFERENCE_AVAILABLE, REFERENCE_TEXT as reference } from '../../support/reference.js';

/** Every test here reads the agreement: each skips with the same reason when it is absent. */
const test = (name: string, fn: () => void | Promise<void>) => nodeTest(name, { skip: NEEDS_REFERENCE }, fn);
const fill = readJsonList('test/fixtures/reference/fill.json');
const filled = REFERENCE_AVAILABLE ? fillGaps(reference, fill) : '';

const B20 = '_'.repeat(20);
const B9 = '_'.repeat(9);
const DATE = '____年__月__日';
/** [line, character, gap text] of every gap, in order. */
const GAPS: ReadonlyArray<readonly [number, number, string]> = [
  [6, 14, B20],
  [8, 3, B20],
  [10, 4, B20],
  [12, 16, B20],
  [14, 3, B20],
  [16, 4, B20],
  [28, 22, B9],
  [28, 38, B9],
  [32, 5, B9],
  [32, 27, '____'],
  [32, 37, '____'],
  [32, 47, '____'],
  [32, 66, B9],
  [32, 90, '________'],
  [46, 7, '_'],
  [46, 72, '_'.repeat(18)],
  [50, 7, B9],
  [50, 21, B20],
  [50, 55, '_'],
  [50, 77, '_'],
  [50, 93, '_'],
  [50, 114, '_'.repeat(17)],
  [50, 136, B9],
  [50, 148, B9],
  [68, 60, '____'],
  [72, 20, B9],
  [72, 39, B9],
  [80, 6, B20],
  [82, 6, DATE],
  [84, 6, B20],
  [86, 6, DATE],
];

test('the unmodified agreement reports its 31 gaps, each on its own line and position, and nothing else', () => {
  const reported = check(reference);
  assert.equal(GAPS.length, 31);
  assert.deepEqual(
    reported.map((r) => [r.line, r.character, r.text]),
    GAPS.map((g) => [...g]),
  );
  for (const r of reported) {
    assert.equal(r.id, 'unfilled-blank', `${r.line}:${r.character} ${r.id}`);
    assert.equal(r.severity, 'warning');
  }
});

test('the two signature dates are one date gap each, and the percent blanks expect percentages', () => {
  const reported = check(reference);
  const kinds = reported.map((r) => r.problem.data?.['kind']);
  assert.equal(kinds.filter((k) => k === 'date').length, 2);
  const percentGaps = reported.filter((r) => r.problem.data?.['expects'] === 'percent').map((r) => [r.line, r.character]);
  // 准确率/召回率/F1值 ≥____%, the three instalments _%, the penalty ____%.
  assert.deepEqual(percentGaps, [
    [32, 27],
    [32, 37],
    [32, 47],
    [50, 55],
    [50, 77],
    [50, 93],
    [68, 60],
  ]);
});

test('filled in with fill.json, the agreement reports nothing at all, not even a note', () => {
  assert.equal(fill.length, 31);
  assert.deepEqual(
    check(filled).map((r) => `${r.line}:${r.character} ${r.id} ${r.text}`),
    [],
  );
  // The filled text is read as intended, not merely left alone.
  assert.ok(filled.includes('人民币500000元(大写:伍拾万元整)'));
  assert.ok(filled.includes('首期支付30%') && filled.includes('二期支付40%') && filled.includes('尾款30%'));
});

interface Planted {
  readonly name: string;
  readonly changes: Readonly<Record<number, string>>;
  readonly expected: readonly [id: string, line: number, character: number, text: string];
}

// Indices into fill.json: 9 准确率, 14 第_种, 17 大写, 20 尾款, 28 甲方签署日期.
const PLANTED: readonly Planted[] = [
  { name: 'instalments of 30/40/20', changes: { 20: '20' }, expected: ['percent-sum', 50, 77, '20%'] },
  { name: '大写 that disagrees with the figure', changes: { 17: '肆拾万元整' }, expected: ['amount-words', 50, 18, '肆拾万元整'] },
  { name: '2026年2月30日 as a signature date', changes: { 28: '2026年2月30日' }, expected: ['invalid-date', 82, 6, '2026年2月30日'] },
  { name: 'an accuracy of at least 120%', changes: { 9: '120' }, expected: ['percent-range', 32, 26, '120'] },
  { name: '第4种 when three options are offered', changes: { 14: '4' }, expected: ['choice-option', 46, 7, '4'] },
];

for (const planted of PLANTED) {
  test(`planted mistake, ${planted.name}: reported where it stands, and nothing else`, () => {
    const text = fillGaps(reference, withValues(fill, planted.changes));
    const reported = actionable(check(text)).map((r) => [r.id, r.line, r.character, r.text]);
    assert.deepEqual(reported, [[...planted.expected]]);
    assert.equal(check(text).find((r) => r.id === planted.expected[0])!.severity, 'error');
  });
}

test('all five planted mistakes at once are reported each where it stands', () => {
  const changes = Object.assign({}, ...PLANTED.map((p) => p.changes)) as Record<number, string>;
  const text = fillGaps(reference, withValues(fill, changes));
  const reported = actionable(check(text)).map((r) => [r.id, r.line, r.character, r.text]);
  const expected = PLANTED.map((p) => [...p.expected]).sort((a, b) => (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number));
  assert.deepEqual(reported, expected);
});

test('the amount-words fix rewrites the planted 大写 from the figure, leaving the rest byte-identical', () => {
  const text = fillGaps(reference, withValues(fill, { 17: '肆拾万元整' }));
  const problem = check(text).find((r) => r.id === 'amount-words')!.problem;
  const fix = problem.fixes[0]!;
  assert.equal(applyEdits(text, fix.edits), filled);
});
