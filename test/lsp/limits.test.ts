/**
 * A document over the input limit, sent by an editor: the server answers with
 * one document-limits problem at once, keeps serving the other contracts, and
 * names a large document in its log before working on it (so that even a crash
 * V8 cannot report says which contract caused it).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-protocol';
import { fixture, LspClient, positionOf } from './lspClient.js';

describe('the input limit in the server', () => {
  it('answers a 17-million-character document with one document-limits problem and keeps serving', async () => {
    const client = await LspClient.start();
    try {
      const uri = 'file:///tmp/clausemark-limits/huge.contract.md';
      // Many short lines: per-line work on this would be millions of entries.
      const text = '甲方：____\n'.repeat(2_200_000);
      assert.ok(text.length > 16 * 1024 * 1024);
      const started = Date.now();
      await client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
        [['document-limits', 0, 0]],
      );
      assert.match(diagnostics[0]!.message, /16,777,216/);
      assert.ok(Date.now() - started < 30_000, `answered in ${Date.now() - started} ms`);
      assert.match(client.stderrText, /\[clausemark\] checking file:\/\/\/tmp\/clausemark-limits\/huge\.contract\.md \(\d+ characters\)/);

      const lease = fixture('lease.contract.md');
      await client.open(lease.uri, lease.text);
      const at = positionOf(lease.text, '120,000');
      const hover = await client.request<Hover>('textDocument/hover', {
        textDocument: { uri: lease.uri },
        position: { line: at.line, character: at.character + 1 },
      });
      assert.match(JSON.stringify(hover.contents), /one hundred twenty thousand/);
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(symbols, []);
    } finally {
      await client.stop();
    }
  });
});
