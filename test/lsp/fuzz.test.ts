/**
 * Random edits and random requests over LSP, with a seed: no request fails,
 * the server never dies, and after every session the edited document reports
 * exactly what the same text reports when opened fresh (incremental reparses
 * and caches never drift). `npm test` runs a short session; `npm run fuzz`
 * a long one (docs/security.md).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LSPErrorCodes, type Diagnostic, type Position } from 'vscode-languageserver-protocol';
import { fixture, LspClient } from './lspClient.js';
import { FUZZ, PIECES, Random } from '../fuzz/random.js';

const REQUESTS: ReadonlyArray<(uri: string, at: Position) => [string, unknown]> = [
  (uri, at) => ['textDocument/hover', { textDocument: { uri }, position: at }],
  (uri, at) => ['textDocument/completion', { textDocument: { uri }, position: at }],
  (uri, at) => ['textDocument/definition', { textDocument: { uri }, position: at }],
  (uri, at) => ['textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: true } }],
  (uri, at) => ['textDocument/prepareRename', { textDocument: { uri }, position: at }],
  (uri) => ['textDocument/documentSymbol', { textDocument: { uri } }],
  (uri) => ['textDocument/foldingRange', { textDocument: { uri } }],
  (uri) => ['textDocument/semanticTokens/full', { textDocument: { uri } }],
  (uri) => ['textDocument/codeLens', { textDocument: { uri } }],
  (uri) => ['textDocument/documentLink', { textDocument: { uri } }],
  (uri, at) => ['textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: at } }],
  (uri, at) => ['textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } }],
  (uri) => ['clausemark/gaps', { textDocument: { uri } }],
  (uri) => ['clausemark/preview', { textDocument: { uri } }],
];

const comparable = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message]);

describe(`random edits and requests over LSP (seed ${FUZZ.seed}, ${FUZZ.sessions}×${FUZZ.steps})`, () => {
  for (let session = 0; session < FUZZ.sessions; session++) {
    const seed = FUZZ.seed + session;
    it(`session ${session} (seed ${seed}): no failed request, and the edited document equals a fresh open`, async () => {
      const random = new Random(seed);
      const start = fixture(random.pick(['lease.contract.md', 'service.contract.md']));
      const client = await LspClient.start();
      try {
        const uri = start.uri.replace('.contract.md', `.fuzz${session}.contract.md`);
        await client.open(uri, start.text);
        const pending: Array<Promise<unknown>> = [];
        for (let step = 0; step < FUZZ.steps; step++) {
          const text = client.document(uri).getText();
          const from = random.int(text.length + 1);
          const to = Math.min(text.length, from + (random.next() < 0.3 ? random.int(40) : 0));
          const insert = random.next() < 0.8 ? random.pick(PIECES) : '';
          const document = client.document(uri);
          await client.change(uri, [{ range: { start: document.positionAt(from), end: document.positionAt(to) }, text: insert }]);
          const [method, params] = random.pick(REQUESTS)(uri, client.document(uri).positionAt(random.int(client.document(uri).getText().length + 1)));
          pending.push(
            client.request(method, params).catch((error: { code?: number; message?: string }) => {
              // The only acceptable refusal: the document moved on while the request was answered.
              if (error.code !== LSPErrorCodes.ContentModified && error.code !== LSPErrorCodes.ServerCancelled)
                throw new Error(`${method} failed (seed ${seed}, step ${step}): ${error.message}`);
            }),
          );
        }
        await Promise.all(pending);
        const final = client.document(uri);
        const edited = await client.diagnosticsFor(uri, final.version);
        const freshUri = uri.replace('.contract.md', '.fresh.contract.md');
        await client.open(freshUri, final.getText());
        const fresh = await client.diagnosticsFor(freshUri, 1);
        assert.deepEqual(comparable(edited), comparable(fresh), `seed ${seed}: the edited document drifted from a fresh parse of the same text`);
        const symbols = await Promise.all([uri, freshUri].map((u) => client.request('textDocument/documentSymbol', { textDocument: { uri: u } })));
        assert.deepEqual(symbols[0], symbols[1]);
        const tokens = await Promise.all(
          [uri, freshUri].map((u) => client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: u } })),
        );
        assert.deepEqual(tokens[0]!.data, tokens[1]!.data);
        assert.deepEqual(client.protocolErrors, []);
      } finally {
        const code = await client.stop();
        assert.equal(code, 0, `the server exited with ${code}: ${client.stderrText.slice(-2000)}`);
      }
    });
  }
});
