import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { before, describe, it } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, ResponseError } from 'vscode-jsonrpc/node.js';
import type { DocumentDiagnosticReport, Hover, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fixture, LspClient, positionOf, PULL_CAPABILITIES, SERVER, withServer } from './lspClient.js';

async function errorOf(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error;
  }
  assert.fail('expected an error response');
}

describe('bad requests and documents that are not contracts', () => {
  const { uri, text } = fixture('lease.contract.md');
  const client = withServer({ open: [{ uri, text }] });
  const rentAt = () => {
    const p = positionOf(text, '120,000');
    return { line: p.line, character: p.character + 1 };
  };
  const stillServing = async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: rentAt() });
    assert.match(JSON.stringify(hover.contents), /one hundred twenty thousand/);
  };

  before(async () => {
    await client.diagnosticsFor(uri, 1);
  });

  it('answers malformed params with InvalidParams and keeps serving', async () => {
    assert.equal((await errorOf(client.request('textDocument/hover', { textDocument: { uri } }))).code, -32602);
    assert.equal((await errorOf(client.request('textDocument/hover', { position: { line: 0, character: 0 } }))).code, -32602);
    assert.equal((await errorOf(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 'x', character: -1 } }))).code, -32602);
    assert.equal(
      (
        await errorOf(
          client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }),
        )
      ).code,
      -32602,
    );
    assert.equal((await errorOf(client.request('textDocument/inlayHint', { textDocument: { uri } }))).code, -32602);
    assert.equal((await errorOf(client.request('clausemark/gaps', null))).code, -32602);
    assert.equal((await errorOf(client.request('clausemark/no-such-request', {}))).code, -32601);
    await stillServing();
  });

  it('answers positions past the end of the document without failing', async () => {
    const far = { line: 10_000, character: 10_000 };
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: far }), null);
    // Clamped to the end: the empty last line, where clause templates are offered.
    const items = (await client.request<{ items: Array<{ kind: number }> }>('textDocument/completion', { textDocument: { uri }, position: far })).items;
    assert.equal(items.length, 12);
    assert.ok(
      items.every((i) => i.kind === 9),
      'clause templates (Module: see clauseCompletion.ts)',
    );
    await stillServing();
  });

  it('gives empty results for a document it was never sent', async () => {
    const unknown = { textDocument: { uri: 'file:///never/opened.contract.md' } };
    const position = { line: 0, character: 0 };
    assert.equal(await client.request('textDocument/hover', { ...unknown, position }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', unknown), []);
    assert.deepEqual(await client.request('textDocument/semanticTokens/full', unknown), { data: [] });
    assert.deepEqual(await client.request('textDocument/references', { ...unknown, position, context: { includeDeclaration: true } }), []);
    assert.equal(await client.request('textDocument/definition', { ...unknown, position }), null);
    await stillServing();
  });

  it('leaves documents of another language alone: no diagnostics, empty results', async () => {
    const notes = 'file:///virtual/notes.md';
    const body = '# Notes\n\nAmount: USD 1,000 (one hundred dollars). Name: ____\n';
    await client.open(notes, body, 'markdown');
    const plain = 'file:///virtual/letter.txt';
    await client.open(plain, body, 'plaintext');
    const position = positionOf(body, '1,000');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: notes }, position }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: plain } }), []);
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: notes } }), []);
    await client.expectNoNotification('textDocument/publishDiagnostics', (p) => [notes, plain].includes((p as PublishDiagnosticsParams).uri), 750);
    await client.close(notes);
    await client.close(plain);
  });

  it('treats the same text as a contract when it is opened as clausemark, and *.contract.md whatever its language id', async () => {
    const body = '# Notes\n\nAmount: USD 1,000 (one hundred dollars). Name: ____\n';
    const asContract = 'file:///virtual/notes-as-contract.md';
    await client.open(asContract, body, 'clausemark');
    assert.deepEqual(
      (await client.diagnosticsFor(asContract, 1)).map((d) => d.code),
      ['amount-words', 'unfilled-blank'],
    );
    const named = 'file:///virtual/named.contract.md';
    await client.open(named, body, 'markdown');
    assert.equal((await client.diagnosticsFor(named, 1)).length, 2);
  });

  it('survives binary content, a byte-order mark and a very long line', async () => {
    const binary = 'file:///virtual/binary.contract.md';
    await client.open(binary, 'PK\u0003\u0004\u0000\u0000garbage\u0000\uFFFD\n');
    assert.deepEqual(
      (await client.diagnosticsFor(binary, 1)).map((d) => d.code),
      ['document-limits'],
    );

    const bom = 'file:///virtual/bom.contract.md';
    await client.open(bom, '\uFEFF---\ntitle: BOM\n---\n\n# Terms\n\nName: ____\n');
    const blank = (await client.diagnosticsFor(bom, 1)).find((d) => d.code === 'unfilled-blank');
    assert.deepEqual(blank?.range, { start: { line: 6, character: 6 }, end: { line: 6, character: 10 } });

    const long = 'file:///virtual/long.contract.md';
    const line = `${'The supplier shall deliver the goods. '.repeat(5000)}Signature: ____`;
    await client.open(long, `# Long\n\n${line}\n`);
    const diagnostics = await client.diagnosticsFor(long, 1);
    assert.deepEqual(diagnostics.find((d) => d.code === 'unfilled-blank')?.range.start, { line: 2, character: line.length - 4 });
    await stillServing();
    assert.deepEqual(client.protocolErrors, [], 'stdout carried nothing but protocol');
  });
});

describe('pull mode with non-contracts', () => {
  it('returns an empty report for a non-contract and an unknown document', async () => {
    const client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
    try {
      await client.open('file:///virtual/readme.md', 'Fill in: ____\n', 'markdown');
      const report = await client.request<DocumentDiagnosticReport & { items: unknown[] }>('textDocument/diagnostic', {
        textDocument: { uri: 'file:///virtual/readme.md' },
      });
      assert.deepEqual(report, { kind: 'full', items: [] });
      const unknown = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', {
        textDocument: { uri: 'file:///virtual/unknown.contract.md' },
      });
      assert.deepEqual(unknown, { kind: 'full', items: [] });
    } finally {
      await client.stop();
    }
  });
});

describe('transports', () => {
  it('speaks LSP over Node IPC with --node-ipc', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as InitializeResult;
      assert.equal(result.serverInfo?.name, 'clausemark-language-server');
      await connection.sendNotification('initialized', {});
      const { uri, text } = fixture('lease.contract.md');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'clausemark', version: 1, text } });
      const p = positionOf(text, '120,000');
      const hover = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: p })) as Hover;
      assert.match(JSON.stringify(hover.contents), /one hundred twenty thousand/);
      await connection.sendRequest('shutdown');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('explains its usage on stderr, not stdout, when started without a transport', async () => {
    const child = fork(SERVER, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d));
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /Usage: clausemark-language-server --stdio/);
  });
});
