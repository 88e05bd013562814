import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentDiagnosticReport, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fixture, LspClient, positionOf, PULL_CAPABILITIES, PUSH_CAPABILITIES, REFERENCE_AGREEMENT, NEEDS_REFERENCE, withServer } from './lspClient.js';

const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);

describe('pushed diagnostics', () => {
  const client = withServer({ capabilities: PUSH_CAPABILITIES });

  it('publishes the problems of a Chinese contract when it opens, with code, link, version and fixes', async () => {
    const { uri, text } = fixture('service.contract.md');
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsFor(uri, 1);

    const unused = byCode(diagnostics, 'unused-field');
    assert.equal(unused.length, 1);
    assert.deepEqual(unused[0]!.range.start, positionOf(text, '备注: text'));
    assert.deepEqual(unused[0]!.tags, [1], 'unused-field is marked Unnecessary');
    assert.equal(unused[0]!.severity, 2);
    assert.equal(unused[0]!.source, 'clausemark');
    assert.match(unused[0]!.message, /备注/);
    assert.equal(unused[0]!.codeDescription?.href, 'https://github.com/clausemark/clausemark/blob/main/docs/checks.md#unused-field');

    const stale = byCode(diagnostics, 'reference-number').find((d) => d.message.includes('第五条'))!;
    assert.deepEqual(stale.range.start, positionOf(text, '第五条'));
    // Its code and range name its problem: no data travels, and the fix and its edit come when a code action asks.
    assert.equal(stale.data, undefined);
    const actions = await client.request<Array<{ title: string; edit?: { documentChanges?: Array<{ edits: unknown[] }> } }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: stale.range,
      context: { diagnostics: [stale], only: ['quickfix'] },
    });
    assert.deepEqual(
      actions.map((a) => a.title),
      ['改为 三'],
    );
    assert.deepEqual(actions[0]!.edit?.documentChanges?.[0]?.edits, [{ range: stale.range, newText: '三' }]);

    const sum = byCode(diagnostics, 'percent-sum')[0]!;
    assert.equal(sum.severity, 3, 'one open instalment is information, not an error');
    assert.equal(sum.relatedInformation?.length, 3);
    assert.deepEqual(sum.relatedInformation![0]!.location.range.start, positionOf(text, '30, group'));

    assert.deepEqual(
      byCode(diagnostics, 'unfilled-blank').map((d) => d.range.start),
      [positionOf(text, '____________'), positionOf(text, '____年__月__日')],
    );
  });

  it('reports the 31 blanks of the reference agreement exactly where they are', { skip: NEEDS_REFERENCE }, async () => {
    const text = readFileSync(REFERENCE_AGREEMENT, 'utf8');
    const uri = pathToFileURL(REFERENCE_AGREEMENT).href;
    await client.open(uri, text, 'clausemark');
    const diagnostics = byCode(await client.diagnosticsFor(uri, 1), 'unfilled-blank');
    assert.equal(diagnostics.length, 31);
    const lines = text.split('\n');
    const covered = new Set<string>();
    for (const d of diagnostics) {
      assert.equal(d.range.start.line, d.range.end.line);
      const line = lines[d.range.start.line]!;
      const blank = line.slice(d.range.start.character, d.range.end.character);
      assert.match(blank, /^[_＿]+(?:年[_＿]+月[_＿]+日)?$/, `line ${d.range.start.line}: ${blank}`);
      assert.doesNotMatch(line[d.range.start.character - 1] ?? '', /[_＿]/, 'starts where the blank starts');
      assert.doesNotMatch(line[d.range.end.character] ?? '', /[_＿]/, 'ends where the blank ends');
      covered.add(`${d.range.start.line}:${d.range.start.character}`);
    }
    // Every run of underscores in the file is inside one of the diagnostics.
    lines.forEach((line, lineNumber) => {
      for (const run of line.matchAll(/[_＿]+/g)) {
        const inside = diagnostics.some(
          (d) => d.range.start.line === lineNumber && d.range.start.character <= run.index && run.index + run[0].length <= d.range.end.character,
        );
        assert.ok(inside, `run at ${lineNumber}:${run.index} is reported`);
      }
    });
    assert.equal(covered.size, 31);
    await client.close(uri);
  });

  it('follows incremental edits and never publishes an old version after a newer edit', async () => {
    const { text } = fixture('lease.contract.md');
    const uri = 'file:///virtual/incremental.contract.md';
    await client.open(uri, text);
    const first = await client.diagnosticsFor(uri, 1);
    assert.equal(byCode(first, 'amount-words').length, 1);
    const since = client.notifications.length;

    // Three quick edits: fix the words, then add a new blank on the last line, then widen it.
    const words = positionOf(text, 'one hundred thousand');
    await client.change(uri, [
      {
        range: {
          start: { line: words.line, character: words.character + 'one hundred '.length },
          end: { line: words.line, character: words.character + 'one hundred '.length },
        },
        text: 'twenty ',
      },
    ]);
    const lastLine = text.split('\n').length - 1;
    await client.change(uri, [{ range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, text: 'Witness: ____\n' }]);
    const v4 = await client.change(uri, [{ range: { start: { line: lastLine, character: 9 }, end: { line: lastLine, character: 9 } }, text: '__' }]);
    assert.equal(v4, 4);

    const latest = await client.diagnosticsFor(uri, 4, since);
    assert.equal(byCode(latest, 'amount-words').length, 0, 'the words now agree');
    const witness = byCode(latest, 'unfilled-blank').find((d) => d.range.start.line === lastLine);
    assert.deepEqual(witness?.range, { start: { line: lastLine, character: 9 }, end: { line: lastLine, character: 15 } });

    const versions = client.published(uri).map((p) => p.version!);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! >= versions[i - 1]!, `published in order: ${versions.join(', ')}`);
    assert.equal(versions[versions.length - 1], 4);
    await client.close(uri);
  });

  it('after a run of incremental edits, reports exactly what a fresh open of the same text reports', async () => {
    const { text } = fixture('service.contract.md');
    const uri = 'file:///virtual/edited.contract.md';
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    // Everything but the uri (in related information) must match.
    const comparable = (ds: Diagnostic[], of: string) => JSON.parse(JSON.stringify(ds).replaceAll(of, 'URI'));
    const at = (needle: string, by = 0) => {
      const p = positionOf(client.document(uri).getText(), needle);
      return { line: p.line, character: p.character + by };
    };
    const insert = (needle: string, by: number, newText: string) => ({ range: { start: at(needle, by), end: at(needle, by) }, text: newText });
    const remove = (needle: string) => ({ range: { start: at(needle), end: at(needle, needle.length) }, text: '' });
    const edits = [
      () => [insert('系统维护服务', 2, '软件')],
      () => [remove('、服务费用')],
      () => [insert('另付差旅补贴', 0, '附加条件：验收人____签字。\n\n')],
      () => [insert('20,000元，按实', 1, '5')],
      () => [insert('按实结算', 0, '{{')],
      () => [insert('{{按实结算', 2, '新字段}}')],
      () => [insert('value: 30', 8, '5')],
      () => [remove('附加条件：验收人____签字。\n\n')],
      // Two changes in one event: each range refers to the text the previous one left.
      () => [insert('签署日期', 0, '甲方'), insert('## 三', 0, '## 一、重复编号\n\n正文📝😀：____\n\n')],
      () => [insert('甲方签署日期：____年__月__日', '甲方签署日期：____年__月__日'.length, '\n\n## 五、附则 {#misc}\n\n见[](#misc)。\n')],
    ];
    for (const edit of edits) {
      const since = client.notifications.length;
      const version = await client.change(uri, edit());
      const edited = await client.diagnosticsFor(uri, version, since);
      const fresh = `file:///virtual/fresh-${version}.contract.md`;
      await client.open(fresh, client.document(uri).getText());
      const expected = await client.diagnosticsFor(fresh, 1);
      await client.close(fresh);
      assert.deepEqual(comparable(edited, uri), comparable(expected, fresh), `after edit ${version - 1}`);
    }
    await client.close(uri);
  });

  it('clears the diagnostics of a closed contract', async () => {
    const { text } = fixture('lease.contract.md');
    const uri = 'file:///virtual/closing.contract.md';
    await client.open(uri, text);
    assert.ok((await client.diagnosticsFor(uri, 1)).length > 0);
    const since = client.notifications.length;
    await client.close(uri);
    await client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0, since);
  });

  it('keeps positions exact on CRLF lines', async () => {
    const text = ['---', 'fields:', '  fee: money', '---', '', '# Supply terms', '', 'Price: {{fee}} payable on ____.', ''].join('\r\n');
    const uri = 'file:///virtual/crlf.contract.md';
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(byCode(diagnostics, 'unfilled-field')[0]?.range, { start: { line: 7, character: 7 }, end: { line: 7, character: 14 } });
    assert.deepEqual(byCode(diagnostics, 'unfilled-blank')[0]?.range, { start: { line: 7, character: 26 }, end: { line: 7, character: 30 } });
    await client.close(uri);
  });

  it('counts UTF-16 units on a line with emoji and CJK', async () => {
    // 📝 and 🖊 are two UTF-16 units each; 联系电话 four; the colon one.
    const text = '# 联系方式\n\n📝🖊联系电话：________\n';
    const uri = 'file:///virtual/emoji.contract.md';
    await client.open(uri, text);
    const blank = byCode(await client.diagnosticsFor(uri, 1), 'unfilled-blank')[0];
    assert.deepEqual(blank?.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 17 } });
    assert.match(blank!.message, /联系电话/);
    await client.close(uri);
  });
});

