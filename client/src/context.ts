import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node.js';
import { LANGUAGE_ID } from '../../server/src/protocol.js';

/**
 * The one object the extension's parts share (as rust-analyzer's client does):
 * the language client and the way to reach it safely.
 */
export class ClientContext {
  constructor(
    readonly extension: vscode.ExtensionContext,
    readonly client: LanguageClient,
  ) {}

  /** The running client, or a clear message and `undefined` when the server is not running. */
  runningClient(): LanguageClient | undefined {
    if (this.client.state === State.Running) return this.client;
    void vscode.window.showErrorMessage(vscode.l10n.t('The Clausemark language server is not running. See the "Clausemark" output for details.'));
    return undefined;
  }

  /** The running client, silently: for background updates that must not nag. */
  clientIfRunning(): LanguageClient | undefined {
    return this.client.state === State.Running ? this.client : undefined;
  }

  /** The active editor when it shows a contract; otherwise a message and `undefined`. */
  activeContractEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.languageId === LANGUAGE_ID) return editor;
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a contract (*.contract.md) first.'));
    return undefined;
  }
}
