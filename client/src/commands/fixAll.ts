import * as vscode from 'vscode';
import { FIX_ALL_KIND } from '../../../server/src/protocol.js';
import type { ClientContext } from '../context.js';

/** Fix All: applies the server's `source.fixAll.clausemark` action to the active contract. */
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
  return vscode.workspace.applyEdit(action.edit);
}
