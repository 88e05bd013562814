/**
 * The Clausemark language server: a thin adapter over the contract core.
 * Every request about a contract has one shape: find the document, return an
 * empty result when it is gone or is not a contract, otherwise ask the core
 * (through a feature module) and convert offsets to positions on the way out.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type CodeActionParams,
  type CompletionParams,
  type RenameParams,
  type DocumentDiagnosticParams,
  type Connection,
  type InitializeParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clauseChoices, diagnosticsDelay, newContractText } from '../core/index.js';
import { ClauseLibrary, bundledLibraryDir, WORKSPACE_CLAUSES } from '../node/clauseLibrary.js';
import { workingOn } from '../node/workingOn.js';
import { Workspace } from '../node/workspace.js';
import { CONFIG_FILE_NAMES } from '../node/workspaceConfig.js';
import * as protocol from '../protocol.js';
import { AheadOfTime } from './aheadOfTime.js';
import { WARM_UP_SETTINGS, WarmUp, warmUpTextsToCompose } from './warmUp.js';
import { AnalysisCache, isContract, type Analysis } from './analysis.js';
import { ChangeLog } from './changeLog.js';
import { CODE_ACTION_OPTIONS, codeActions, resolveCodeAction } from './features/codeActions.js';
import { codeLenses } from './features/codeLens.js';
import { completion, COMPLETION_OPTIONS } from './features/completion.js';
import { exportDocument } from './features/export.js';
import { foldingRanges } from './features/folding.js';
import { gapItems } from './features/gaps.js';
import { hover } from './features/hover.js';
import { inlayHints } from './features/inlayHints.js';
import { insertClause } from './features/library.js';
import { documentLinks } from './features/links.js';
import { definition, prepareRename, references, rename } from './features/navigation.js';
import { preview } from './features/preview.js';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens, semanticTokensRange } from './features/semanticTokens.js';
import { documentSymbols } from './features/symbols.js';
import { importDocxRequest } from './importDocx.js';
import { DiagnosticsPuller } from './pulledDiagnostics.js';
import { DiagnosticsPusher } from './pushDiagnostics.js';
import { ClientSettings, SettingsStore } from './settings.js';

export const SERVER_NAME = 'clausemark-language-server';

/** What the client said it can do, read once at `initialize`. */
const CLIENT_SUPPORT = {
  pullDiagnostics: (c: ClientCapabilities) => c.textDocument?.diagnostic !== undefined,
  diagnosticRefresh: (c: ClientCapabilities) => c.workspace?.diagnostics?.refreshSupport === true,
  configuration: (c: ClientCapabilities) => c.workspace?.configuration === true,
  documentChanges: (c: ClientCapabilities) => c.workspace?.workspaceEdit?.documentChanges === true,
  /** The client asks for a code action's edit with `codeAction/resolve` once the user picks it. */
  resolveCodeActionEdits: (c: ClientCapabilities) => c.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
  watchedFilesRegistration: (c: ClientCapabilities) => c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
  configurationRegistration: (c: ClientCapabilities) => c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
  workspaceFolderChanges: (c: ClientCapabilities) => c.workspace?.workspaceFolders === true,
  inlayHintRefresh: (c: ClientCapabilities) => c.workspace?.inlayHint?.refreshSupport === true,
  codeLensRefresh: (c: ClientCapabilities) => c.workspace?.codeLens?.refreshSupport === true,
  semanticTokensRefresh: (c: ClientCapabilities) => c.workspace?.semanticTokens?.refreshSupport === true,
};
type ClientSupport = { readonly [K in keyof typeof CLIENT_SUPPORT]: boolean };

function readClientSupport(capabilities: ClientCapabilities): ClientSupport {
  return Object.fromEntries(Object.entries(CLIENT_SUPPORT).map(([name, read]) => [name, read(capabilities)])) as ClientSupport;
}

/** A request about one contract: the capability that announces it, what its params must hold, its answer without a contract. */
interface ContractRequest {
  readonly capability: ServerCapabilities;
  readonly needs: ReadonlyArray<'position' | 'range'>;
  readonly empty: unknown;
  feature(analysis: Analysis, params: never): unknown;
}

function request<P>(
  capability: ServerCapabilities,
  needs: ContractRequest['needs'],
  empty: unknown,
  feature: (analysis: Analysis, params: P) => unknown,
): ContractRequest {
  return { capability, needs, empty, feature };
}

/** After the clause library is read (200 ms after the first answer), which the rehearsal composes its contracts from. */
const WARM_UP_AFTER_ANSWER_MS = 400;

