import * as vscode from 'vscode';
import { SHOW_GAPS_COMMAND, WorkspaceTrustedNotification } from '../../server/src/protocol.js';
import { exportContract } from './commands/exportContract.js';
import { fixAll } from './commands/fixAll.js';
import { importDocx } from './commands/importDocx.js';
import { insertClause } from './commands/insertClause.js';
import { newContract } from './commands/newContract.js';
import { ClientContext } from './context.js';
import { goToGap, showGaps } from './gaps.js';
import { createLanguageClient } from './languageClient.js';
import { PreviewManager } from './preview/previewPanel.js';
import { GapStatusBar } from './statusBar.js';

let context: ClientContext | undefined;

/**
 * Starts the language server and wires the commands, the preview and the
 * status bar to it. Activation happens when a contract opens (contributed
 * languages activate their extension), so nothing here runs for other files.
 */
export async function activate(extension: vscode.ExtensionContext): Promise<ClausemarkApi> {
  const started = Date.now();
  const client = createLanguageClient(extension);
  context = new ClientContext(extension, client);
  const ctx = context;
  const previews = new PreviewManager(ctx);
  const openPreview = (toSide: boolean) => () => {
    const editor = ctx.activeContractEditor();
    if (editor) previews.open(editor.document, toSide);
  };
  extension.subscriptions.push(
    previews,
    vscode.commands.registerCommand('clausemark.openPreview', openPreview(false)),
    vscode.commands.registerCommand('clausemark.openPreviewToSide', openPreview(true)),
    vscode.commands.registerCommand('clausemark.export', (target?: Parameters<typeof exportContract>[1]) => exportContract(ctx, target)),
    vscode.commands.registerCommand('clausemark.insertClause', (id?: string) => insertClause(ctx, id)),
    vscode.commands.registerCommand('clausemark.nextGap', () => goToGap(ctx, 1)),
    vscode.commands.registerCommand('clausemark.previousGap', () => goToGap(ctx, -1)),
    vscode.commands.registerCommand('clausemark.fixAll', () => fixAll(ctx)),
    vscode.commands.registerCommand(SHOW_GAPS_COMMAND, (uri?: string | vscode.Uri) => showGaps(ctx, typeof uri === 'string' ? vscode.Uri.parse(uri) : uri)),
    vscode.commands.registerCommand('clausemark.newContract', (locale?: 'zh-CN' | 'en') => newContract(ctx, locale)),
    vscode.commands.registerCommand('clausemark.importDocx', (uri?: vscode.Uri, options?: Omit<Parameters<typeof importDocx>[1], 'uri'>) =>
      importDocx(ctx, { ...options, uri: uri instanceof vscode.Uri ? uri : undefined }),
    ),
    new GapStatusBar(ctx),
    { dispose: () => void client.stop() },
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client.sendNotification(WorkspaceTrustedNotification)),
  );
  await client.start();
  const activationMs = Date.now() - started;
  client.outputChannel.appendLine(`Clausemark activated in ${activationMs} ms (language server started).`);
  // Returned for tests in a real VS Code: what the preview webview reports it rendered.
  return { previewState: (uri) => previews.stateOf(uri), activationMs };
}

/** What the extension exports to other extensions and to its own end-to-end tests. */
export interface ClausemarkApi {
  previewState(uri: vscode.Uri): ReturnType<PreviewManager['stateOf']>;
  /** From `activate` being called to the language server answering `initialize`. */
  readonly activationMs: number;
}

export async function deactivate(): Promise<void> {
  await context?.client.stop();
  context = undefined;
}
