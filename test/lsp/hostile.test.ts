/**
 * Hostile documents over LSP: every one gets an answer within the wait limit
 * (or a clear document-limits problem), the server stays alive for the next
 * request, and a `data:` aimed at a device or a file outside the workspace
 * reads nothing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-protocol';
import { fixture, LspClient, positionOf } from './lspClient.js';
import { HOSTILE_DATA, hostileTexts } from '../fuzz/hostile.js';
import { FUZZ } from '../fuzz/random.js';

describe('hostile documents over LSP', () => {
  const cases = hostileTexts(FUZZ.long);
  if (FUZZ.long) cases.push({ name: 'over 2^27 characters', text: '甲'.repeat(2 ** 27 + 1) });
  for (const [i, { name, text, knownSlow }] of cases.entries()) {
    it(`answers ${name} and keeps serving`, { todo: knownSlow }, async () => {
      const client = await LspClient.start();
      const lease = fixture('lease.contract.md');
      try {
        await client.open(lease.uri, lease.text);
        const uri = `file:///tmp/clausemark-hostile/case${i}.contract.md`;
        await client.open(uri, text);
        await client.diagnosticsFor(uri, 1);
        for (const method of [
          'textDocument/documentSymbol',
          'textDocument/foldingRange',
          'textDocument/semanticTokens/full',
          'clausemark/preview',
          'clausemark/gaps',
        ]) {
          await client.request(method, { textDocument: { uri } });
        }
        await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
        const at = positionOf(lease.text, '120,000');
        const hover = await client.request<Hover>('textDocument/hover', {
          textDocument: { uri: lease.uri },
          position: { line: at.line, character: at.character + 1 },
        });
        assert.match(JSON.stringify(hover.contents), /one hundred twenty thousand/);
      } finally {
        const code = await client.stop();
        assert.equal(code, 0, client.stderrText.slice(-2000));
      }
    });
  }

  it('a data: aimed at devices, /proc or outside the workspace reads nothing and answers at once', async () => {
    const client = await LspClient.start();
    try {
      for (const [i, data] of HOSTILE_DATA.entries()) {
        const uri = `${fixture('lease.contract.md').uri.replace('lease.contract.md', `hostile-data${i}.contract.md`)}`;
        const text = `---\nlocale: en\ndata: ${JSON.stringify(data)}\nfields:\n  x: text\n---\n# Deal\n\n{{x}}\n`;
        await client.open(uri, text);
        const diagnostics = await client.diagnosticsFor(uri, 1);
        const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'x}}') });
        assert.doesNotMatch(JSON.stringify(hover?.contents ?? ''), /root:|PATH=|\\u0000/, data);
        assert.ok(
          diagnostics.some((d) => /data file/.test(d.message)) || data === '',
          `${JSON.stringify(data)}: ${diagnostics.map((d) => d.message).join(' | ')}`,
        );
      }
    } finally {
      await client.stop();
    }
  });
});
