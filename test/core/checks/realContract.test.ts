/**
 * A real contract, read at run time from the shared reference folder (never
 * copied into the project): a Chinese AI-training agreement whose gaps are
 * legacy blanks. What a drafter would notice: every gap is found once, nothing
 * else is flagged, and turning all blanks into placeholders leaves a contract
 * with typed, uniquely named fields and the rest of the text untouched.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, parseContract, runChecks } from '../../../server/src/core/index.js';
import { assertCleanEdits } from './editAssertions.js';

import { NEEDS_REFERENCE, REFERENCE_TEXT as text } from '../../support/reference.js';

test('every blank of the agreement is one gap, and nothing else is reported', { skip: NEEDS_REFERENCE }, () => {
  const problems = runChecks(parseContract(text));
  assert.deepEqual([...new Set(problems.map((p) => p.checkId))], ['unfilled-blank']);
  const lines = new LineIndex(text);
  // ____年__月__日 is one date gap, not three underscore runs.
  const signatureDates = problems.filter((p) => text.slice(p.span.start, p.span.end) === '____年__月__日');
  assert.equal(signatureDates.length, 2);
  assert.deepEqual(
    signatureDates.map((p) => p.data?.['expects']),
    ['date', 'date'],
  );
  // 首期支付_%, 二期支付_%, 尾款_%: three one-underscore percent gaps.
  const percentGaps = problems.filter((p) => p.data?.['expects'] === 'percent' && p.span.end - p.span.start === 1);
  assert.equal(percentGaps.length, 3);
  assert.equal(lines.positionAt(percentGaps[0]!.span.start).line, lines.positionAt(percentGaps[2]!.span.start).line);
  // 第_种: a one-underscore choice gap.
  assert.ok(problems.some((p) => p.data?.['expects'] === 'choice' && text.slice(p.span.start - 1, p.span.end + 1) === '第_种'));
  // The amount in figures is a money gap; its 大写 is a gap too.
  assert.ok(problems.some((p) => p.data?.['expects'] === 'money' && text.slice(p.span.start - 3, p.span.start) === '人民币'));
  assert.equal(problems.length, 31);
});

test('turning every blank into a placeholder declares each field once, typed, and changes nothing else', { skip: NEEDS_REFERENCE }, () => {
  const problems = runChecks(parseContract(text));
  const edits = problems.flatMap((p) => p.fixes.filter((f) => f.refactor).flatMap((f) => f.edits));
  assert.equal(edits.length, 31);
  const converted = assertCleanEdits(text, edits, 'blank to placeholder');
  const doc = parseContract(converted);
  assert.equal(doc.blanks.length, 0);
  assert.equal(doc.placeholders.length, 31);
  assert.equal(new Set(doc.placeholders.map((p) => p.name)).size, 31, 'names are unique');
  const after = runChecks(doc);
  assert.deepEqual([...new Set(after.map((p) => p.checkId))], ['unfilled-field'], 'only the gaps remain, as typed fields');
  const types = new Map([...doc.fields.values()].map((f) => [f.name, f.type]));
  assert.equal([...types.values()].filter((t) => t === 'percent').length, 7);
  assert.equal([...types.values()].filter((t) => t === 'date').length, 2);
  // The same in CRLF: every edit lands in the same place, line ends intact.
  const crlf = text.replace(/\r?\n/g, '\r\n');
  const crlfEdits = runChecks(parseContract(crlf)).flatMap((p) => p.fixes.filter((f) => f.refactor).flatMap((f) => f.edits));
  assert.equal(assertCleanEdits(crlf, crlfEdits, 'CRLF'), converted.replace(/\r?\n/g, '\r\n'));
});
