/** What every proposed edit must respect, whatever check proposed it. */
import assert from 'node:assert/strict';
import { applyEdits, dominantEol, type TextEdit } from '../../../server/src/core/index.js';

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Whether `offset` falls inside a surrogate pair or a `\r\n`, where no edit may start or end. */
export function splitsUnit(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  if (isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset))) return true;
  return text[offset - 1] === '\r' && text[offset] === '\n';
}

/**
 * Applies `edits` and asserts that the result differs from `text` only inside
 * the edited spans: every stretch between them is byte-identical and in place.
 * Also that no edit splits a character or a line break, that a CRLF file gets
 * no lone line feed, and that a BOM survives.
 */
export function assertCleanEdits(text: string, edits: readonly TextEdit[], context: string): string {
  for (const edit of edits) {
    const { start, end } = edit.span;
    assert.ok(
      Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length,
      `${context}: edit ${start}-${end} outside the text`,
    );
    assert.ok(!splitsUnit(text, start) && !splitsUnit(text, end), `${context}: edit ${start}-${end} splits a character or a line break`);
    if (dominantEol(text) === '\r\n') assert.doesNotMatch(edit.newText, /(?<!\r)\n|\r(?!\n)/, `${context}: a lone line break in a CRLF file`);
  }
  const result = applyEdits(text, edits);
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  let from = 0;
  let at = 0;
  for (const edit of sorted) {
    const kept = text.slice(from, edit.span.start);
    assert.equal(result.slice(at, at + kept.length), kept, `${context}: text before offset ${edit.span.start} changed`);
    at += kept.length;
    assert.equal(result.slice(at, at + edit.newText.length), edit.newText, `${context}: edit at ${edit.span.start} not applied as given`);
    at += edit.newText.length;
    from = edit.span.end;
  }
  assert.equal(result.slice(at), text.slice(from), `${context}: text after the last edit changed`);
  if (text.startsWith('\uFEFF')) assert.ok(result.startsWith('\uFEFF'), `${context}: the BOM was lost`);
  return result;
}