describe('diagnostics and settings', () => {
  it('honours clausemark.checks, clausemark.locale and docsBaseUrl, and re-checks when they change', async () => {
    const client = await LspClient.start({
      capabilities: PUSH_CAPABILITIES,
      settings: { checks: { 'unused-field': 'off', 'unfilled-field': 'error' }, locale: 'en', docsBaseUrl: 'https://example.test/docs/' },
    });
    try {
      const { uri, text } = fixture('service.contract.md');
      await client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      assert.equal(byCode(diagnostics, 'unused-field').length, 0);
      const unfilled = byCode(diagnostics, 'unfilled-field');
      assert.ok(unfilled.length > 0 && unfilled.every((d) => d.severity === 1));
      assert.match(unfilled[0]!.message, /has no value yet/, 'messages follow the locale setting');
      assert.equal(unfilled[0]!.codeDescription?.href, 'https://example.test/docs/checks.md#unfilled-field');

      const since = client.notifications.length;
      client.settings = {};
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const after = await client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, since);
      assert.equal(byCode(after.diagnostics, 'unused-field').length, 1);
      assert.match(byCode(after.diagnostics, 'unfilled-field')[0]!.message, /尚未填写/);
    } finally {
      await client.stop();
    }
  });

  it('takes settings sent with didChangeConfiguration from a client that cannot be asked', async () => {
    const client = await LspClient.start({ capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
    try {
      const { uri, text } = fixture('service.contract.md');
      await client.open(uri, text);
      assert.match(byCode(await client.diagnosticsFor(uri, 1), 'unused-field')[0]!.message, /已声明/);
      const since = client.notifications.length;
      await client.notify('workspace/didChangeConfiguration', { settings: { clausemark: { locale: 'en', checks: { 'unfilled-blank': 'off' } } } });
      const after = await client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, since);
      assert.match(byCode(after.diagnostics, 'unused-field')[0]!.message, /is declared but no placeholder uses it/);
      assert.equal(byCode(after.diagnostics, 'unfilled-blank').length, 0);
    } finally {
      await client.stop();
    }
  });

  it('works without workspace/configuration support, with defaults', async () => {
    const client = await LspClient.start({ capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
    try {
      const { uri, text } = fixture('lease.contract.md');
      await client.open(uri, text);
      const diagnostics = await client.diagnosticsFor(uri, 1);
      assert.equal(byCode(diagnostics, 'unused-field').length, 3);
      assert.equal(client.serverRequests.filter((r) => r.method === 'workspace/configuration').length, 0);
    } finally {
      await client.stop();
    }
  });
});

describe('pulled diagnostics', () => {
  const client = withServer({ capabilities: PULL_CAPABILITIES });

  it('answers textDocument/diagnostic, follows edits, and never pushes', async () => {
    const { uri, text } = fixture('lease.contract.md');
    await client.open(uri, text);
    const first = await client.request<DocumentDiagnosticReport & { items: Diagnostic[]; resultId: string }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    assert.equal(first.kind, 'full');
    assert.equal(byCode(first.items, 'amount-words').length, 1);

    const unchanged = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(unchanged.kind, 'unchanged');

    const words = positionOf(text, 'one hundred thousand');
    const at = { line: words.line, character: words.character + 'one hundred '.length };
    await client.change(uri, [{ range: { start: at, end: at }, text: 'twenty ' }]);
    const second = await client.request<DocumentDiagnosticReport & { items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId: first.resultId,
    });
    assert.equal(second.kind, 'full');
    assert.equal(byCode(second.items, 'amount-words').length, 0);

    // Well past the push delay (150 ms): nothing may be pushed to a pulling client.
    await client.expectNoNotification('textDocument/publishDiagnostics', (p) => (p as PublishDiagnosticsParams).uri === uri, 750);
    assert.equal(client.published(uri).length, 0);
  });

  it('answers unchanged to a pull after an edit that moves no diagnostic, and full after one that does', async () => {
    const { text } = fixture('lease.contract.md');
    const uri = 'file:///virtual/pulled-unchanged.contract.md';
    await client.open(uri, text);
    type Report = DocumentDiagnosticReport & { items?: Diagnostic[]; resultId: string };
    const first = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(first.kind, 'full');
    const last = text.split('\n').length - 1;
    await client.change(uri, [{ range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, text: '\n' }]);
    const same = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.deepEqual([same.kind, same.resultId], ['unchanged', first.resultId], 'the client keeps the list it has');
    // A line inserted above the title moves every diagnostic below it: the whole list comes again, at its new lines.
    const title = text.split('\n').findIndex((line) => line.startsWith('# '));
    await client.change(uri, [{ range: { start: { line: title, character: 0 }, end: { line: title, character: 0 } }, text: '\n' }]);
    const moved = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: same.resultId });
    assert.equal(moved.kind, 'full');
    assert.ok(first.items!.some((d) => d.range.start.line > title));
    assert.deepEqual(
      moved.items!.map((d) => d.range.start.line),
      first.items!.map((d) => d.range.start.line + (d.range.start.line >= title ? 1 : 0)),
    );
    await client.close(uri);
  });

  it('asks the client to pull again when the settings change', async () => {
    const since = client.serverRequests.length;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForServerRequest('workspace/diagnostic/refresh', since);
  });
});

