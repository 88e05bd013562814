/**
 * `clausemark-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>`:
 * the Clausemark language server for any LSP client.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { reportCrashes } from '../node/workingOn.js';
import { SERVER_NAME, startServer } from './server.js';

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

reportCrashes('the language server');
startServer(createConnection(ProposedFeatures.all));
