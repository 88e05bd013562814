import * as vscode from 'vscode';
import { FIX_ALL_KIND } from '../../../server/src/protocol.js';
import type { ClientContext } from '../context.js';

/** Fix All: applies the server's `source.fixAll.clausemark` action to the active contract and says what it changed. */
export async function fixAll(context: ClientContext): Promise<boolean> {
  const editor = context.activeContractEditor();
  if (!editor || !context.runningClient()) return false;
  const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, whole, FIX_ALL_KIND);
  const action = actions?.find((a) => a.kind?.value === FIX_ALL_KIND);
  if (!action?.edit) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to fix automatically.'));
    return false;
  }
  const edits = action.edit.get(editor.document.uri);
  const applied = await vscode.workspace.applyEdit(action.edit);
  if (applied && edits.length > 0) void vscode.window.showInformationMessage(changeReport(edits));
  return applied;
}

/** `Fix All made 2 changes, on lines 12 and 40.`: the drafter sees where to look before saving. */
export function changeReport(edits: readonly vscode.TextEdit[]): string {
  const lines = [...new Set(edits.map((e) => e.range.start.line + 1))].sort((a, b) => a - b);
  const shown = lines.length > 8 ? `${lines.slice(0, 8).join(', ')}, …` : lines.join(', ');
  return edits.length === 1
    ? vscode.l10n.t('Fix All made 1 change, on line {0}.', shown)
    : vscode.l10n.t('Fix All made {0} changes, on lines {1}.', edits.length, shown);
}
