/**
 * The Clausemark language server: a thin adapter over the contract core.
 * Every handler has one shape: find the document, return an empty result when
 * it is gone or is not a contract, otherwise ask the core (through a feature
 * module) and convert offsets to positions on the way out.
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
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { dirname, sep } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from '../node/workspaceConfig.js';
import {
  ClausesRequest,
  WorkspaceTrustedNotification,
  type ClausemarkInitializationOptions,
  ExportRequest,
  GapsRequest,
  InsertClauseRequest,
  NewContractRequest,
  PreviewRequest,
} from '../protocol.js';
import { ImportDocxRequest } from '../protocol.js';
import { importDocxRequest } from './importDocx.js';
import { exportDocument } from './features/export.js';
import { clauseList, insertClause, newContract } from './features/library.js';
import { AnalysisCache, isContract, type Analysis } from './analysis.js';
import { ChangeLog } from './changeLog.js';
import { ClauseLibrary, bundledLibraryDir } from '../node/clauseLibrary.js';
import { codeActionData, codeActions, CODE_ACTION_KINDS, resolveCodeAction } from './features/codeActions.js';
import { codeLenses } from './features/codeLens.js';
import { isEmptyContract, starterItems, starterLenses } from './features/starters.js';
import { completion, COMPLETION_TRIGGERS } from './features/completion.js';
import { foldingRanges } from './features/folding.js';
import { gapItems } from './features/gaps.js';
import { hover } from './features/hover.js';
import { inlayHints } from './features/inlayHints.js';
import { preview } from './features/preview.js';
import { documentLinks } from './features/links.js';
import { definition, prepareRename, references, rename } from './features/navigation.js';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from './features/semanticTokens.js';
import { documentSymbols } from './features/symbols.js';
import { DiagnosticsPusher } from './pushDiagnostics.js';
import { DiagnosticsPuller } from './pulledDiagnostics.js';
import { diagnosticsDelay, filePath, SettingsStore } from './settings.js';
import { workingOn } from './workingOn.js';

export const SERVER_NAME = 'clausemark-language-server';

/** A workspace's own clause templates, beside the bundled library. */
const WORKSPACE_CLAUSES = '.clausemark/clauses';

/** What the client said it can do, read once at `initialize`. */
interface ClientSupport {
  readonly pullDiagnostics: boolean;
  readonly diagnosticRefresh: boolean;
  readonly configuration: boolean;
  readonly documentChanges: boolean;
  /** The client asks for a code action's edit with `codeAction/resolve` once the user picks it. */
  readonly resolveCodeActionEdits: boolean;
  readonly watchedFilesRegistration: boolean;
  readonly configurationRegistration: boolean;
  readonly workspaceFolderChanges: boolean;
  readonly inlayHintRefresh: boolean;
  readonly codeLensRefresh: boolean;
  readonly semanticTokensRefresh: boolean;
}

function readClientSupport(capabilities: ClientCapabilities): ClientSupport {
  return {
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    configuration: capabilities.workspace?.configuration === true,
    documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    resolveCodeActionEdits: capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
    watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    configurationRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolderChanges: capabilities.workspace?.workspaceFolders === true,
    inlayHintRefresh: capabilities.workspace?.inlayHint?.refreshSupport === true,
    codeLensRefresh: capabilities.workspace?.codeLens?.refreshSupport === true,
    semanticTokensRefresh: capabilities.workspace?.semanticTokens?.refreshSupport === true,
  };
}

/** The capabilities announced to every client; pull diagnostics only to those that pull. */
export function serverCapabilities(pullDiagnostics: boolean): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: { label: 'Clausemark' },
    foldingRangeProvider: true,
    documentLinkProvider: { resolveProvider: false },
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
    inlayHintProvider: { resolveProvider: false },
    codeLensProvider: { resolveProvider: false },
    codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
    ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'clausemark', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

