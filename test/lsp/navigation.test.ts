import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, Location, PrepareRenameResult, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { ResponseError } from 'vscode-jsonrpc';
import { applyTextEdits, editsFor, fixture, LspClient, positionOf, withServer } from './lspClient.js';

describe('definition, references and rename', () => {
  const { uri, text } = fixture('service.contract.md');
  const inside = (needle: string, by = 2, occurrence = 0) => {
    const p = positionOf(text, needle, occurrence);
    return { line: p.line, character: p.character + by };
  };

  const client = withServer({ open: [{ uri, text }] });

  it('goes from a placeholder to the field declared in the front matter', async () => {
    const location = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: inside('{{维护期限}}', 3) });
    assert.equal(location.uri, uri);
    const declared = positionOf(text, '维护期限: {');
    assert.deepEqual(location.range, { start: declared, end: { line: declared.line, character: declared.character + 4 } });
  });

  it('goes from a clause reference to the labelled clause', async () => {
    const location = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: inside('](#ip)', 4) });
    const label = positionOf(text, '{#ip}');
    assert.deepEqual(location.range, {
      start: { line: label.line, character: label.character + 2 },
      end: { line: label.line, character: label.character + 4 },
    });
  });

  it("goes to the clause from a reference's link text as well", async () => {
    const location = await client.request<Location>('textDocument/definition', { textDocument: { uri }, position: inside('[第五条](#ip)', 2) });
    const label = positionOf(text, '{#ip}');
    assert.deepEqual(location.range.start, { line: label.line, character: label.character + 2 });
  });

  it('finds every use of a field, with or without its declaration', async () => {
    const position = inside('服务费: {', 1);
    const all = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    assert.deepEqual(
      all.map((l) => l.range.start),
      [positionOf(text, '服务费: {'), inside('{{服务费}}', 2), inside('{{服务费 | 大写}}', 2)],
    );
    const uses = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: false } });
    assert.equal(uses.length, 2);
  });

  it('prepares a rename on a field name and declines on plain text', async () => {
    const prepared = await client.request<PrepareRenameResult>('textDocument/prepareRename', { textDocument: { uri }, position: inside('{{首期比例}}', 3) });
    assert.deepEqual(prepared, { range: { start: inside('{{首期比例}}'), end: inside('{{首期比例}}', 6) }, placeholder: '首期比例' });
    const none = await client.request<PrepareRenameResult | null>('textDocument/prepareRename', { textDocument: { uri }, position: inside('系统维护', 1) });
    assert.equal(none, null);
  });

  it('renames a field in the front matter and in every placeholder', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri },
      position: inside('{{服务费 | 大写}}', 3),
      newName: '总价',
    });
    const { version, edits } = editsFor(edit, uri);
    assert.equal(version, 1);
    assert.equal(edits.length, 3);
    const renamed = applyTextEdits(client.document(uri), edits);
    assert.equal(renamed, text.replaceAll('服务费: {', '总价: {').replace('{{服务费}}', '{{总价}}').replace('{{服务费 | 大写}}', '{{总价 | 大写}}'));

    const check = 'file:///virtual/renamed.contract.md';
    await client.open(check, renamed);
    const diagnostics = await client.diagnosticsFor(check, 1);
    assert.deepEqual(
      diagnostics.filter((d: Diagnostic) => /总价|服务费/.test(d.message)),
      [],
      'the renamed field is declared and used',
    );
    await client.close(check);
  });

  it('renames a field declared inline, at its declaration and its uses', async () => {
    const inline = 'file:///virtual/inline.contract.md';
    const body = '# 补充协议\n\n违约金为合同总额的{{违约金比例: percent}}%。\n\n逾期超过三十日的，违约金比例{{违约金比例}}%加倍计算。\n';
    await client.open(inline, body);
    const p = positionOf(body, '{{违约金比例}}');
    const location = await client.request<Location>('textDocument/definition', {
      textDocument: { uri: inline },
      position: { line: p.line, character: p.character + 3 },
    });
    assert.deepEqual(location.range.start, { line: 2, character: 11 });
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: inline },
      position: { line: p.line, character: p.character + 3 },
      newName: '违约金率',
    });
    assert.equal(
      applyTextEdits(client.document(inline), editsFor(edit, inline).edits),
      body.replaceAll('违约金比例}', '违约金率}').replace('违约金比例:', '违约金率:'),
    );
    await client.close(inline);
  });

  it('renames a clause label and the references to it', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: inside('{#fee}', 3), newName: 'payment' });
    const renamed = applyTextEdits(client.document(uri), editsFor(edit, uri).edits);
    assert.equal(renamed, text.replace('{#fee}', '{#payment}').replace('](#fee)', '](#payment)'));
  });

  it('refuses a rename that clashes or is not a valid name, with a clear message', async () => {
    const refused = async (position: { line: number; character: number }, newName: string) => {
      try {
        await client.request('textDocument/rename', { textDocument: { uri }, position, newName });
      } catch (error) {
        assert.ok(error instanceof ResponseError);
        assert.equal(error.code, -32803, 'RequestFailed');
        return error.message;
      }
      assert.fail('the rename was not refused');
    };
    assert.equal(await refused(inside('{{服务费}}'), '备注'), '已存在名为“备注”的字段。');
    assert.match(await refused(inside('{{服务费}}'), 'total price'), /不是有效的字段名/);
    assert.equal(await refused(inside('{#fee}', 3), 'ip'), '已有条款使用标签“ip”。');
    assert.equal(await refused(inside('系统维护', 1), 'x'), '此处只能重命名字段名或条款标签。');

    const en = fixture('lease.contract.md');
    await client.open(en.uri, en.text);
    const p = positionOf(en.text, '{{term}}');
    assert.equal(await refusedIn(client, en.uri, { line: p.line, character: p.character + 3 }, 'rent'), 'A field named "rent" already exists.');
    await client.close(en.uri);
  });
});

async function refusedIn(client: LspClient, uri: string, position: { line: number; character: number }, newName: string): Promise<string> {
  try {
    await client.request('textDocument/rename', { textDocument: { uri }, position, newName });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the rename was not refused');
}
