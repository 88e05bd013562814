// A throwaway extension that stands in for Clausemark while the harness is
// proven: it warns about every "TBD" left in a *.contract.md and offers a
// command that replaces them, so a test can see diagnostics come and go.
const vscode = require('vscode');

const PLACEHOLDER = /TBD/g;

/** True for the files Clausemark cares about. */
function isContract(document) {
  return document.uri.fsPath.endsWith('.contract.md');
}

/** One warning per placeholder; positions come from the document, so CJK text lands exactly. */
function placeholderDiagnostics(document) {
  const text = document.getText();
  return [...text.matchAll(PLACEHOLDER)].map((match) => {
    const range = new vscode.Range(document.positionAt(match.index), document.positionAt(match.index + match[0].length));
    const diagnostic = new vscode.Diagnostic(range, "Placeholder 'TBD' must be filled before signing.", vscode.DiagnosticSeverity.Warning);
    diagnostic.source = 'clausemark-fixture';
    diagnostic.code = 'unfilled-placeholder';
    return diagnostic;
  });
}

/** @param {vscode.ExtensionContext} context */
function activate(context) {
  const diagnostics = vscode.languages.createDiagnosticCollection('clausemark-fixture');
  const refresh = (document) => {
    if (isContract(document)) diagnostics.set(document.uri, placeholderDiagnostics(document));
  };
  vscode.workspace.textDocuments.forEach(refresh);
  context.subscriptions.push(
    diagnostics,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((event) => refresh(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.delete(document.uri)),
    vscode.commands.registerCommand('clausemarkFixture.fillPlaceholders', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !isContract(editor.document)) return 0;
      const document = editor.document;
      const edit = new vscode.WorkspaceEdit();
      const matches = [...document.getText().matchAll(PLACEHOLDER)];
      for (const match of matches) {
        edit.replace(document.uri, new vscode.Range(document.positionAt(match.index), document.positionAt(match.index + match[0].length)), 'N/A');
      }
      await vscode.workspace.applyEdit(edit);
      return matches.length;
    }),
  );
}

function deactivate() {}

module.exports = { activate, deactivate };
