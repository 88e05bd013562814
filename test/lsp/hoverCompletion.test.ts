import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { PreviewRequest } from '../../server/src/protocol.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyTextEdits, fixture, LspClient, positionOf, withServer } from './lspClient.js';

const markdown = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

describe('hover', () => {
  const zh = fixture('service.contract.md');
  const en = fixture('lease.contract.md');
  const at = (text: string, needle: string, by = 1, occurrence = 0) => {
    const p = positionOf(text, needle, occurrence);
    return { line: p.line, character: p.character + by };
  };

  const client = withServer({ open: [zh, en] });

  it('writes a Chinese amount in 大写 and says the words are missing', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: zh.uri }, position: at(zh.text, '20,000') });
    const value = markdown(hover);
    assert.match(value, /大写：贰万元整/);
    assert.match(value, /未写大写金额/);
    assert.deepEqual(hover.range?.start, positionOf(zh.text, '人民币20,000元'));
  });

  it('writes an English amount in words and says they disagree with the figure', async () => {
    const value = markdown(await client.request<Hover>('textDocument/hover', { textDocument: { uri: en.uri }, position: at(en.text, '120,000') }));
    assert.match(value, /In words: one hundred twenty thousand\n/);
    assert.match(value, /The words say 100,000, the figure 120,000: they disagree\./);
  });

  it('shows a field: type, formatted value, where it is declared and how often it is used', async () => {
    const value = markdown(await client.request<Hover>('textDocument/hover', { textDocument: { uri: zh.uri }, position: at(zh.text, '{{服务费}}', 3) }));
    assert.match(value, /\*\*字段\*\* `服务费`/);
    assert.match(value, /类型：`money`（金额）/);
    assert.match(value, /取值：CNY 500,000 \(伍拾万元整\)/);
    assert.match(value, /在前言第 9 行声明 · 正文使用 2 次/);

    const open = markdown(await client.request<Hover>('textDocument/hover', { textDocument: { uri: en.uri }, position: at(en.text, 'term: duration', 1) }));
    assert.match(open, /Value: \*not filled in yet\*/);
    assert.match(open, /declared in the front matter, line 12 · used once/);
  });

  it('shows the clause a reference points at, with the start of its text', async () => {
    const value = markdown(await client.request<Hover>('textDocument/hover', { textDocument: { uri: zh.uri }, position: at(zh.text, '[第五条](#ip)', 2) }));
    assert.match(value, /^\*\*条款 三\*\* 成果归属\n\n> ## 三、成果归属 \{#ip\}/);
  });

  it('says what a blank expects', async () => {
    const value = markdown(await client.request<Hover>('textDocument/hover', { textDocument: { uri: zh.uri }, position: at(zh.text, '____年') }));
    assert.match(value, /应填：`date`（日期）/);
    assert.match(value, /用于：签署日期/);
  });

  it('speaks the language the settings ask for, but writes amounts as the contract would', async () => {
    const english = await LspClient.start({ settings: { locale: 'en' } });
    try {
      await english.open(zh.uri, zh.text);
      const value = markdown(await english.request<Hover>('textDocument/hover', { textDocument: { uri: zh.uri }, position: at(zh.text, '20,000') }));
      assert.match(value, /In words: 贰万元整/);
      assert.match(value, /No amount in words is written\./);
    } finally {
      await english.stop();
    }
  });

  it('with English messages on a Chinese contract, hover and preview both write its date in Chinese', async () => {
    const english = await LspClient.start({ settings: { locale: 'en' } });
    try {
      const uri = 'file:///virtual/effective.contract.md';
      const text = '---\nfields:\n  生效日: { type: date, value: 2026-03-01 }\n---\n\n本合同自{{生效日}}起生效。\n';
      await english.open(uri, text);
      const value = markdown(await english.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at(text, '{{生效日}}') }));
      assert.match(value, /Value: 2026年3月1日/);
      const preview = await english.request(PreviewRequest, { textDocument: { uri } });
      assert.match((preview?.html ?? '').replace(/<[^>]*>/g, ''), /本合同自2026年3月1日起生效/);
    } finally {
      await english.stop();
    }
  });

  it('has nothing to say about plain prose', async () => {
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: en.uri }, position: at(en.text, 'leases the') }), null);
  });
});

