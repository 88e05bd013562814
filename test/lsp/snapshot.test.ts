/**
 * Every offset the server sends is converted with the snapshot of its
 * version. A snapshot made from the previous one carries its line starts
 * through the edits between: after any edit, CRLF and lone CR included, it
 * must place every offset and read every position exactly as a document
 * created afresh from the same text does, or squiggles land on wrong lines.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Snapshot } from '../../server/src/lsp/snapshot.js';

const PIECES = ['第一条', 'a', ' ', '\n', '\r\n', '\r', '\n\n', '😀', '{{金额}}', '\t', '１２'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join(''));
const edit = fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.array(fc.constantFrom(...PIECES, ''), { maxLength: 3 }));

function sameAsFresh(snapshot: Snapshot, expected: string): void {
  const fresh = TextDocument.create(snapshot.uri, 'clausemark', snapshot.version, expected);
  assert.equal(snapshot.getText(), expected);
  assert.equal(snapshot.lineCount, fresh.lineCount);
  for (let offset = -1; offset <= expected.length + 1; offset++) assert.deepEqual(snapshot.positionAt(offset), fresh.positionAt(offset), `offset ${offset}`);
  for (let line = -1; line <= fresh.lineCount; line++)
    for (let character = -1; character <= 6; character++) {
      const position = { line, character };
      assert.equal(snapshot.offsetAt(position), fresh.offsetAt(position), `${line}:${character}`);
    }
  const range = { start: fresh.positionAt(1), end: fresh.positionAt(expected.length - 1) };
  assert.equal(snapshot.getText(range), fresh.getText(range));
  for (let line = -1; line <= fresh.lineCount; line++) {
    assert.deepEqual(snapshot.getLineRange(line), fresh.getLineRange(line), `line ${line}`);
    assert.equal(snapshot.getEOLCharacters(line), fresh.getEOLCharacters(line), `line ${line}`);
  }
}

describe('Snapshot', () => {
  it('places offsets and reads positions as a fresh document does, after any edits', () => {
    fc.assert(
      fc.property(text, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (source, versions) => {
        let live = TextDocument.create('file:///s.contract.md', 'clausemark', 1, source);
        let snapshot = Snapshot.of(live);
        snapshot.lineCount; // its line starts read, so the next one moves them
        let current = source;
        for (const edits of versions) {
          const changes = edits.map(([at, length, pieces]) => {
            const start = at % (current.length + 1);
            const change = { start, end: Math.min(current.length, start + length), text: pieces.join('') };
            current = current.slice(0, change.start) + change.text + current.slice(change.end);
            return change;
          });
          live = TextDocument.create(live.uri, 'clausemark', live.version + 1, current);
          snapshot = Snapshot.after(snapshot, changes, live);
          sameAsFresh(snapshot, current);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps its own text and lines when the next version is made from it', () => {
    const first = Snapshot.of(TextDocument.create('file:///s.contract.md', 'clausemark', 1, '一、甲方\r\n二、乙方\n'));
    assert.equal(first.lineCount, 3);
    const second = Snapshot.after(
      first,
      [{ start: 4, end: 4, text: '\n（一）' }],
      TextDocument.create('file:///s.contract.md', 'clausemark', 2, '一、甲方\n（一）\r\n二、乙方\n'),
    );
    assert.equal(second.lineCount, 4);
    assert.deepEqual(second.positionAt(8), { line: 1, character: 3 });
    // The version before still reads as it did.
    assert.equal(first.lineCount, 3);
    assert.deepEqual(first.positionAt(6), { line: 1, character: 0 });
  });
});
