import * as vscode from 'vscode';
import { LANGUAGE_ID, NewContractRequest } from '../../../server/src/protocol.js';
import type { ClientContext } from '../context.js';

/** New Contract: a whole agreement scaffolded from the clause library, in a new editor. */
export async function newContract(context: ClientContext, locale?: 'zh-CN' | 'en'): Promise<vscode.TextDocument | undefined> {
  const client = context.runningClient();
  if (!client) return undefined;
  let chosen = locale;
  if (!chosen) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: '中文合同', description: 'zh-CN', locale: 'zh-CN' as const },
        { label: 'English contract', description: 'en', locale: 'en' as const },
      ],
      { title: vscode.l10n.t('New contract'), placeHolder: vscode.l10n.t('Language of the contract') },
    );
    if (!picked) return undefined;
    chosen = picked.locale;
  }
  const { text } = await client.sendRequest(NewContractRequest, { locale: chosen });
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
  await vscode.window.showTextDocument(document);
  return document;
}
