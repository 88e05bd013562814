import * as vscode from 'vscode';
import { LANGUAGE_ID, NewContractRequest, type ContractSize } from '../../../server/src/protocol.js';
import type { ClientContext } from '../context.js';

/**
 * New Contract: an agreement scaffolded from the clause library (the whole
 * library, or one page). It fills the active contract when that is empty, as
 * a drafter who just created `new.contract.md` expects, else a new editor.
 */
export async function newContract(context: ClientContext, locale?: 'zh-CN' | 'en', size?: ContractSize): Promise<vscode.TextDocument | undefined> {
  const client = context.runningClient();
  if (!client) return undefined;
  let chosen = locale ? { locale, size: size ?? 'full' } : undefined;
  if (!chosen) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: '中文合同', description: vscode.l10n.t('full template'), locale: 'zh-CN' as const, size: 'full' as const },
        { label: '中文合同', description: vscode.l10n.t('one page'), locale: 'zh-CN' as const, size: 'short' as const },
        { label: 'English contract', description: vscode.l10n.t('full template'), locale: 'en' as const, size: 'full' as const },
        { label: 'English contract', description: vscode.l10n.t('one page'), locale: 'en' as const, size: 'short' as const },
      ],
      { title: vscode.l10n.t('New contract'), placeHolder: vscode.l10n.t('Language of the contract') },
    );
    if (!picked) return undefined;
    chosen = picked;
  }
  const { text } = await client.sendRequest(NewContractRequest, { locale: chosen.locale, size: chosen.size });
  const active = vscode.window.activeTextEditor;
  if (active && active.document.languageId === LANGUAGE_ID && active.document.getText().trim() === '') {
    const document = active.document;
    const whole = new vscode.Range(new vscode.Position(0, 0), document.positionAt(document.getText().length));
    await active.edit((edit) => edit.replace(whole, text));
    active.selection = new vscode.Selection(0, 0, 0, 0);
    return document;
  }
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
  await vscode.window.showTextDocument(document);
  return document;
}