describe('completion', () => {
  const { text } = fixture('service.contract.md');
  let version = 0;

  const client = withServer();

  /** Opens the fixture with `typed` written after `anchor` and completes where `‸` stands (default: the end). */
  async function complete(anchor: string, typed: string): Promise<CompletionItem[]> {
    const uri = `file:///virtual/completion-${++version}.contract.md`;
    const marked = typed.includes('‸') ? typed : `${typed}‸`;
    const edited = text.replace(anchor, anchor + marked.replace('‸', ''));
    await client.open(uri, edited);
    const start = positionOf(edited, anchor);
    const lines = (anchor + marked.slice(0, marked.indexOf('‸'))).split('\n');
    const position = { line: start.line + lines.length - 1, character: (lines.length === 1 ? start.character : 0) + lines[lines.length - 1]!.length };
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 1 } });
    await client.close(uri);
    return list.items;
  }

  it('offers the fields inside {{ with their type and value, and closes the braces', async () => {
    const items = await complete('乙方为甲方提供', '{{首');
    assert.deepEqual(
      items.map((i) => i.label),
      ['服务费', '首期比例', '二期比例', '尾款比例', '维护期限', '生效日期', '权属方案', '备注'],
    );
    const first = items.find((i) => i.label === '首期比例')!;
    assert.equal(first.detail, 'percent · 30%');
    const edit = first.textEdit as TextEdit;
    assert.equal(edit.newText, '首期比例}}');
    assert.equal(edit.range.end.character - edit.range.start.character, 1, 'replaces the typed "首"');
  });

  it('replaces through auto-closed braces so the cursor lands after them', async () => {
    // Typing `{{` in VS Code gives `{{‸}}`: choosing a field must not leave the cursor inside.
    const closed = await complete('乙方为甲方提供', '{{‸}}');
    const edit = closed.find((i) => i.label === '首期比例')!.textEdit as TextEdit;
    assert.equal(edit.newText, '首期比例}}');
    assert.equal(edit.range.end.character - edit.range.start.character, 2, 'replaces the closing "}}"');
    const source = text.replace('乙方为甲方提供', '乙方为甲方提供{{}}');
    const applied = applyTextEdits(TextDocument.create('file:///x.contract.md', 'clausemark', 1, source), [edit]);
    assert.ok(applied.includes('乙方为甲方提供{{首期比例}}系统'), 'one pair of braces, the prose after them untouched');

    const partial = await complete('乙方为甲方提供', '{{首‸期}}');
    const whole = partial.find((i) => i.label === '首期比例')!.textEdit as TextEdit;
    assert.equal(whole.newText, '首期比例}}');
    assert.equal(whole.range.end.character - whole.range.start.character, 4, 'replaces "首期}}"');
    assert.deepEqual(await complete('乙方为甲方提供', '{{首期}}'), [], 'nothing after the closing braces');
  });

  it('keeps a declaration after the name: only the name is replaced', async () => {
    const items = await complete('乙方为甲方提供', '{{首‸: percent}}');
    const edit = items.find((i) => i.label === '首期比例')!.textEdit as TextEdit;
    assert.equal(edit.newText, '首期比例');
    assert.equal(edit.range.end.character - edit.range.start.character, 1);
  });

  it('offers the field types after {{name:', async () => {
    const items = await complete('乙方为甲方提供', '{{验收日期: da');
    assert.deepEqual(
      items.map((i) => i.label),
      ['text', 'number', 'money', 'percent', 'date', 'duration', 'party', 'choice'],
    );
    assert.equal(items.find((i) => i.label === 'date')!.detail, '日期');
  });

  it('offers the filters after |', async () => {
    const items = await complete('乙方为甲方提供', '{{服务费 | ');
    assert.deepEqual(
      items.map((i) => i.label),
      ['大写', 'words'],
    );
  });

  it('offers clause labels inside ](#', async () => {
    const items = await complete('乙方为甲方提供', '[见](#');
    assert.deepEqual(
      items.map((i) => [i.label, i.detail, (i.textEdit as TextEdit).newText]),
      [
        ['scope', '一 服务内容', 'scope)'],
        ['fee', '二 服务费用', 'fee)'],
        ['ip', '三 成果归属', 'ip)'],
      ],
    );
  });

  it('offers the missing top-level keys and the types in the front matter', async () => {
    const keys = await complete('  备注: text', '\nv');
    assert.deepEqual(
      keys.map((i) => i.label),
      ['groups', 'values', 'data', 'effective'],
    );
    assert.equal((keys[1]!.textEdit as TextEdit).newText, 'values: ');

    const types = await complete('  备注: text', '\n  验收: { type: ');
    assert.ok(types.some((i) => i.label === 'money'));
    const shorthand = await complete('  备注: text', '\n  验收: ');
    assert.equal(shorthand.length, 8);
  });

  it("offers a choice field's options as its value", async () => {
    const items = await complete('  备注: text', '\nvalues:\n  权属方案: ');
    assert.deepEqual(
      items.map((i) => i.label),
      ['甲方所有', '双方共有'],
    );
  });
});