/** Wires every handler to `connection` and starts listening. */
export function startServer(connection: Connection): void {
  const changes = new ChangeLog();
  // Every edit is recorded as offsets on its way in, so analyses can reparse incrementally.
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (document, events, version) => {
      if (isContract(document)) changes.recordEvents(document, events, version);
      return TextDocument.update(document, events, version);
    },
  });
  let support = readClientSupport({});
  let folders: string[] = [];
  let store = new SettingsStore(connection, { configurationSupport: false, workspaceFolders: () => folders });
  let trusted = true;
  /** Where a contract's `data:` may read: inside the workspace folder that holds it, else its own folder. */
  const dataAccess = (uri: string) => {
    const contractPath = filePath(uri);
    if (!contractPath) return undefined;
    const holder = folders.filter((f) => contractPath.startsWith(f.endsWith(sep) ? f : f + sep)).sort((a, b) => b.length - a.length)[0];
    return { contractPath, root: holder ?? dirname(contractPath), trusted };
  };
  let analyses = new AnalysisCache(store, changes, dataAccess, (line) => connection.console.warn(line));
  let pusher: DiagnosticsPusher | undefined;
  const puller = new DiagnosticsPuller();
  const library = new ClauseLibrary(
    (message) => connection.console.warn(message),
    bundledLibraryDir(),
    () => folders,
  );

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    support = readClientSupport(params.capabilities ?? {});
    folders = workspaceFolderPaths(params);
    trusted = (params.initializationOptions as ClausemarkInitializationOptions | undefined)?.workspaceTrusted !== false;
    store = new SettingsStore(connection, { configurationSupport: support.configuration, workspaceFolders: () => folders });
    analyses = new AnalysisCache(store, changes, dataAccess, (line) => connection.console.warn(line));
    const initialDelay = diagnosticsDelay((params.initializationOptions as { diagnosticsDelay?: unknown } | undefined)?.diagnosticsDelay);
    const reportUnchanged = (params.initializationOptions as ClausemarkInitializationOptions | undefined)?.reportUnchangedDiagnostics === true;
    pusher = support.pullDiagnostics ? undefined : new DiagnosticsPusher(connection, documents, analyses, initialDelay, reportUnchanged);
    return { capabilities: serverCapabilities(support.pullDiagnostics), serverInfo: { name: SERVER_NAME } };
  });

  connection.onInitialized(() => {
    if (support.configurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'clausemark' });
    }
    if (support.watchedFilesRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` }, { globPattern: `**/${WORKSPACE_CLAUSES}/*.md` }],
      });
    }
    if (support.workspaceFolderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => filePath(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...event.added.flatMap((f) => filePath(f.uri) ?? [])];
        library.invalidate();
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
  connection.onNotification(WorkspaceTrustedNotification, () => {
    trusted = true;
    settingsChanged();
  });
  connection.onDidChangeConfiguration((params) => {
    store.receive(params?.settings);
    settingsChanged();
  });
  connection.onDidChangeWatchedFiles((params) => {
    const configChanged = params.changes.some((change) => CONFIG_FILE_NAMES.some((name) => change.uri.endsWith(`/${name}`)));
    if (configChanged) settingsChanged();
    if (params.changes.some((change) => change.uri.includes(`/${WORKSPACE_CLAUSES}/`))) library.invalidate();
  });

  documents.onDidChangeContent(({ document }) => {
    if (pusher && isContract(document)) pusher.schedule(document.uri);
  });
  documents.onDidClose(({ document }) => {
    analyses.forget(document.uri);
    puller.forget(document.uri);
    store.forget(document.uri);
    if (pusher && isContract(document)) pusher.clear(document.uri);
  });

  /**
   * The common shape: check the request names a document, find it, answer
   * `empty` when the server does not hold it as a contract, else run `feature`.
   */
  const handle =
    <P extends object, R>(method: string, empty: R, needs: ReadonlyArray<'position' | 'range'>, feature: (analysis: Analysis, params: P) => R) =>
    async (params: P): Promise<R> => {
      const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
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
        return workingOn(
          uri,
          0,
          (line) => connection.console.warn(line),
          () => feature(analysis, params),
        );
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        connection.console.error(`${method} failed on ${uri}: ${String((error as Error)?.stack ?? error)}`);
        return empty;
      }
    };

  connection.onHover(handle('textDocument/hover', null, ['position'], (a, p) => hover(a, p.position)));
  connection.onCompletion(
    handle('textDocument/completion', null, ['position'], (a, p) =>
      isEmptyContract(a)
        ? { isIncomplete: false, items: starterItems(a, (params) => newContract(params, library.templates()).text) }
        : completion(a, p.position, library.templates()),
    ),
  );
  connection.onDefinition(handle('textDocument/definition', null, ['position'], (a, p) => definition(a, p.position)));
  connection.onReferences(handle('textDocument/references', [], ['position'], (a, p) => references(a, p.position, p.context?.includeDeclaration !== false)));
  connection.onPrepareRename(handle('textDocument/prepareRename', null, ['position'], (a, p) => prepareRename(a, p.position)));
  connection.onRenameRequest(handle('textDocument/rename', null, ['position'], (a, p) => rename(a, p.position, p.newName, support.documentChanges)));
  connection.onDocumentSymbol(handle('textDocument/documentSymbol', [], [], (a) => documentSymbols(a)));
  connection.onFoldingRanges(handle('textDocument/foldingRange', [], [], (a) => foldingRanges(a)));
  connection.onDocumentLinks(handle('textDocument/documentLink', [], [], (a) => documentLinks(a)));
  connection.onCodeLens(handle('textDocument/codeLens', [], [], (a) => (isEmptyContract(a) ? starterLenses() : codeLenses(a))));
  connection.languages.semanticTokens.on(handle('textDocument/semanticTokens/full', { data: [] }, [], (a) => semanticTokens(a)));
  connection.languages.inlayHint.on(handle('textDocument/inlayHint', [], ['range'], (a, p) => inlayHints(a, p.range)));
  connection.onCodeAction(
    handle('textDocument/codeAction', [], ['range'], (a, p) => {
      if (!p.context || !Array.isArray(p.context.diagnostics))
        throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/codeAction: context.diagnostics is required');
      return codeActions(a, p, { documentChanges: support.documentChanges, resolveEdits: support.resolveCodeActionEdits });
    }),
  );
  connection.onCodeActionResolve(async (action) => {
    const data = codeActionData(action);
    const document = data ? documents.get(data.uri) : undefined;
    if (!document || !isContract(document)) return action;
    return resolveCodeAction(await analyses.get(document), action, support.documentChanges);
  });
  connection.onRequest(
    GapsRequest,
    handle('clausemark/gaps', null, [], (a) => gapItems(a)),
  );
  connection.onRequest(
    PreviewRequest,
    handle('clausemark/preview', null, [], (a, p) => preview(a, p)),
  );
  connection.onRequest(
    InsertClauseRequest,
    handle('clausemark/insertClause', null, ['position'], (a, p) => insertClause(a, p, library.templates())),
  );
  connection.onRequest(ExportRequest, async (params) => {
    const exported = await handle('clausemark/export', null, [], (a, p: typeof params) => exportDocument(a, p))(params);
    return exported ? await exported : null;
  });
  connection.onRequest(ClausesRequest, async (params) => {
    const document = params?.textDocument?.uri ? documents.get(params.textDocument.uri) : undefined;
    const locale = params?.locale ?? (document && isContract(document) ? (await analyses.get(document)).doc.contractLocale : 'zh-CN');
    return clauseList(library.templates(), locale);
  });
  connection.onRequest(ImportDocxRequest, importDocxRequest);
  connection.onRequest(NewContractRequest, (params) => {
    if (params?.locale !== 'zh-CN' && params?.locale !== 'en')
      throw new ResponseError(ErrorCodes.InvalidParams, 'clausemark/newContract: locale must be zh-CN or en');
    return newContract(params, library.templates());
  });

  connection.languages.diagnostics.on(async (params) => {
    const uri = params?.textDocument?.uri;
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/diagnostic: textDocument.uri is required');
    const document = documents.get(uri);
    if (!document || !isContract(document)) return { kind: 'full', items: [] };
    const version = document.version;
    const analysis = await analyses.get(document);
    // Never answer for a version the user has already edited past; the client asks again.
    if (documents.get(uri)?.version !== version) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while it was checked.', { retriggerRequest: true });
    }
    return puller.report(analysis, params.previousResultId);
  });

  documents.listen(connection);
  connection.listen();
}

function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.flatMap((uri) => filePath(uri) ?? []);
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
