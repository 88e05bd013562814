// The Clausemark extension in a real VS Code: it activates on a contract,
// the server's diagnostics reach the editor, a quick fix applies, a clause
// snippet inserts checked fields, the preview renders, and export writes files.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { runSuite, screenshot, test, waitFor } from '../../support/index.js';

const EXTENSION_ID = 'clausemark.clausemark';

interface PreviewState {
  readonly version: number;
  readonly title: string;
  readonly panelTitle: string;
  readonly gapCount: number;
  readonly renderedGaps: number;
  readonly renderedProblems: number;
  readonly textSample: string;
  readonly theme: string;
  readonly colors: { readonly background: string; readonly text: string };
}

/** Relative luminance of a CSS rgb()/rgba() colour, 0 (black) to 1 (white). */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Number(v) / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Clausemark's diagnostics on a file, as plain data that prints well in a failed assertion. */
function clausemarkDiagnostics(uri: vscode.Uri) {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'clausemark')
    .map((d) => ({
      code: typeof d.code === 'object' ? String(d.code.value) : String(d.code),
      /** The documentation link the Problems panel and the hover show on the code. */
      link: typeof d.code === 'object' ? d.code.target.toString(true) : undefined,
      line: d.range.start.line,
      character: d.range.start.character,
      message: d.message,
      range: d.range,
    }));
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

/**
 * The real agreement when it is beside the project (../shared/reference, never
 * copied in); otherwise a stand-in written for these tests, so a fresh clone
 * runs every test. What the tests check is the same for both: each gap found
 * where it stands, the preview and the exports showing them all.
 */
function sampleAgreement(root: string) {
  const reference = process.env.CLAUSEMARK_REFERENCE ?? join(root, '..', 'shared', 'reference', 'ai-training-agreement.zh.txt');
  if (existsSync(reference)) return { source: reference, gaps: 31, firstGap: [6, 14] as const };
  console.log(`    reference agreement absent (${reference}): using test/e2e/stand-in/agreement.zh.txt`);
  return { source: join(root, 'test', 'e2e', 'stand-in', 'agreement.zh.txt'), gaps: 12, firstGap: [2, 8] as const };
}

/** The language server process: the extension host's child running dist/server.cjs. */
function serverPid(): number | undefined {
  try {
    const pids = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'server.cjs'], { encoding: 'utf8' })
      .trim()
      .split('\n');
    return pids[0] ? Number(pids[0]) : undefined;
  } catch {
    return undefined;
  }
}