/** Wires every handler to `connection` and starts listening. */
export function startServer(connection: Connection): void {
  const changes = new ChangeLog();
  // Every edit is recorded as offsets on its way in, so analyses can reparse incrementally.
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (document, events, version) => (isContract(document) ? changes.apply(document, events, version) : TextDocument.update(document, events, version)),
  });
  const warn = (line: string) => connection.console.warn(line);
  const workspace = new Workspace();
  const library = new ClauseLibrary(warn, bundledLibraryDir(), () => workspace.folders);
  // Read once the first contract has been answered (not before: the first diagnostics must not wait for it), and again after a change.
  const libraryAhead = new AheadOfTime(() => library.readAhead(), warn);
  // After the library is read, a rehearsal warms the analysis up before the drafter's first keystrokes.
  const warmUp = new WarmUp(() => warmUpTextsToCompose(library.templates()), WARM_UP_SETTINGS, warn);
  const warmUpAhead = new AheadOfTime(() => warmUp.start(), warn, WARM_UP_AFTER_ANSWER_MS);
  let firstAnswered = false;
  const answered = () => {
    if (firstAnswered) return;
    firstAnswered = true;
    libraryAhead.schedule();
    warmUpAhead.schedule();
  };
  const libraryChanged = () => {
    library.invalidate();
    if (firstAnswered) libraryAhead.schedule();
  };
  let support = readClientSupport({});
  let client = new ClientSettings(connection, false, () => workspace.folders);
  let store = new SettingsStore(client);
  let analyses = new AnalysisCache(store, changes, (uri) => workspace.dataAccess(uri), warn);
  let pusher: DiagnosticsPusher | undefined;
  let puller = new DiagnosticsPuller();

  const requests: Record<string, ContractRequest> = {
    'textDocument/hover': request({ hoverProvider: true }, ['position'], null, hover),
    'textDocument/completion': request({ completionProvider: COMPLETION_OPTIONS }, ['position'], null, (a, p: CompletionParams) =>
      completion(a, p, library.templates()),
    ),
    'textDocument/definition': request({ definitionProvider: true }, ['position'], null, definition),
    'textDocument/references': request({ referencesProvider: true }, ['position'], [], references),
    'textDocument/prepareRename': request({}, ['position'], null, prepareRename),
    'textDocument/rename': request({ renameProvider: { prepareProvider: true } }, ['position'], null, (a, p: RenameParams) => rename(a, p, support)),
    'textDocument/documentSymbol': request({ documentSymbolProvider: { label: 'Clausemark' } }, [], [], documentSymbols),
    'textDocument/foldingRange': request({ foldingRangeProvider: true }, [], [], foldingRanges),
    'textDocument/documentLink': request({ documentLinkProvider: { resolveProvider: false } }, [], [], documentLinks),
    'textDocument/semanticTokens/full': request(
      { semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true } },
      [],
      { data: [] },
      semanticTokens,
    ),
    'textDocument/semanticTokens/range': request({}, ['range'], { data: [] }, semanticTokensRange),
    'textDocument/inlayHint': request({ inlayHintProvider: { resolveProvider: false } }, ['range'], [], inlayHints),
    'textDocument/codeLens': request({ codeLensProvider: { resolveProvider: false } }, [], [], codeLenses),
    'textDocument/codeAction': request({ codeActionProvider: CODE_ACTION_OPTIONS }, ['range'], [], (a, p: CodeActionParams) => codeActions(a, p, support)),
    // Announced only to clients that pull (see onInitialize); the others get diagnostics pushed.
    'textDocument/diagnostic': request({}, [], { kind: 'full', items: [] }, (a, p: DocumentDiagnosticParams) => {
      // Never answer for a version the user has already edited past; the client asks again.
      if (documents.get(a.uri)?.version !== a.version)
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while it was checked.', { retriggerRequest: true });
      return puller.report(a, p.previousResultId);
    }),
    [protocol.GapsRequest.method]: request({}, [], null, gapItems),
    [protocol.PreviewRequest.method]: request({}, [], null, preview),
    [protocol.InsertClauseRequest.method]: request({}, ['position'], null, (a, p: protocol.InsertClauseParams) => insertClause(a, p, library.templates())),
    [protocol.ExportRequest.method]: request({}, [], null, exportDocument),
  };

  connection.onInitialize((params: InitializeParams) => {
    support = readClientSupport(params.capabilities ?? {});
    const options = params.initializationOptions as (protocol.ClausemarkInitializationOptions & { diagnosticsDelay?: unknown }) | undefined;
    workspace.open(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []), options?.workspaceTrusted !== false);
    client = new ClientSettings(connection, support.configuration, () => workspace.folders);
    store = new SettingsStore(client);
    analyses = new AnalysisCache(store, changes, (uri) => workspace.dataAccess(uri), warn);
    const delay = diagnosticsDelay(options?.diagnosticsDelay);
    // Any other value than `true` keeps the links: an editor that does not know the option still shows them.
    const docsLinks = options?.clientAddsDocsLinks !== true;
    puller = new DiagnosticsPuller(docsLinks);
    pusher = support.pullDiagnostics
      ? undefined
      : new DiagnosticsPusher(connection, documents, analyses, delay, options?.reportUnchangedDiagnostics === true, docsLinks, answered);
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...Object.assign({}, ...Object.values(requests).map((r) => r.capability)),
      ...(support.pullDiagnostics ? { diagnosticProvider: { identifier: 'clausemark', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
    return { capabilities, serverInfo: { name: SERVER_NAME } };
  });

  connection.onInitialized(() => {
    if (support.configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: protocol.SETTINGS_SECTION });
    if (support.watchedFilesRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` }, { globPattern: `**/${WORKSPACE_CLAUSES}/*.md` }],
      });
    }
    if (support.workspaceFolderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        workspace.change(
          event.added.map((f) => f.uri),
          event.removed.map((f) => f.uri),
        );
        libraryChanged();
        settingsChanged();
      });
    }
  });

  /** Settings or a workspace file changed: forget them and re-check what is open. */
  const settingsChanged = () => {
    store.invalidate();
    if (pusher) pusher.scheduleAll();
    else if (support.diagnosticRefresh) connection.languages.diagnostics.refresh();
    if (support.inlayHintRefresh) void connection.languages.inlayHint.refresh();
    if (support.codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh');
    if (support.semanticTokensRefresh) connection.languages.semanticTokens.refresh();
  };
  connection.onNotification(protocol.WorkspaceTrustedNotification, () => {
    workspace.trusted = true;
    settingsChanged();
  });
  connection.onDidChangeConfiguration((params) => {
    client.receive(params?.settings);
    settingsChanged();
  });
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((change) => CONFIG_FILE_NAMES.some((name) => change.uri.endsWith(`/${name}`)))) settingsChanged();
    if (params.changes.some((change) => change.uri.includes(`/${WORKSPACE_CLAUSES}/`))) libraryChanged();
  });

  documents.onDidChangeContent(({ document }) => {
    warmUp.noteActivity();
    if (pusher && isContract(document)) pusher.schedule(document.uri);
  });
  documents.onDidClose(({ document }) => {
    analyses.forget(document.uri);
    puller.forget(document.uri);
    store.forget(document.uri);
    if (pusher && isContract(document)) pusher.clear(document.uri);
  });

  /** The common shape: a request names a document; without it as a contract the answer is `empty`. */
  const handle =
    (method: string, { needs, empty, feature }: ContractRequest) =>
    async (params: { textDocument?: { uri?: unknown } } | undefined): Promise<unknown> => {
      warmUp.noteActivity();
      const uri = params?.textDocument?.uri;
      if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${method}: textDocument.uri is required`);
      for (const need of needs) {
        const value = (params as Record<string, unknown>)[need];
        if (!(need === 'position' ? isPosition(value) : isRange(value)))
          throw new ResponseError(ErrorCodes.InvalidParams, `${method}: a valid ${need} is required`);
      }
      const document = documents.get(uri);
      if (!document || !isContract(document)) return empty;
      const analysis = await analyses.get(document);
      try {
        return workingOn(uri, 0, warn, () => feature(analysis, params as never));
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        connection.console.error(`${method} failed on ${uri}: ${String((error as Error)?.stack ?? error)}`);
        return empty;
      } finally {
        answered();
      }
    };
  for (const [method, contractRequest] of Object.entries(requests)) connection.onRequest(method, handle(method, contractRequest));

  connection.onCodeActionResolve(async (action) => {
    const data = protocol.readCodeActionData(action.data);
    const document = data ? documents.get(data.uri) : undefined;
    if (!document || !isContract(document)) return action;
    return resolveCodeAction(await analyses.get(document), action, support.documentChanges);
  });
  connection.onRequest(protocol.ClausesRequest, async (params) => {
    const document = params?.textDocument?.uri ? documents.get(params.textDocument.uri) : undefined;
    const locale = params?.locale ?? (document && isContract(document) ? (await analyses.get(document)).doc.contractLocale : 'zh-CN');
    return clauseChoices(library.templates(), locale);
  });
  connection.onRequest(protocol.ImportDocxRequest, importDocxRequest);
  connection.onRequest(protocol.NewContractRequest, (params) => {
    if (params?.locale !== 'zh-CN' && params?.locale !== 'en')
      throw new ResponseError(ErrorCodes.InvalidParams, 'clausemark/newContract: locale must be zh-CN or en');
    return { text: newContractText(library.templates(), params.locale, { ids: params.ids, title: params.title, size: params.size }) };
  });

  documents.listen(connection);
  connection.listen();
}

function isPosition(value: unknown): boolean {
  const p = value as { line?: unknown; character?: unknown } | null | undefined;
  return (
    typeof p?.line === 'number' && typeof p.character === 'number' && p.line >= 0 && p.character >= 0 && Number.isFinite(p.line) && Number.isFinite(p.character)
  );
}

function isRange(value: unknown): boolean {
  const r = value as { start?: unknown; end?: unknown } | null | undefined;
  return isPosition(r?.start) && isPosition(r?.end);
}
