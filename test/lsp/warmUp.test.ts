/**
 * After its first answer the server rehearses a drafter's edits on contracts
 * of its own clause library, so the first real keystrokes do not pay for a
 * cold start. The rehearsal must be invisible: nothing published or logged
 * for it, no state left behind that changes a real contract's diagnostics,
 * and steps small enough that a real request never waits behind a whole parse.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolve } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { analyzeContract, parseContract, reparseWithChanges } from '../../server/src/core/index.js';
import { originOf } from '../../server/src/core/parse/blockOrigin.js';
import { ClauseLibrary } from '../../server/src/node/clauseLibrary.js';
import { warmUpSteps, warmUpTexts } from '../../server/src/lsp/warmUp.js';
import { ROOT, fixture, withServer } from './lspClient.js';

const texts = warmUpTexts(
  new ClauseLibrary(
    () => {},
    resolve(ROOT, 'clauses'),
    () => [],
  ).templates(),
);

describe('warming up', () => {
  it('rehearses every kind of edit on texts of both languages, each pair of steps restoring the text', () => {
    assert.ok(texts.some((t) => /[\u4e00-\u9fff]/.test(t)) && texts.some((t) => /\bshall\b/.test(t)));
    for (const text of texts) {
      const steps = warmUpSteps(text);
      assert.deepEqual(steps[0], { open: text });
      const changes = steps.slice(1).map((s) => ('change' in s ? s.change : assert.fail('one opening per text')));
      // Typing, a line break, a paragraph cut and pasted back, and (where the text has one) a digit of a percentage.
      assert.ok(changes.some((c) => c.text === '约' || c.text === 'a'));
      assert.ok(changes.some((c) => c.text === '\n'));
      assert.ok(changes.some((c) => c.text.length > 8));
      // And, in a text that declares a numeric field, a value given to it in the front matter: the commonest edit.
      if (/\{ type: (?:percent|number|money)/.test(text)) assert.ok(changes.some((c) => c.text === ', value: 1' && c.start < text.indexOf('\n---', 3)));
      let current = text;
      for (const change of changes) current = current.slice(0, change.start) + change.text + current.slice(change.end);
      assert.equal(current, text);
    }
  });

  it('edits only where the reparse stays local, so no step is a whole parse but the openings', () => {
    for (const text of texts) {
      let doc = parseContract(text);
      let current = text;
      for (const step of warmUpSteps(text).slice(1)) {
        if (!('change' in step)) continue;
        const { start, end, text: inserted } = step.change;
        const next = reparseWithChanges(doc, [step.change]);
        current = current.slice(0, start) + inserted + current.slice(end);
        // A local reparse keeps the first block, well before every edit, as the very same object; an edit in the
        // front matter only moves it, so the block it is a copy of is the one first read.
        assert.equal(originOf(next.blocks[0]!).model, originOf(doc.blocks[0]!).model, `a whole parse at ${start} in a text of ${text.length}`);
        doc = next;
      }
      assert.equal(doc.text, current);
    }
  });

  describe('in the server', () => {
    const contract = fixture('service.contract.md');
    const client = withServer({ open: [contract] });

    it('publishes and logs nothing of its own, and leaves the diagnostics of a real contract as a fresh analysis gives them', async () => {
      // The rehearsal starts 400 ms after the first answer, once nothing has been asked for a second, and runs for about a second.
      await client.expectNoNotification('textDocument/publishDiagnostics', (params) => (params as PublishDiagnosticsParams).uri !== contract.uri, 4000);
      const logged = client.notifications.filter((n) => n.method === 'window/logMessage' || n.method === 'window/showMessage');
      assert.deepEqual(
        logged.filter((n) => /warm/i.test(JSON.stringify(n.params))),
        [],
      );
      const at = contract.text.indexOf('\n\n') + 2;
      const since = client.notifications.length;
      const version = await client.change(contract.uri, [
        { range: { start: positionAt(contract.text, at), end: positionAt(contract.text, at) }, text: '30%\n\n' },
      ]);
      const diagnostics = await client.diagnosticsFor(contract.uri, version, since);
      const edited = contract.text.slice(0, at) + '30%\n\n' + contract.text.slice(at);
      assert.equal(diagnostics.length, analyzeContract(edited, {}).problems.length);
    });
  });
});

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}
