import * as vscode from 'vscode';
import { ImportDocxRequest } from '../../../server/src/protocol.js';
import type { ClientContext } from '../context.js';

export interface ImportTarget {
  /** The .docx to import; asked for when absent. */
  readonly uri?: vscode.Uri;
  readonly typed?: boolean;
  /** Overwrite an existing FILE.contract.md without asking (for tests and scripts). */
  readonly overwrite?: boolean;
}

/**
 * Import Word Document…: converts a .docx in the language server (the same
 * import as `clausemark import`), writes FILE.contract.md beside it, asks
 * before replacing a file of that name, and opens the contract.
 */
export async function importDocx(context: ClientContext, target: ImportTarget = {}): Promise<vscode.Uri | undefined> {
  const client = context.runningClient();
  if (!client) return undefined;
  const source =
    target.uri ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [vscode.l10n.t('Word documents')]: ['docx'] },
        title: vscode.l10n.t('Import Word document'),
      })
    )?.[0];
  if (!source) return undefined;
  const destination = source.with({ path: `${source.path.replace(/\.docx$/i, '')}.contract.md` });
  if (!target.overwrite && (await exists(destination))) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} already exists. Replace it with the imported contract?', vscode.workspace.asRelativePath(destination)),
      { modal: true },
      replace,
    );
    if (answer !== replace) return undefined;
  }
  const bytes = await vscode.workspace.fs.readFile(source);
  const locale = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}…', vscode.workspace.asRelativePath(source)) },
    () => client.sendRequest(ImportDocxRequest, { data: Buffer.from(bytes).toString('base64'), typed: target.typed, locale }),
  );
  if (!result.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot import {0}: {1}.', vscode.workspace.asRelativePath(source), result.message));
    return undefined;
  }
  await vscode.workspace.fs.writeFile(destination, Buffer.from(result.text, 'utf8'));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(destination));
  if (result.changes > 0 || result.comments > 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Imported with {0} tracked changes accepted and {1} comments; they are listed at the top of the contract.',
        result.changes,
        result.comments,
      ),
    );
  }
  return destination;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
