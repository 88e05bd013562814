import * as vscode from 'vscode';
import { ExportRequest } from '../../../server/src/protocol.js';
import type { ClientContext } from '../context.js';

/**
 * Export… writes the preview's rendering as HTML or DOCX. Gaps stay visible
 * unless the user asks for blank lines, and a contract with errors asks first.
 */
export async function exportContract(
  context: ClientContext,
  target?: { format?: 'html' | 'docx'; showGaps?: boolean; uri?: vscode.Uri; force?: boolean },
): Promise<vscode.Uri | undefined> {
  const editor = context.activeContractEditor();
  const client = context.runningClient();
  if (!editor || !client) return undefined;
  const document = editor.document;
  let format = target?.format;
  let showGaps = target?.showGaps ?? true;
  if (!format) {
    const choices = [
      { label: 'HTML', description: vscode.l10n.t('gaps highlighted'), format: 'html' as const, showGaps: true },
      { label: 'DOCX', description: vscode.l10n.t('gaps highlighted'), format: 'docx' as const, showGaps: true },
      { label: 'HTML', description: vscode.l10n.t('gaps as blank lines to fill in by hand'), format: 'html' as const, showGaps: false },
      { label: 'DOCX', description: vscode.l10n.t('gaps as blank lines to fill in by hand'), format: 'docx' as const, showGaps: false },
    ];
    const picked = await vscode.window.showQuickPick(choices, { title: vscode.l10n.t('Export contract'), placeHolder: vscode.l10n.t('Choose a format') });
    if (!picked) return undefined;
    format = picked.format;
    showGaps = picked.showGaps;
  }
  const result = await client.sendRequest(ExportRequest, { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) }, format, showGaps });
  if (!result) return undefined;
  if (result.errorCount > 0 && !target?.force) {
    const go = vscode.l10n.t('Export anyway');
    const answer = await vscode.window.showWarningMessage(
      result.errorCount === 1
        ? vscode.l10n.t('This contract still has 1 error. Export it anyway?')
        : vscode.l10n.t('This contract still has {0} errors. Export it anyway?', result.errorCount),
      { modal: true },
      go,
    );
    if (answer !== go) return undefined;
  }
  const suggested = document.uri.with({ path: document.uri.path.replace(/(\.contract)?\.md$/, '') + `.${format}` });
  const uri = target?.uri ?? (await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [format.toUpperCase()]: [format] } }));
  if (!uri) return undefined;
  const bytes = result.encoding === 'base64' ? Buffer.from(result.data, 'base64') : Buffer.from(result.data, 'utf8');
  await vscode.workspace.fs.writeFile(uri, bytes);
  const open = vscode.l10n.t('Open');
  if (!target?.uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}', uri.fsPath), open).then((answer) => {
      if (answer === open) void vscode.env.openExternal(uri);
    });
  }
  return uri;
}