describe('documentation links', () => {
  const { uri, text } = fixture('service.contract.md');
  type Report = DocumentDiagnosticReport & { items?: Diagnostic[]; resultId: string };

  it('are on every diagnostic for a client that does not say it adds them', async () => {
    const client = await LspClient.start({ capabilities: PULL_CAPABILITIES });
    try {
      await client.open(uri, text);
      const { items } = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
      assert.ok(items!.length > 3);
      for (const d of items!) assert.equal(d.codeDescription?.href, `https://github.com/clausemark/clausemark/blob/main/docs/checks.md#${String(d.code)}`);
    } finally {
      await client.stop();
    }
  });

  it('are left out, pushed or pulled, for a client that adds them from the code (clientAddsDocsLinks)', async () => {
    for (const capabilities of [PUSH_CAPABILITIES, PULL_CAPABILITIES]) {
      const client = await LspClient.start({ capabilities, initializationOptions: { clientAddsDocsLinks: true } });
      try {
        await client.open(uri, text);
        const diagnostics =
          capabilities === PULL_CAPABILITIES
            ? (await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } })).items!
            : await client.diagnosticsFor(uri, 1);
        assert.ok(byCode(diagnostics, 'unused-field').length === 1 && diagnostics.length > 3);
        assert.ok(
          diagnostics.every((d) => d.codeDescription === undefined && typeof d.code === 'string'),
          'no link travels; the code to build it from does',
        );
      } finally {
        await client.stop();
      }
    }
  });

  it('come again, for a client that adds them, when docsBaseUrl changes though no diagnostic did', async () => {
    const client = await LspClient.start({ capabilities: PULL_CAPABILITIES, initializationOptions: { clientAddsDocsLinks: true } });
    try {
      await client.open(uri, text);
      const first = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
      client.settings = { docsBaseUrl: 'https://example.test/docs' };
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const again = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
      assert.equal(again.kind, 'full', 'an unchanged report would keep the links made from the old base');
      assert.deepEqual(again.items, first.items);
    } finally {
      await client.stop();
    }
  });
});

