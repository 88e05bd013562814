/**
 * A small LSP client for tests: starts the built server (`dist/server.cjs
 * --stdio`) as a child process and speaks JSON-RPC to it over its stdio, as
 * an editor would. Notifications are recorded and awaited by predicate.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection, type RequestType } from 'vscode-jsonrpc/node.js';
import type {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  Range,
  TextDocumentContentChangeEvent,
  TextDocumentEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

const here = dirname(fileURLToPath(import.meta.url));
/** The project root, from `out/test/lsp/`. */
export const ROOT = resolve(here, '..', '..', '..');
export const SERVER = resolve(ROOT, 'dist', 'server.cjs');
export const FIXTURES = resolve(ROOT, 'test', 'fixtures', 'lsp');
export { REFERENCE_PATH as REFERENCE_AGREEMENT, NEEDS_REFERENCE } from '../support/reference.js';

/** How long any single wait may take before the test fails instead of hanging. */
export const WAIT_LIMIT_MS = 10_000;

export function fixture(name: string): { uri: string; text: string; path: string } {
  const path = resolve(FIXTURES, name);
  return { uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8'), path };
}

/** Capabilities of a client that receives pushed diagnostics. */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true }, configuration: true },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    synchronization: { dynamicRegistration: false },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

/** Capabilities of a client that pulls diagnostics (`textDocument/diagnostic`). */
export const PULL_CAPABILITIES: ClientCapabilities = {
  ...PUSH_CAPABILITIES,
  workspace: { ...PUSH_CAPABILITIES.workspace, diagnostics: { refreshSupport: true }, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
};

interface Recorded {
  readonly method: string;
  readonly params: unknown;
}

export interface StartOptions {
  readonly capabilities?: ClientCapabilities;
  /** What the client answers to `workspace/configuration` for the `clausemark` section. */
  readonly settings?: Record<string, unknown>;
  readonly workspaceFolder?: string;
  readonly initializationOptions?: unknown;
}

export class LspClient {
  readonly notifications: Recorded[] = [];
  /** Anything on the server's stdout that was not a well-formed LSP message. */
  readonly protocolErrors: string[] = [];
  /** Server → client requests received, by method. */
  readonly serverRequests: Recorded[] = [];
  readonly initializeResult: InitializeResult;
  settings: Record<string, unknown>;
  private readonly waiters = new Set<() => void>();
  private readonly documents = new Map<string, TextDocument>();
  private stderr = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    initializeResult: InitializeResult,
    settings: Record<string, unknown>,
  ) {
    this.initializeResult = initializeResult;
    this.settings = settings;
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
  }

  /** Starts the built server and completes the `initialize`/`initialized` handshake. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const holder: { client?: LspClient } = {};
    const settings = { ...(options.settings ?? {}) };
    connection.onNotification((method, params) => {
      holder.client?.record(method, params);
    });
    connection.onRequest((method, params) => {
      holder.client?.serverRequests.push({ method, params });
      holder.client?.wake();
      switch (method) {
        case 'workspace/configuration': {
          const items = (params as { items: Array<{ section?: string }> }).items;
          return items.map((item) => (item.section === 'clausemark' ? (holder.client?.settings ?? settings) : null));
        }
        default:
          return null;
      }
    });
    connection.onError(([error]) => holder.client?.protocolErrors.push(String(error?.message ?? error)));
    connection.listen();
    const folder = options.workspaceFolder ?? FIXTURES;
    const result = (await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'fixtures' }],
      capabilities: options.capabilities ?? PUSH_CAPABILITIES,
      // Skipped pushes are reported, so that a test can wait for the diagnostics of any version (see diagnosticsFor).
      initializationOptions:
        options.initializationOptions === undefined || (typeof options.initializationOptions === 'object' && options.initializationOptions !== null)
          ? { reportUnchangedDiagnostics: true, ...(options.initializationOptions ?? {}) }
          : options.initializationOptions,
    })) as InitializeResult;
    const client = new LspClient(child, connection, result, settings);
    holder.client = client;
    await connection.sendNotification('initialized', {});
    return client;
  }

  private record(method: string, params: unknown): void {
    this.notifications.push({ method, params });
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /**
   * Sends a request: one declared in server/src/protocol.ts (params and result typed by its
   * declaration), or a standard LSP method by name.
   */
  request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R>;
  request<R>(method: string, params: unknown): Promise<R>;
  request(typeOrMethod: string | RequestType<unknown, unknown, void>, params: unknown): Promise<unknown> {
    return typeof typeOrMethod === 'string' ? this.connection.sendRequest(typeOrMethod, params) : this.connection.sendRequest(typeOrMethod, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /**
   * Resolves with the first notification (already received from `since` on, or
   * still to come) that satisfies the predicate; rejects after WAIT_LIMIT_MS.
   */
  waitForNotification<P>(method: string, predicate: (params: P) => boolean = () => true, since = 0): Promise<P> {
    return this.waitFor(`notification ${method}`, () => {
      const found = this.notifications.slice(since).find((n) => n.method === method && predicate(n.params as P));
      return found ? (found.params as P) : undefined;
    });
  }

  /**
   * Asserts that no matching notification arrives within `windowMs`. The only
   * way to observe an absence is to watch for a while: callers pick a window
   * several times the server's diagnostics delay.
   */
  async expectNoNotification(method: string, predicate: (params: unknown) => boolean, windowMs: number): Promise<void> {
    const since = this.notifications.length;
    const seen = await new Promise<Recorded | undefined>((resolveWait) => {
      const check = () => {
        const found = this.notifications.slice(since).find((n) => n.method === method && predicate(n.params));
        if (found) done(found);
      };
      const timer = setTimeout(() => done(undefined), windowMs);
      const done = (found: Recorded | undefined) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolveWait(found);
      };
      this.waiters.add(check);
    });
    if (seen) throw new Error(`Unexpected ${method}: ${JSON.stringify(seen.params).slice(0, 300)}`);
  }

  /** Resolves when the server has sent a request with this method (e.g. a refresh). */
  waitForServerRequest(method: string, since = 0): Promise<Recorded> {
    return this.waitFor(`server request ${method}`, () => this.serverRequests.slice(since).find((r) => r.method === method));
  }

  private waitFor<T>(what: string, look: () => T | undefined): Promise<T> {
    return new Promise<T>((resolvePromise, reject) => {
      const check = () => {
        const found = look();
        if (found === undefined) return;
        cleanup();
        resolvePromise(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out waiting for ${what}. Server stderr:\n${this.stderr}`));
      }, WAIT_LIMIT_MS);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /**
   * The diagnostics the client shows for `uri` at exactly `version`: pushed for
   * it, or, where the server skipped the push as unchanged, the last ones pushed before.
   */
  diagnosticsFor(uri: string, version: number, since = 0): Promise<Diagnostic[]> {
    return this.waitFor(`diagnostics of ${uri} at version ${version}`, () => {
      for (let i = since; i < this.notifications.length; i++) {
        const { method, params } = this.notifications[i]!;
        const p = params as { uri?: string; version?: number };
        if (p?.uri !== uri || p.version !== version) continue;
        if (method === 'textDocument/publishDiagnostics') return (params as PublishDiagnosticsParams).diagnostics;
        if (method === 'clausemark/diagnosticsUnchanged') return this.lastPublishedBefore(uri, i);
      }
      return undefined;
    });
  }

  private lastPublishedBefore(uri: string, index: number): Diagnostic[] {
    for (let i = index - 1; i >= 0; i--) {
      const { method, params } = this.notifications[i]!;
      if (method === 'textDocument/publishDiagnostics' && (params as PublishDiagnosticsParams).uri === uri)
        return (params as PublishDiagnosticsParams).diagnostics;
    }
    throw new Error(`${uri}: unchanged, but nothing was published before`);
  }

  published(uri: string): PublishDiagnosticsParams[] {
    return this.notifications
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishDiagnosticsParams).uri === uri)
      .map((n) => n.params as PublishDiagnosticsParams);
  }

  /** Opens a document; the client keeps its own copy to apply edits to. */
  async open(uri: string, text: string, languageId = 'clausemark', version = 1): Promise<TextDocument> {
    const document = TextDocument.create(uri, languageId, version, text);
    this.documents.set(uri, document);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return document;
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`not open: ${uri}`);
    return document;
  }

  /** Sends incremental changes and applies them to the client's copy; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const current = this.document(uri);
    const version = current.version + 1;
    const next = TextDocument.update(TextDocument.create(uri, current.languageId, current.version, current.getText()), changes, version);
    this.documents.set(uri, next);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Shuts the server down politely and waits for the process to end. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolveExit) => {
      if (this.child.exitCode !== null) resolveExit(this.child.exitCode);
      else this.child.once('exit', (code) => resolveExit(code));
    });
    try {
      await this.request('shutdown', null);
      await this.notify('exit', null);
    } catch {
      // Already gone: the exit code tells.
    }
    const timer = setTimeout(() => this.child.kill(), WAIT_LIMIT_MS);
    const code = await exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }

  get stderrText(): string {
    return this.stderr;
  }
}

export interface ServerOptions extends StartOptions {
  /** Documents to open once the server is up. */
  readonly open?: ReadonlyArray<{ readonly uri: string; readonly text: string }>;
}

/**
 * One server for the tests of the enclosing `describe`: started (with `open` opened) before its
 * first test, shut down after its last. Call it in the `describe` body; the client it returns
 * works inside tests and hooks, once the server has started.
 */
export function withServer(options: ServerOptions = {}): LspClient {
  let started: LspClient | undefined;
  before(async () => {
    started = await LspClient.start(options);
    for (const { uri, text } of options.open ?? []) await started.open(uri, text);
  });
  after(async () => {
    await started?.stop();
  });
  // A stand-in, because the client exists only once `before` has run.
  return new Proxy({} as LspClient, {
    get(_, key) {
      if (!started) throw new Error('withServer: the server starts before the first test; use its client inside tests and hooks');
      const value: unknown = Reflect.get(started, key, started);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}

/** Applies LSP text edits to a text the way an editor does. */
export function applyTextEdits(document: TextDocument, edits: ReadonlyArray<{ range: Range; newText: string }>): string {
  return TextDocument.applyEdits(document, [...edits]);
}

/** The edits a `WorkspaceEdit` makes to `uri`, whether given as `documentChanges` or `changes`. */
export function editsFor(
  edit: WorkspaceEdit | null | undefined,
  uri: string,
): { version: number | null | undefined; edits: Array<{ range: Range; newText: string }> } {
  if (!edit) return { version: undefined, edits: [] };
  if (edit.documentChanges) {
    const change = edit.documentChanges.find((c) => 'textDocument' in c && c.textDocument.uri === uri) as TextDocumentEdit | undefined;
    return { version: change?.textDocument.version, edits: (change?.edits ?? []) as Array<{ range: Range; newText: string }> };
  }
  return { version: undefined, edits: edit.changes?.[uri] ?? [] };
}

/** Zero-based line and UTF-16 character of the first occurrence of `needle` (after `from` occurrences). */
export function positionOf(text: string, needle: string, occurrence = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found (occurrence ${occurrence})`);
  }
  const document = TextDocument.create('x:', 'x', 0, text);
  return document.positionAt(at);
}
