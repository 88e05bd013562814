/**
 * The cursor that converts offsets met in document order (semantic tokens,
 * outline starts, diagnostics) must give exactly what `positionAt` gives, on
 * every kind of line break and on UTF-16 surrogate pairs, whatever order the
 * offsets come in: a wrong line or column would misplace every colour,
 * symbol and squiggle after it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PositionCursor } from '../../server/src/lsp/convert.js';
import { Random } from '../fuzz/random.js';

const PIECES = ['第一条', 'a', ' ', '\n', '\r\n', '\r', '\n\n', '😀', '{{金额}}', '|', '\t', '１２'];

describe('PositionCursor', () => {
  it('agrees with positionAt for offsets in order, out of order, far apart and out of range', () => {
    const random = new Random(20261130);
    for (let round = 0; round < 300; round++) {
      let text = '';
      const pieces = random.int(200);
      for (let i = 0; i < pieces; i++) text += random.pick(PIECES);
      const document = TextDocument.create('file:///cursor.contract.md', 'clausemark', 1, text);
      const cursor = new PositionCursor(document);
      let offset = 0;
      for (let i = 0; i < 100; i++) {
        // Mostly small steps forward, as tokens come; sometimes a jump back, far ahead, or past either end.
        const move = random.int(10);
        offset =
          move < 6 ? offset + random.int(4) : move < 8 ? random.int(text.length + 1) : move === 8 ? offset + random.int(text.length + 1) : -1 - random.int(3);
        assert.deepEqual(cursor.at(offset), document.positionAt(offset), `offset ${offset} of ${JSON.stringify(text)}`);
      }
    }
  });

  it('places an offset between CR and LF before them, as positionAt does', () => {
    const text = 'ab\r\ncd';
    const document = TextDocument.create('file:///crlf.contract.md', 'clausemark', 1, text);
    const cursor = new PositionCursor(document);
    assert.deepEqual(cursor.at(3), { line: 0, character: 2 });
    assert.deepEqual(cursor.at(4), { line: 1, character: 0 });
  });
});
