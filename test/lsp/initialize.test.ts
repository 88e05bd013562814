import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LspClient, PULL_CAPABILITIES, PUSH_CAPABILITIES, withServer } from './lspClient.js';

describe('initialize', () => {
  const push = withServer({ capabilities: PUSH_CAPABILITIES });
  const pull = withServer({ capabilities: PULL_CAPABILITIES });

  it('announces every feature the server implements, with incremental sync', () => {
    const caps = push.initializeResult.capabilities;
    assert.equal(push.initializeResult.serverInfo?.name, 'clausemark-language-server');
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(caps.completionProvider?.triggerCharacters, ['{', ':', '#', '|']);
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
    assert.ok(caps.documentLinkProvider);
    assert.ok(caps.inlayHintProvider);
    assert.ok(caps.codeLensProvider);
    const codeActionKinds = (caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.deepEqual(codeActionKinds, ['quickfix', 'refactor.rewrite', 'refactor.extract', 'source.fixAll.clausemark']);
    const legend = (caps.semanticTokensProvider as { legend: { tokenTypes: string[]; tokenModifiers: string[] }; full: boolean }).legend;
    for (const type of ['variable', 'property', 'type', 'number', 'macro']) assert.ok(legend.tokenTypes.includes(type), type);
    assert.ok(legend.tokenModifiers.includes('blank'));
  });

  it('offers pull diagnostics only to a client that pulls', () => {
    assert.equal(push.initializeResult.capabilities.diagnosticProvider, undefined);
    assert.deepEqual(pull.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'clausemark',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
  });

  it('exits cleanly after shutdown and exit', async () => {
    const client = await LspClient.start();
    assert.equal(await client.stop(), 0);
    assert.doesNotMatch(client.stderrText, /Error/);
  });
});
