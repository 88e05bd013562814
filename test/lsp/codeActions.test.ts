import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor, fixture, LspClient, positionOf, PULL_CAPABILITIES, PUSH_CAPABILITIES, withServer } from './lspClient.js';

const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);

describe('code actions', () => {
  const client = withServer({ capabilities: PUSH_CAPABILITIES });

  /** Applies an action's edit the way an editor would, sends it, and returns the next diagnostics. */
  async function apply(uri: string, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const document = client.document(uri);
    const { version, edits } = editsFor(action.edit, uri);
    assert.equal(version, document.version, 'the edit names the version it was made for');
    const text = applyTextEdits(document, edits);
    const since = client.notifications.length;
    const next = await client.change(uri, [{ text }]);
    return { text, diagnostics: await client.diagnosticsFor(uri, next, since) };
  }

  it('offers the quick fix of a diagnostic, and applying it makes the problem go away', async () => {
    const { text } = fixture('lease.contract.md');
    const uri = 'file:///virtual/quickfix.contract.md';
    await client.open(uri, text);
    const mismatch = byCode(await client.diagnosticsFor(uri, 1), 'amount-words')[0]!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: mismatch.range,
      context: { diagnostics: [mismatch] },
    });
    const fixes = actions.filter((a) => a.kind === 'quickfix');
    // Which side is meant is the drafter's call: both rewrites, neither preferred.
    assert.deepEqual(
      fixes.map((a) => [a.title, a.isPreferred]),
      [
        ['Rewrite the words from the figure: "one hundred twenty thousand US dollars"', false],
        ['Rewrite the figure from the words: 100,000', false],
      ],
    );
    const fix = fixes[0]!;
    assert.deepEqual(fix.diagnostics, [mismatch]);

    const { text: fixed, diagnostics } = await apply(uri, fix);
    assert.equal(byCode(diagnostics, 'amount-words').length, 0);
    assert.match(fixed, /USD 120,000 \(one hundred twenty thousand US dollars\)/);
    // Nothing else moved.
    assert.equal(fixed.replace('one hundred twenty thousand', 'one hundred thousand'), text);
    await client.close(uri);
  });

  it('refuses a fix recorded for an older version of the document whose problem has moved', async () => {
    const { text } = fixture('lease.contract.md');
    const uri = 'file:///virtual/stale.contract.md';
    await client.open(uri, text);
    const mismatch = byCode(await client.diagnosticsFor(uri, 1), 'amount-words')[0]!;
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: mismatch.range,
      context: { diagnostics: [mismatch], only: ['quickfix'] },
    });
    assert.deepEqual(actions, []);
    await client.close(uri);
  });

  it('offers the fix of an earlier version whose push was skipped, as its problem still stands where it did', async () => {
    const { text } = fixture('lease.contract.md');
    const uri = 'file:///virtual/unchanged.contract.md';
    await client.open(uri, text);
    const mismatch = byCode(await client.diagnosticsFor(uri, 1), 'amount-words')[0]!;
    const lines = text.split('\n');
    const last = lines.length - 1;
    const since = client.notifications.length;
    // A blank line at the very end moves nothing: the server says so instead of pushing the same list again.
    const version = await client.change(uri, [{ range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, text: '\n' }]);
    await client.waitForNotification<{ uri: string; version: number }>('clausemark/diagnosticsUnchanged', (p) => p.uri === uri && p.version === version, since);
    assert.equal(client.published(uri).length, 1, 'nothing pushed after the first list');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: mismatch.range,
      context: { diagnostics: [mismatch], only: ['quickfix'] },
    });
    assert.equal(actions.length, 2);
    const chosen = actions[1]!.edit ? actions[1]! : await client.request<CodeAction>('codeAction/resolve', actions[1]!);
    const { text: fixed, diagnostics } = await apply(uri, chosen);
    assert.match(fixed, /USD 100,000/);
    assert.equal(byCode(diagnostics, 'amount-words').length, 0);
    await client.close(uri);
  });

  it('moves no diagnostic when an earlier line grows, and still fixes the one the editor kept', async () => {
    const { text } = fixture('lease.contract.md');
    const uri = 'file:///virtual/longer-line.contract.md';
    await client.open(uri, text);
    const mismatch = byCode(await client.diagnosticsFor(uri, 1), 'amount-words')[0]!;
    // Words added to the heading above: every later offset moves, no line or column after it does.
    const heading = positionOf(text, 'Lease {#lease}');
    const since = client.notifications.length;
    const version = await client.change(uri, [{ range: { start: heading, end: heading }, text: 'Equipment ' }]);
    await client.waitForNotification<{ uri: string; version: number }>('clausemark/diagnosticsUnchanged', (p) => p.uri === uri && p.version === version, since);
    assert.equal(client.published(uri).length, 1, 'the list the editor shows still stands');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: mismatch.range,
      context: { diagnostics: [mismatch], only: ['quickfix'] },
    });
    assert.equal(actions.length, 2);
    const { text: fixed } = await apply(uri, actions[1]!.edit ? actions[1]! : await client.request<CodeAction>('codeAction/resolve', actions[1]!));
    assert.match(fixed, /## 1\. Equipment Lease \{#lease\}/);
    assert.match(fixed, /USD 100,000/);
    await client.close(uri);
  });

  it('fixes every safe problem at once with source.fixAll.clausemark', async () => {
    const { text } = fixture('service.contract.md');
    const uri = 'file:///virtual/fixall.contract.md';
    await client.open(uri, text);
    const before = await client.diagnosticsFor(uri, 1);
    assert.equal(byCode(before, 'reference-number').length, 2);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(
      actions.map((a) => [a.kind, a.title]),
      [['source.fixAll.clausemark', '修复所有可安全修复的 Clausemark 问题']],
    );
    const { text: fixed, diagnostics } = await apply(uri, actions[0]!);
    assert.equal(byCode(diagnostics, 'reference-number').length, 0);
    assert.equal(byCode(diagnostics, 'percent-sum').length, 0, 'the open instalment was set to 30');
    assert.match(fixed, /\[三\]\(#ip\)/);
    assert.match(fixed, /\[一\]\(#scope\)/);
    assert.match(fixed, /尾款比例: \{ type: percent, group: 付款 ?, value: 30 ?\}/);
    // The unsafe refactoring of blanks is not part of fix-all.
    assert.equal(byCode(diagnostics, 'unfilled-blank').length, 2);
    await client.close(uri);
  });

  it('turns the legacy blank under the cursor into a typed placeholder (refactor.rewrite)', async () => {
    const { text } = fixture('service.contract.md');
    const uri = 'file:///virtual/blank.contract.md';
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const cursor = positionOf(text, '__月');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: cursor, end: cursor },
      context: { diagnostics: [] },
    });
    const rewrite = actions.filter((a) => a.kind === 'refactor.rewrite');
    assert.deepEqual(
      rewrite.map((a) => a.title),
      ['将旧式空白改为带类型的占位符 {{签署日期: date}}'],
    );
    const { text: rewritten, diagnostics } = await apply(uri, rewrite[0]!);
    assert.match(rewritten, /签署日期：\{\{签署日期: date\}\}\n/);
    assert.equal(byCode(diagnostics, 'unfilled-blank').length, 1, 'one blank left');
    assert.ok(
      byCode(diagnostics, 'unfilled-field').some((d) => d.message.includes('签署日期')),
      'the new field is a typed gap now',
    );

    const elsewhere = positionOf(rewritten, '# 软件维护');
    const none = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: elsewhere, end: elsewhere },
      context: { diagnostics: [] },
    });
    assert.equal(none.filter((a) => a.kind === 'refactor.rewrite').length, 0, 'only offered on a blank');
    await client.close(uri);
  });

  it('extracts a repeated amount into a field declared in the front matter (refactor.extract)', async () => {
    const { text } = fixture('service.contract.md');
    const uri = 'file:///virtual/extract.contract.md';
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const start = positionOf(text, '20,000', 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start, end: { line: start.line, character: start.character + 6 } },
      context: { diagnostics: [], only: ['refactor.extract'] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['将“20,000”（共 2 处）提取为字段 newField'],
    );
    const { text: extracted, diagnostics } = await apply(uri, actions[0]!);
    assert.equal(extracted.split('{{newField}}').length - 1, 2);
    assert.ok(!extracted.slice(extracted.indexOf('\n---', 4)).includes('20,000'), 'no literal left in the body');
    assert.match(extracted, /\n {2}备注: text\n {2}newField: \{ type: money, value: "20,000" \}\n---\n/);
    assert.deepEqual(
      diagnostics.filter((d) => d.message.includes('newField')),
      [],
      'the new field is declared, typed, filled and used',
    );
    await client.close(uri);
  });

  it('creates the front matter when extracting from a contract without one, keeping CRLF', async () => {
    const text = '# Service Order\r\n\r\nThe supplier delivers 40 units per week. Orders above 40 units need notice.\r\n';
    const uri = 'file:///virtual/no-front-matter.contract.md';
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const start = positionOf(text, '40');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start, end: { line: start.line, character: start.character + 2 } },
      context: { diagnostics: [], only: ['refactor.extract'] },
    });
    assert.equal(actions.length, 1);
    const { text: extracted, diagnostics } = await apply(uri, actions[0]!);
    assert.equal(
      extracted,
      '---\r\nfields:\r\n  newField: { type: number, value: 40 }\r\n---\r\n# Service Order\r\n\r\n' +
        'The supplier delivers {{newField}} units per week. Orders above {{newField}} units need notice.\r\n',
    );
    assert.deepEqual(diagnostics, []);
    await client.close(uri);
  });

  it('offers no extraction for a value written only once', async () => {
    const { text } = fixture('lease.contract.md');
    const uri = 'file:///virtual/once.contract.md';
    await client.open(uri, text);
    const start = positionOf(text, '120,000');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start, end: { line: start.line, character: start.character + 7 } },
      context: { diagnostics: [], only: ['refactor.extract'] },
    });
    assert.deepEqual(actions, []);
    await client.close(uri);
  });
});