export function run(): Promise<void> {
  const root = process.env.CLAUSEMARK_E2E_PROJECT_ROOT;
  assert.ok(root, 'the runner passes the project root');
  const sample = sampleAgreement(root);
  const reference = workspaceFile('reference.contract.md');
  const mistakes = workspaceFile('mistakes.contract.md');
  const draft = workspaceFile('draft.contract.md');
  let api: { previewState(uri: vscode.Uri): PreviewState | undefined; activationMs: number } | undefined;

  return runSuite('extension (Clausemark in VS Code)', [
    test('activates when the reference agreement opens as a contract', async () => {
      copyFileSync(sample.source, reference.fsPath);
      const editor = await open(reference);
      assert.equal(editor.document.languageId, 'clausemark');
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is installed`);
      const exported = await waitFor('the extension to activate', () => extension.isActive && (extension.exports as NonNullable<typeof api>));
      api = exported;
      console.log(`    VS Code ${vscode.version}, extension from ${extension.extensionPath}, activated in ${exported.activationMs} ms`);
      assert.ok(exported.activationMs > 0);
    }),

    test('shows one warning on each gap of the agreement', async () => {
      const gaps = await waitFor(`${sample.gaps} unfilled-blank diagnostics`, () => {
        const found = clausemarkDiagnostics(reference).filter((d) => d.code === 'unfilled-blank');
        return found.length === sample.gaps && found;
      });
      assert.equal(clausemarkDiagnostics(reference).length, sample.gaps, 'nothing else is reported');
      // The first gap, in UTF-16 code units (the reference: line 7, after 甲方(数据提供方/委托方):).
      assert.deepEqual([gaps[0]!.line, gaps[0]!.character], [...sample.firstGap]);
      // The server sends no link (the client said it adds them); each diagnostic still links to its check's docs.
      assert.deepEqual(new Set(gaps.map((d) => d.link)), new Set(['https://github.com/clausemark/clausemark/blob/main/docs/checks.md#unfilled-blank']));
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await screenshot('problems-reference');
    }),

    test('Next Gap moves the cursor to the first gap', async () => {
      const editor = await open(reference);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await vscode.commands.executeCommand('clausemark.nextGap');
      await waitFor(
        'the cursor on the first gap',
        () => editor.selection.start.line === sample.firstGap[0] && editor.selection.start.character === sample.firstGap[1],
      );
    }),

    test('opens the preview beside the editor and the webview shows every gap', async () => {
      await open(reference);
      await vscode.commands.executeCommand('clausemark.openPreviewToSide');
      const state = await waitFor('the preview to render', () => api?.previewState(reference));
      assert.equal(state.gapCount, sample.gaps);
      assert.equal(state.renderedGaps, sample.gaps, 'the webview DOM holds one element per gap');
      assert.match(state.textSample, new RegExp(`尚有 ${sample.gaps} 处待填`));
      assert.doesNotMatch(state.textSample, /____/);
      await screenshot('preview-reference');
    }),

    test('reports the planted mistakes and applies the amount-words quick fix', async () => {
      const editor = await open(mistakes);
      const words = await waitFor('the amount-words error', () => clausemarkDiagnostics(mistakes).find((d) => d.code === 'amount-words'));
      assert.equal(words.line, 11);
      assert.equal(words.link, 'https://github.com/clausemark/clausemark/blob/main/docs/checks.md#amount-words');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        mistakes,
        words.range,
        vscode.CodeActionKind.QuickFix.value,
        10,
      );
      const fix = actions.find((a) => a.kind?.value === 'quickfix' && /肆拾捌万元整/.test(a.title));
      assert.ok(fix?.edit, `a quick fix rewrites the words; got ${actions.map((a) => a.title).join(' | ')}`);
      const figure = actions.find((a) => a.kind?.value === 'quickfix' && a.title === '按大写改写小写：500000');
      assert.ok(figure?.edit, `a quick fix rewrites the figure; got ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(!fix.isPreferred && !figure.isPreferred, 'neither side is preferred: the drafter decides');
      // Fix All must leave the disagreement alone (the 大写 may be the one meant).
      const before = editor.document.getText();
      await vscode.commands.executeCommand('clausemark.fixAll');
      assert.match(editor.document.getText(), /480000元（大写：伍拾万元整）/, 'Fix All did not pick a side');
      // The light-bulb menu as a drafter sees it.
      editor.selection = new vscode.Selection(words.range.start, words.range.start);
      editor.revealRange(words.range);
      await vscode.commands.executeCommand('editor.action.quickFix');
      await new Promise((resolve) => setTimeout(resolve, 1500)); // the widget animates in; nothing to poll from the API
      await screenshot('quick-fix-amount-words');
      await vscode.commands.executeCommand('hideCodeActionWidget');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(editor.document.getText(), before.replace('伍拾万元整', '肆拾捌万元整'), 'only the words changed');
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the amount-words error to disappear', () => !clausemarkDiagnostics(mistakes).some((d) => d.code === 'amount-words'));
    }),

    test('inserts a clause snippet whose fields are checked at once', async () => {
      const editor = await open(draft);
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'clausemark', name: 'Clausemark (en): Confidentiality' });
      await waitFor('the snippet text', () => /Confidential/i.test(editor.document.getText()));
      // Leave snippet mode so every tab stop keeps its default field name.
      await vscode.commands.executeCommand('leaveSnippet');
      const unfilled = await waitFor("unfilled-field warnings for the clause's fields", () => {
        const found = clausemarkDiagnostics(draft).filter((d) => d.code === 'unfilled-field');
        return found.length > 0 && found;
      });
      assert.ok(
        unfilled.every((d) => d.line >= end.line),
        'the warnings are on the inserted clause',
      );
      assert.ok(!clausemarkDiagnostics(draft).some((d) => d.code === 'undefined-field'), 'every placeholder of the clause is typed');
    }),

    test('exports the contract to DOCX and HTML and the files open', async () => {
      await open(reference);
      const docx = workspaceFile('reference.docx');
      const html = workspaceFile('reference.html');
      const writtenDocx = await vscode.commands.executeCommand<vscode.Uri | undefined>('clausemark.export', { format: 'docx', uri: docx, force: true });
      const writtenHtml = await vscode.commands.executeCommand<vscode.Uri | undefined>('clausemark.export', { format: 'html', uri: html, force: true });
      assert.equal(writtenDocx?.fsPath, docx.fsPath);
      assert.equal(writtenHtml?.fsPath, html.fsPath);
      assert.ok(existsSync(docx.fsPath) && readFileSync(docx.fsPath).subarray(0, 2).toString() === 'PK', 'a DOCX (zip) file was written');
      const page = await vscode.workspace.openTextDocument(html);
      assert.match(page.getText(), /<article class="clausemark"/);
      assert.doesNotMatch(page.getText(), /<script/i);
      assert.equal((page.getText().match(/class="cm-gap"/g) ?? []).length, sample.gaps);
    }),

    test('contracts open without ambiguous-character boxes, wrapped, with CJK word separators', async () => {
      const editor = await open(reference);
      const settings = vscode.workspace.getConfiguration('editor', editor.document);
      assert.equal(settings.get('unicodeHighlight.ambiguousCharacters'), false);
      assert.equal(settings.get('wordWrap'), 'on');
      const separators = settings.get<string>('wordSeparators') ?? '';
      for (const mark of '，。、；：（）《》“”') assert.ok(separators.includes(mark), `word separators include ${mark}`);
      editor.selection = new vscode.Selection(6, 0, 6, 0);
      editor.revealRange(new vscode.Range(0, 0, 30, 0), vscode.TextEditorRevealType.AtTop);
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await screenshot('editor-chinese-contract');
    }),

    test('a field chosen inside auto-closed braces leaves the cursor after them', async () => {
      const editor = await open(draft);
      const line = editor.document.lineAt(editor.document.lineCount - 1);
      await editor.edit((edit) => edit.insert(line.range.end, '\n\nThe Client pays '));
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      // Typed as a drafter types: VS Code closes `{{` to `{{}}`.
      await vscode.commands.executeCommand('type', { text: '{' });
      await vscode.commands.executeCommand('type', { text: '{' });
      await waitFor('the auto-closed braces', () => editor.document.lineAt(end.line).text.endsWith('{{}}'));
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await new Promise((resolve) => setTimeout(resolve, 2000)); // the suggest widget has no API to poll
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      await waitFor('a field name between the braces', () => /\{\{[^{}]+\}\}$/.test(editor.document.lineAt(end.line).text));
      await vscode.commands.executeCommand('type', { text: ' now' });
      const written = editor.document.lineAt(end.line).text;
      assert.match(written, /^The Client pays \{\{[^{}]+\}\} now$/, `the next word goes after the braces: ${written}`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }),

    test('the preview follows the active contract and names its file in the tab', async () => {
      await open(reference);
      await vscode.commands.executeCommand('clausemark.openPreviewToSide');
      await waitFor('the preview of the reference', () => api?.previewState(reference));
      await open(mistakes);
      const state = await waitFor('the preview to follow to mistakes.contract.md', () => api?.previewState(mistakes));
      assert.match(state.panelTitle, /mistakes\.contract\.md$/);
      assert.equal((state.textSample.match(/数据标注服务合同/g) ?? []).length, 1, `the title once: ${state.textSample.slice(0, 120)}`);
      assert.match(state.textSample, /尚有 \d+ 处待填/);
      await screenshot('preview-follows');
    }),

    test("Go to Definition on a reference's link text lands on the clause", async () => {
      const uri = workspaceFile('refs.contract.md');
      const text = '# 合同\n\n## 一、费用 {#fees}\n\n甲方付款。\n\n## 二、违约\n\n违反第[一](#fees)条的，承担责任。\n';
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
      await open(uri);
      const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
        'vscode.executeDefinitionProvider',
        uri,
        new vscode.Position(8, 4),
      );
      const target = locations?.[0];
      const range = target && ('targetRange' in target ? target.targetRange : target.range);
      assert.equal(range?.start.line, 2, 'the labelled clause');
    }),

    test('an empty contract offers the templates on its first line, and New Contract fills it', async () => {
      const uri = workspaceFile('new.contract.md');
      await vscode.workspace.fs.writeFile(uri, new Uint8Array());
      const editor = await open(uri);
      const lenses = await waitFor('the template lenses', async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        return found && found.length === 4 && found;
      });
      assert.deepEqual(
        lenses.map((l) => l.command?.arguments),
        [
          ['zh-CN', 'full'],
          ['zh-CN', 'short'],
          ['en', 'full'],
          ['en', 'short'],
        ],
      );
      await screenshot('empty-contract-lenses');
      await vscode.commands.executeCommand('clausemark.newContract', 'zh-CN', 'short');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the same file, not Untitled-1');
      assert.match(editor.document.getText(), /^---\n[\s\S]*## 一、/);
      await waitFor('gap warnings on the filled template', () => clausemarkDiagnostics(uri).some((d) => d.code === 'unfilled-field'));
      assert.deepEqual(
        clausemarkDiagnostics(uri)
          .filter((d) => d.code !== 'unfilled-field' && d.code !== 'unfilled-blank')
          .map((d) => d.message),
        [],
      );
      await vscode.commands.executeCommand('workbench.action.files.save');
    }),

    test('in a Chinese contract, 总费用 chosen inside {{}} is followed by 元, not swallowed', async () => {
      const uri = workspaceFile('new.contract.md');
      const editor = await open(uri);
      const last = editor.document.lineAt(editor.document.lineCount - 1);
      await editor.edit((edit) => edit.insert(last.range.end, '\n\n预付款为人民币'));
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('type', { text: '{' });
      await vscode.commands.executeCommand('type', { text: '{' });
      await waitFor('the auto-closed braces', () => editor.document.lineAt(end.line).text.endsWith('{{}}'));
      await vscode.commands.executeCommand('type', { text: '总' });
      await new Promise((resolve) => setTimeout(resolve, 2000)); // the suggest widget has no API to poll
      await screenshot('completion-fields');
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      await waitFor('总费用 between the braces', () => editor.document.lineAt(end.line).text.endsWith('{{总费用}}'));
      await vscode.commands.executeCommand('type', { text: '元' });
      assert.equal(editor.document.lineAt(end.line).text, '预付款为人民币{{总费用}}元');
      await waitFor('no undefined-field', () => !clausemarkDiagnostics(uri).some((d) => d.code === 'undefined-field'));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }),

    test('in a Chinese contract, cm-fees typed without an IME inserts the Chinese fees clause first', async () => {
      const uri = workspaceFile('new.contract.md');
      const editor = await open(uri);
      const last = editor.document.lineAt(editor.document.lineCount - 1);
      await editor.edit((edit) => edit.insert(last.range.end, '\n\n'));
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      await vscode.commands.executeCommand('type', { text: 'cm-fees' });
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await new Promise((resolve) => setTimeout(resolve, 2000)); // the suggest widget has no API to poll
      await screenshot('completion-clauses');
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      // The one-page template already has 二、服务费用及支付: the inserted one is a second.
      const inserted = await waitFor('a clause in place of cm-fees', () => !editor.document.getText().includes('cm-fees') && editor.document.getText());
      assert.equal((inserted.match(/、服务费用及支付/g) ?? []).length, 2, inserted.slice(-600));
      assert.doesNotMatch(inserted, /Fees and Payment/);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }),

    test('a Chinese hover uses full-width colons', async () => {
      const uri = workspaceFile('new.contract.md');
      await open(uri);
      const document = await vscode.workspace.openTextDocument(uri);
      const at = document.positionAt(document.getText().indexOf('{{总费用}}') + 3);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /类型：`money`（金额）/);
      assert.match(text, /取值：/);
    }),

    test('Insert Clause reuses the field the contract already has (准确率, not 准确率下限)', async () => {
      const uri = workspaceFile('targets.contract.md');
      const text = '---\nlocale: zh-CN\nfields:\n  准确率: { type: percent, value: 95 }\n---\n# 模型训练合同\n\n## 一、总则\n\n模型准确率不低于{{准确率}}%。\n';
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
      const editor = await open(uri);
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      assert.ok(await vscode.commands.executeCommand('clausemark.insertClause', 'training-targets'));
      const inserted = editor.document.getText();
      assert.match(inserted, /准确率不低于\{\{准确率\}\}%；/);
      assert.doesNotMatch(inserted, /准确率下限/);
      await waitFor('the inserted clause checked', () => clausemarkDiagnostics(uri).some((d) => d.code === 'unfilled-field'));
      assert.ok(!clausemarkDiagnostics(uri).some((d) => d.code === 'undefined-field' || d.code === 'duplicate-field'));
    }),

    test('the walkthrough opens with its five steps', async () => {
      const walkthroughs = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.walkthroughs;
      assert.equal(walkthroughs?.[0]?.steps?.length, 5);
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#clausemark.gettingStarted`, false);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await screenshot('walkthrough');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }),

    test('Import Word Document… turns the exported DOCX back into a contract beside it, with the same gaps', async () => {
      const docx = workspaceFile('imported.docx');
      copyFileSync(workspaceFile('reference.docx').fsPath, docx.fsPath);
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('clausemark.importDocx', docx);
      const contract = workspaceFile('imported.contract.md');
      assert.equal(written?.fsPath, contract.fsPath);
      const editor = await waitFor(
        'the imported contract to open',
        () => vscode.window.activeTextEditor?.document.uri.fsPath === contract.fsPath && vscode.window.activeTextEditor,
      );
      assert.equal(editor.document.languageId, 'clausemark');
      // The agreement's gaps (31 in the reference, 12 in the stand-in a fresh clone uses) survive the round trip.
      const gaps = await waitFor(`${sample.gaps} gap warnings on the imported contract`, () => {
        const found = clausemarkDiagnostics(contract).filter((d) => d.code === 'unfilled-blank');
        return found.length === sample.gaps && found;
      });
      assert.equal(gaps.length, sample.gaps);
    }),

    test('a preview opened under a dark theme renders every gap in dark colours', async () => {
      // Its own state: no preview or editor left from the tests before, a light theme to start from.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await waitFor('no preview open', () => api?.previewState(reference) === undefined);
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
      try {
        await waitFor('a dark theme', () => vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Dark);
        await open(reference);
        await vscode.commands.executeCommand('clausemark.openPreviewToSide');
        const state = await waitFor('the preview to render in the dark theme', () => {
          const s = api?.previewState(reference);
          return s?.theme === 'vscode-dark' && s;
        });
        assert.equal(state.renderedGaps, sample.gaps);
        assert.ok(luminance(state.colors.background) < 0.2, `a dark page: ${state.colors.background}`);
        assert.ok(luminance(state.colors.text) > 0.5, `light text on it: ${state.colors.text}`);
        await screenshot('preview-reference-dark');
      } finally {
        await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      }
    }),

    test('a crashed language server is restarted and checks again', async () => {
      const before = serverPid();
      assert.ok(before, 'the language server runs as a child of the extension host');
      process.kill(before, 'SIGKILL');
      const after = await waitFor('a new language server process', () => {
        const pid = serverPid();
        return pid !== undefined && pid !== before && pid;
      });
      assert.notEqual(after, before);
      const editor = await open(mistakes);
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await editor.edit((edit) => edit.insert(end, '\n签署日期：2026年2月31日\n'));
      await waitFor('a diagnostic from the restarted server', () =>
        clausemarkDiagnostics(mistakes).some((d) => d.code === 'invalid-date' && d.line > end.line),
      );
    }),
  ]);
}
