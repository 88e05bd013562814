// Proves the end-to-end harness with the throwaway fixture extension: it
// activates in a real VS Code on a contract, its diagnostics reach the
// Problems panel at exact UTF-16 positions, and its command edits the file.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { runSuite, screenshot, test, waitFor } from '../../support/index.js';

const FIXTURE_ID = 'clausemark-test.clausemark-e2e-fixture';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** The fixture's warnings for a file, as plain data that prints well in a failed assertion. */
function fixtureWarnings(uri: vscode.Uri) {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'clausemark-fixture')
    .map(({ range, message, severity }) => ({ line: range.start.line, from: range.start.character, to: range.end.character, message, severity }));
}

export function run(): Promise<void> {
  const contract = workspaceFile('service.contract.md');
  const notes = workspaceFile('notes.md');
  let originalText = '';

  return runSuite('harness (fixture extension)', [
    test('runs in a real VS Code with the fixture workspace and extension', async () => {
      assert.equal(vscode.workspace.workspaceFolders?.[0]?.name, 'fixture-workspace');
      const extension = vscode.extensions.getExtension(FIXTURE_ID);
      assert.ok(extension, `${FIXTURE_ID} is loaded`);
      await waitFor('the fixture extension to activate', () => extension.isActive);
      // With CLAUSEMARK_E2E_VSIX the extension must come from the installed package, not the source folder.
      const fromVsix = Boolean(process.env.CLAUSEMARK_E2E_VSIX);
      assert.equal(extension.extensionPath.includes('fixture-extension'), !fromVsix, `extension loaded from ${extension.extensionPath}`);
      const ui = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
      console.log(`    VS Code ${vscode.version}, UI ${ui}, remote ${vscode.env.remoteName ?? 'none'}, extension from ${extension.extensionPath}`);
    }),

    test('warns about each TBD in a contract at its exact UTF-16 position, and not in other Markdown', async () => {
      // The notes are opened first: once the contract's warnings are there, the notes' open event was handled too.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
      const document = await vscode.workspace.openTextDocument(contract);
      originalText = document.getText();
      await vscode.window.showTextDocument(document);
      const warnings = await waitFor('two warnings on the contract', () => {
        const found = fixtureWarnings(contract);
        return found.length === 2 && found;
      });
      const message = "Placeholder 'TBD' must be filled before signing.";
      assert.deepEqual(warnings, [
        // "Party B (乙方): TBD": the CJK characters are one code unit each.
        { line: 3, from: 14, to: 17, message, severity: vscode.DiagnosticSeverity.Warning },
        // The emoji before it is two UTF-16 code units, so TBD starts at 47, not 46.
        { line: 7, from: 47, to: 50, message, severity: vscode.DiagnosticSeverity.Warning },
      ]);
      assert.deepEqual(fixtureWarnings(notes), []);
    }),

    test('shows the warnings in the Problems panel', async () => {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      const shot = await screenshot('problems-panel');
      if (shot) assert.ok(existsSync(shot), `screenshot written to ${shot}`);
    }),

    test('the fill command replaces every placeholder, leaves the rest byte-identical, and the warnings go away', async () => {
      const filled = await vscode.commands.executeCommand<number>('clausemarkFixture.fillPlaceholders');
      assert.equal(filled, 2);
      await waitFor('the warnings to disappear', () => fixtureWarnings(contract).length === 0);
      const document = await vscode.workspace.openTextDocument(contract);
      assert.equal(document.getText(), originalText.replaceAll('TBD', 'N/A'));
      await screenshot('after-fill');
      // Leave the document as it is on disk. Revert acts on the focused editor,
      // and the Problems panel holds the focus now: give it back first.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitFor('the contract to be reverted', () => !document.isDirty && document.getText() === originalText);
    }),
  ]);
}
