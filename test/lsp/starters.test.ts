/**
 * Getting started: an empty contract offers the New Contract templates in the
 * file itself, as code lenses and as completion on the first line; the one-page
 * template is a whole contract with nothing left to check but its gaps.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeLens, CompletionList, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient.js';

describe('an empty contract', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('offers the full and the one-page template, in Chinese and English, as lenses on the first line', async () => {
    const uri = 'file:///virtual/new.contract.md';
    await client.open(uri, '\n');
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
      [
        [0, '新建中文合同（完整模板）', 'clausemark.newContract', ['zh-CN', 'full']],
        [0, '新建中文合同（一页模板）', 'clausemark.newContract', ['zh-CN', 'short']],
        [0, 'New contract in English (full template)', 'clausemark.newContract', ['en', 'full']],
        [0, 'New contract in English (one-page template)', 'clausemark.newContract', ['en', 'short']],
      ],
    );
    await client.close(uri);
  });

  it('offers the templates as completion, and the one-page contract checks clean but for its gaps', async () => {
    const uri = 'file:///virtual/empty.contract.md';
    await client.open(uri, '');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(list.items.length, 4);
    const short = list.items.find((i) => i.label === '新建中文合同（一页模板）')!;
    const text = (short.textEdit as TextEdit).newText;
    assert.match(text, /^---\n/);
    const headings = text.split('\n').filter((line) => line.startsWith('## '));
    assert.equal(headings.length, 4, headings.join(' | '));
    const full = (list.items.find((i) => i.label === '新建中文合同（完整模板）')!.textEdit as TextEdit).newText;
    assert.ok(full.length > text.length * 2, 'the full template is the whole library');

    const check = 'file:///virtual/short.contract.md';
    await client.open(check, text);
    const diagnostics: Diagnostic[] = await client.diagnosticsFor(check, 1);
    const notGaps = diagnostics.filter((d) => d.code !== 'unfilled-field' && d.code !== 'unfilled-blank');
    assert.deepEqual(
      notGaps.map((d) => `${d.code}: ${d.message}`),
      [],
    );
    await client.close(check);
    await client.close(uri);
  });
});
