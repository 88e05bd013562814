/**
 * The same acceptance on an English agreement of our own with `[●]` blanks:
 * 31 gaps and nothing else; clean when filled; planted mistakes reported where
 * they stand. Positions are zero-based line and UTF-16 character (LSP).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionable, check, fillGaps, readJsonList, readProjectFile, withValues } from './agreement.js';

const agreement = readProjectFile('test/fixtures/english/ai-training-agreement.en.md');
const fill = readJsonList('test/fixtures/english/fill.json');
const filled = fillGaps(agreement, fill);

/** [line, character] of every `[●]`, in order. */
const GAPS: ReadonlyArray<readonly [number, number]> = [
  [4, 24],
  [6, 9],
  [8, 16],
  [10, 28],
  [12, 9],
  [14, 16],
  [20, 67],
  [20, 103],
  [22, 50],
  [22, 119],
  [22, 146],
  [22, 179],
  [22, 239],
  [22, 350],
  [30, 36],
  [30, 363],
  [34, 21],
  [34, 26],
  [34, 93],
  [34, 116],
  [34, 142],
  [34, 239],
  [34, 253],
  [34, 272],
  [48, 255],
  [52, 120],
  [52, 143],
  [60, 23],
  [62, 19],
  [64, 25],
  [66, 19],
];

test('the unmodified English agreement reports one warning per [●] and nothing else', () => {
  const reported = check(agreement);
  assert.equal(GAPS.length, 31);
  assert.equal(agreement.split('[●]').length - 1, 31);
  assert.deepEqual(
    reported.map((r) => [r.id, r.severity, r.line, r.character, r.text]),
    GAPS.map(([line, character]) => ['unfilled-blank', 'warning', line, character, '[●]']),
  );
});

test('filled in with fill.json, the English agreement reports nothing at all', () => {
  assert.equal(fill.length, 31);
  assert.deepEqual(
    check(filled).map((r) => `${r.line}:${r.character} ${r.id} ${r.text}`),
    [],
  );
  assert.ok(filled.includes('USD 120,000 (one hundred twenty thousand US dollars)'));
  assert.ok(filled.includes('(a) 30% upon signing; (b) 40% upon acceptance; (c) 30% within fifteen days after deployment'));
});

// Indices into fill.json: 9 accuracy, 14 option, 17 amount in words, 20 instalment (c), 28 Client's signature date.
const PLANTED = [
  { name: 'instalments of 30/40/20', changes: { 20: '20' }, expected: ['percent-sum', 34, 168, '20%'] },
  {
    name: 'words that disagree with the figure',
    changes: { 17: 'one hundred twelve thousand' },
    expected: ['amount-words', 34, 30, 'one hundred twelve thousand US dollars'],
  },
  { name: 'February 30, 2026 as a signature date', changes: { 28: 'February 30, 2026' }, expected: ['invalid-date', 62, 19, 'February 30, 2026'] },
  { name: 'an accuracy of at least 130%', changes: { 9: '130' }, expected: ['percent-range', 22, 172, '130'] },
  { name: 'Option 4 when three options are offered', changes: { 14: '4' }, expected: ['choice-option', 30, 36, '4'] },
] as const;

for (const planted of PLANTED) {
  test(`English planted mistake, ${planted.name}: reported where it stands, and nothing else`, () => {
    const text = fillGaps(agreement, withValues(fill, planted.changes));
    const reported = actionable(check(text)).map((r) => [r.id, r.line, r.character, r.text]);
    assert.deepEqual(reported, [[...planted.expected]]);
  });
}

test('all five English mistakes at once are reported each where it stands', () => {
  const changes = Object.assign({}, ...PLANTED.map((p) => p.changes)) as Record<number, string>;
  const text = fillGaps(agreement, withValues(fill, changes));
  const reported = actionable(check(text)).map((r) => [r.id, r.line, r.character, r.text]);
  // "twelve" and "twenty" are the same length, so every mistake stands where it does alone.
  const expected = PLANTED.map((p) => [...p.expected]).sort((a, b) => (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number));
  assert.deepEqual(reported, expected);
});

test('an English agreement gets its messages in English', () => {
  const text = fillGaps(agreement, withValues(fill, { 28: 'February 30, 2026' }));
  const message = check(text).find((r) => r.id === 'invalid-date')!.problem.message;
  assert.match(message, /February 30, 2026/);
  assert.doesNotMatch(message, /[\u4e00-\u9fff]/);
});