describe('code actions for a pulling client', () => {
  it('applies a quick fix from a pulled diagnostic', async () => {
    const client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
    try {
      const { uri, text } = fixture('service.contract.md');
      await client.open(uri, text);
      const report = await client.request<DocumentDiagnosticReport & { items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      const stale = byCode(report.items, 'reference-number').find((d) => d.message.includes('第五条'))!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: stale.range,
        context: { diagnostics: [stale] },
      });
      const { edits } = editsFor(actions[0]!.edit, uri);
      const fixed = applyTextEdits(client.document(uri), edits);
      await client.change(uri, [{ text: fixed }]);
      const after = await client.request<DocumentDiagnosticReport & { items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(byCode(after.items, 'reference-number').filter((d) => d.message.includes('第五条')).length, 0);
      assert.equal(byCode(after.items, 'reference-number').length, 1, 'the other stale reference is still reported');
    } finally {
      await client.stop();
    }
  });
});

describe('quick fixes computed when asked', () => {
  /** A client like VS Code: it resolves a code action's edit only when the user picks it. */
  const RESOLVING: typeof PUSH_CAPABILITIES = {
    ...PUSH_CAPABILITIES,
    textDocument: {
      ...PUSH_CAPABILITIES.textDocument,
      codeAction: { ...PUSH_CAPABILITIES.textDocument!.codeAction, resolveSupport: { properties: ['edit'] }, dataSupport: true },
    },
  };

  it('lists fixes without edits, then resolves the chosen one into exact edits', async () => {
    const client = await LspClient.start({ capabilities: RESOLVING });
    try {
      assert.equal((client.initializeResult.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, true);
      const { text } = fixture('lease.contract.md');
      const uri = 'file:///virtual/resolve.contract.md';
      await client.open(uri, text);
      const mismatch = byCode(await client.diagnosticsFor(uri, 1), 'amount-words')[0]!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: mismatch.range,
        context: { diagnostics: [mismatch], only: ['quickfix'] },
      });
      assert.ok(actions.length > 0);
      for (const action of actions) assert.equal(action.edit, undefined, `${action.title}: no edit until resolved`);
      const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
      const { edits } = editsFor(resolved.edit, uri);
      const fixed = applyTextEdits(client.document(uri), edits);
      assert.match(fixed, /USD 120,000 \(one hundred twenty thousand US dollars\)/);
      assert.equal(fixed.replace('one hundred twenty thousand', 'one hundred thousand'), text, 'nothing else moved');

      // After an edit the old action resolves to nothing: its ranges belong to the old text.
      await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
      const stale = await client.request<CodeAction>('codeAction/resolve', actions[0]);
      assert.equal(stale.edit, undefined);
      await client.close(uri);
    } finally {
      await client.stop();
    }
  });

  it('keeps every diagnostic small: one renumbering of many clauses travels in no diagnostic', async () => {
    const client = await LspClient.start({ capabilities: RESOLVING });
    try {
      // Sixty clauses numbered from 二: every one is off by one, and one renumbering fixes them all.
      const numerals = (n: number) =>
        (n < 10 ? '' : `${n >= 20 ? '一二三四五六七八九'[Math.floor(n / 10) - 1] : ''}十`) + (n % 10 ? '一二三四五六七八九'[(n % 10) - 1] : '');
      const clauses = Array.from({ length: 60 }, (_, i) => `${numerals(i + 2)}、第${i + 2}项义务由乙方承担。`).join('\n\n');
      const uri = 'file:///virtual/renumber.contract.md';
      await client.open(uri, `# 服务协议\n\n${clauses}\n`);
      const diagnostics = byCode(await client.diagnosticsFor(uri, 1), 'clause-numbering');
      assert.ok(diagnostics.length > 0);
      const bytes = Buffer.byteLength(JSON.stringify(diagnostics));
      assert.ok(bytes / diagnostics.length < 400, `${bytes / diagnostics.length} bytes per diagnostic`);
      assert.ok(
        diagnostics.every((d) => d.data === undefined),
        'no edits in data',
      );

      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostics[0]!.range,
        context: { diagnostics: [diagnostics[0]!], only: ['quickfix'] },
      });
      const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
      const fixed = applyTextEdits(client.document(uri), editsFor(resolved.edit, uri).edits);
      assert.match(fixed, /^一、第2项义务/m);
      assert.match(fixed, /^六十、第61项义务/m);
      await client.close(uri);
    } finally {
      await client.stop();
    }
  });
});