describe('clause templates in completion', () => {
  // The workspace's own clause library, written before the server starts so that it finds it.
  const folder = mkdtempSync(join(tmpdir(), 'clausemark-clauses-'));
  mkdirSync(join(folder, '.clausemark', 'clauses'), { recursive: true });
  writeFileSync(
    join(folder, '.clausemark', 'clauses', 'notices.md'),
    [
      '---',
      'id: notices',
      'topic: notices',
      'title: Notices',
      'locale: en',
      'description: Where formal notices go.',
      'fields:',
      '  noticeEmail: { type: text, description: The address for notices }',
      '---',
      '',
      '## 9. Notices {#notices}',
      '',
      'Notices are given in writing to {{noticeEmail}}.',
      '',
    ].join('\n'),
  );
  const client = withServer({ workspaceFolder: folder });
  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  async function itemsOn(uri: string, text: string, line: number, character: number): Promise<CompletionItem[]> {
    await client.open(uri, text);
    return (await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character } })).items;
  }

  it("offers the library's clauses in the contract's language and inserts one with its fields", async () => {
    const { text } = fixture('service.contract.md');
    const typed = text.replace('## 四、违约责任', '费用\n\n## 四、违约责任');
    const line = positionOf(typed, '费用\n').line;
    const uri = 'file:///virtual/clauses-zh.contract.md';
    const items = await itemsOn(uri, typed, line, 2);
    assert.equal(items.length, 12, 'the twelve Chinese clauses of the library');
    assert.ok(items.every((i) => /^cm-/.test(i.detail!)));
    const fees = items.find((i) => i.label === '服务费用及支付')!;
    assert.equal(fees.detail, 'cm-费用 · fees-payment');
    // Reachable without an IME: the ASCII id leads what the editor filters on, and it is the one selected.
    assert.ok(fees.filterText!.startsWith('cm-fees-payment '), fees.filterText);
    const ascii = await itemsOn('file:///virtual/clauses-zh-ascii.contract.md', text.replace('## 四、违约责任', 'cm-fees\n\n## 四、违约责任'), line, 7);
    assert.deepEqual(
      ascii.filter((i) => i.preselect).map((i) => i.label),
      ['服务费用及支付'],
    );
    assert.ok(
      ascii.every((i) => i.sortText! < 'cm-'),
      'before the static snippets, which sort by their cm- prefix',
    );

    const inserted = applyTextEdits(client.document(uri), [fees.textEdit as TextEdit, ...fees.additionalTextEdits!]);
    assert.match(inserted, /\n\n## 四、服务费用及支付 \{#fees-payment\}\n/, 'numbered after clause 三');
    assert.match(inserted, /\n {2}备注: text\n {2}总费用: \{ type: money/, 'its fields join the front matter');
    assert.ok(inserted.startsWith(text.slice(0, text.indexOf('  备注: text'))), 'the text before is untouched');
    assert.ok(inserted.endsWith(text.slice(text.indexOf('\n## 四、违约责任'))), 'the text after is untouched');

    const check = 'file:///virtual/clauses-zh-after.contract.md';
    await client.open(check, inserted);
    const diagnostics = await client.diagnosticsFor(check, 1);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'undefined-field' || d.code === 'front-matter' || d.code === 'duplicate-field'),
      [],
    );
  });

  it("offers English clauses and the workspace's own for an English contract, never on a line with text", async () => {
    const text = '---\ntitle: Short Agreement\nlocale: en\n---\n\n# Short Agreement\n\n\n';
    const uri = 'file:///virtual/clauses-en.contract.md';
    const items = await itemsOn(uri, text, 6, 0);
    assert.equal(items.length, 13);
    assert.ok(items.some((i) => i.label === 'Fees and Payment'));
    const notices = items.find((i) => i.label === 'Notices')!;
    assert.equal(notices.detail, 'cm-notices · notices (workspace)');
    const inserted = applyTextEdits(client.document(uri), [notices.textEdit as TextEdit, ...notices.additionalTextEdits!]);
    assert.equal(
      inserted,
      '---\ntitle: Short Agreement\nlocale: en\nfields:\n  noticeEmail: { type: text, description: The address for notices }\n---\n\n' +
        '# Short Agreement\n\n## 1. Notices {#notices}\n\nNotices are given in writing to {{noticeEmail}}.\n\n',
    );

    const prose = 'file:///virtual/clauses-prose.contract.md';
    assert.deepEqual(await itemsOn(prose, '# Terms\n\nThe parties agree\n', 2, 17), []);
  });

  it('offers the whole library while it is still being read ahead, and follows the workspace templates as they change', async () => {
    const own = mkdtempSync(join(tmpdir(), 'clausemark-clauses-'));
    const clauses = join(own, '.clausemark', 'clauses');
    mkdirSync(clauses, { recursive: true });
    const template = (id: string, title: string) =>
      `---\nid: ${id}\ntopic: ${id}\ntitle: ${title}\nlocale: en\ndescription: ${title}.\n---\n\n## 9. ${title} {#${id}}\n\n${title} apply.\n`;
    writeFileSync(join(clauses, 'notices.md'), template('notices', 'Notices'));
    const fresh = await LspClient.start({ workspaceFolder: own });
    try {
      const uri = 'file:///virtual/clauses-ahead.contract.md';
      await fresh.open(uri, '---\ntitle: Short Agreement\nlocale: en\n---\n\n# Short Agreement\n\n\n');
      await fresh.diagnosticsFor(uri, 1);
      const titles = async () => {
        const list = await fresh.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 0 } });
        return list.items.map((i) => i.label).filter((label) => ['Notices', 'Warranties', 'Fees and Payment'].includes(label as string));
      };
      // The library is read a template per turn from 200 ms after the first diagnostics: asked about then, every template is there.
      await new Promise((resolve) => setTimeout(resolve, 210));
      assert.deepEqual(await titles(), ['Fees and Payment', 'Notices']);
      writeFileSync(join(clauses, 'warranties.md'), template('warranties', 'Warranties'));
      rmSync(join(clauses, 'notices.md'));
      await fresh.notify('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: pathToFileURL(join(clauses, 'warranties.md')).href, type: 1 },
          { uri: pathToFileURL(join(clauses, 'notices.md')).href, type: 3 },
        ],
      });
      await new Promise((resolve) => setTimeout(resolve, 210));
      assert.deepEqual(await titles(), ['Fees and Payment', 'Warranties']);
    } finally {
      await fresh.stop();
      rmSync(own, { recursive: true, force: true });
    }
  });
});