describe('workspace configuration files', () => {
  it('reads .clausemark.json, re-checks when it changes, and reports a broken file once', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const folder = mkdtempSync(join(tmpdir(), 'clausemark-lsp-'));
    const configPath = join(folder, '.clausemark.json');
    writeFileSync(configPath, JSON.stringify({ checks: { 'unfilled-blank': 'off' } }));
    const client = await LspClient.start({
      capabilities: { ...PUSH_CAPABILITIES, workspace: { ...PUSH_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolder: folder,
    });
    try {
      const registration = await client.waitForServerRequest('client/registerCapability');
      assert.match(JSON.stringify(registration.params), /\*\*\/\{\.clausemark\.json,\.clausemark\.yaml,\.clausemark\.yml\}/);

      const uri = pathToFileURL(join(folder, 'sub', 'deal.contract.md')).href;
      const text = '# Deal\n\nBuyer: ____\n';
      await client.open(uri, text);
      assert.deepEqual(await client.diagnosticsFor(uri, 1), [], 'the file turns unfilled-blank off');

      writeFileSync(configPath, '{ "checks": { "unfilled-blank": "error" }, "checkz": 1 }');
      let since = client.notifications.length;
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 2 }] });
      const republished = await client.waitForNotification<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, since);
      assert.deepEqual(
        republished.diagnostics.map((d) => [d.code, d.severity]),
        [['unfilled-blank', 1]],
      );
      const message = await client.waitForNotification<{ type: number; message: string }>('window/showMessage', () => true);
      assert.match(message.message, /\.clausemark\.json: Unknown setting "checkz"/);

      // Re-checking again does not repeat the message.
      since = client.notifications.length;
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).href, type: 2 }] });
      // The same settings give the same list: the server says it is unchanged rather than pushing it again.
      await client.waitForNotification('clausemark/diagnosticsUnchanged', (p: { uri: string }) => p.uri === uri, since);
      assert.equal(client.notifications.filter((n) => n.method === 'window/showMessage').length, 1);
    } finally {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
