import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { docsLinksMiddleware } from './docsLinks.js';
import { restartingErrorHandler } from './restartPolicy.js';
import { LANGUAGE_ID, type ClausemarkInitializationOptions } from '../../server/src/protocol.js';

/**
 * Starts the bundled language server over IPC. The client adds nothing of its
 * own to the protocol: every contract feature comes from the server, and the
 * client only links diagnostics to their docs (see docsLinks.ts).
 */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.cjs'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'clausemark' },
    outputChannelName: 'Clausemark',
    markdown: { isTrusted: false, supportHtml: false },
    // In an untrusted workspace the server reads no `data:` files until trust is granted.
    initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted, clientAddsDocsLinks: true } satisfies ClausemarkInitializationOptions,
    middleware: docsLinksMiddleware,
    errorHandler: restartingErrorHandler(() => client.outputChannel.show(true)),
  };
  const client = new LanguageClient('clausemark', 'Clausemark', serverOptions, clientOptions);
  return client;
}
