/**
 * `clausemark-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>`:
 * the Clausemark language server for any LSP client.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { SERVER_NAME, startServer } from './server.js';
import { currentDocument } from './workingOn.js';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h') || !args.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(`${t}=`)))) {
  // Without a transport there is no protocol stream yet, so stderr is free to explain.
  process.stderr.write(
    `Usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n` +
      'The Clausemark language server for contracts written in Markdown (*.contract.md).\n' +
      'Editor set-ups: docs/editors.md. Custom requests and settings: docs/protocol.md.\n',
  );
  process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
}

/**
 * An error nothing else caught ends the server (its state can no longer be
 * trusted; the editor restarts it), but first the log names the document it
 * was working on, so the contract that broke it can be found and reported.
 */
function crash(error: unknown): never {
  const uri = currentDocument();
  process.stderr.write(`[clausemark] the language server crashed${uri ? ` while working on ${uri}` : ''}: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(70);
}
process.on('uncaughtException', crash);
// A promise nobody awaited (a refresh the client refused) is logged, not fatal.
process.on('unhandledRejection', (reason) =>
  process.stderr.write(
    `[clausemark] unhandled rejection${currentDocument() ? ` while working on ${currentDocument()}` : ''}: ${String((reason as Error)?.stack ?? reason)}\n`,
  ),
);

startServer(createConnection(ProposedFeatures.all));
