/**
 * Pushes diagnostics to clients that do not pull them: one run per document,
 * shortly after its last change, never a result for a version the user has
 * already edited past, and nothing when the list equals the one last sent
 * (most keystrokes move no diagnostic: the editor keeps what it shows).
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsUnchangedNotification } from '../protocol.js';
import { isContract, type AnalysisCache } from './analysis.js';
import { diagnosticsOf } from './features/diagnostics.js';
import { sameDiagnostics } from './sameDiagnostics.js';

/** Long enough to skip the states between keystrokes, short enough to feel immediate. */
export const DEFAULT_DIAGNOSTICS_DELAY_MS = 150;

export class DiagnosticsPusher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The newest version published (or found unchanged) per uri, so nothing older follows it, and the list the client shows. */
  private readonly published = new Map<string, { readonly version: number; readonly diagnostics: readonly Diagnostic[]; readonly docsBaseUrl: string }>();
  /** `clausemark.diagnosticsDelay` as last read for each document. */
  private readonly delays = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: AnalysisCache,
    /** Until a document's settings are read: the client's `initializationOptions.diagnosticsDelay`, else the default. */
    private readonly defaultDelay = DEFAULT_DIAGNOSTICS_DELAY_MS,
    /** Whether the client asked to hear of the pushes skipped as unchanged. */
    private readonly reportUnchanged = false,
    /** `false`: the client links diagnostics to their docs itself (`clientAddsDocsLinks`). */
    private readonly docsLinks = true,
    /** Called after each run that published or found the list unchanged. */
    private readonly onPublished: () => void = () => {},
  ) {}

  /** Schedules a run for `uri`, replacing one still waiting. */
  schedule(uri: string, delay = this.delays.get(uri) ?? this.defaultDelay): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri);
      }, delay),
    );
  }

  /** Re-checks every open document, e.g. after the settings changed. */
  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri, 0);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** The document was closed: drop what is pending and clear what was shown. */
  clear(uri: string): void {
    this.cancel(uri);
    this.published.delete(uri);
    this.delays.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async run(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document || !isContract(document)) return;
    const version = document.version;
    try {
      const analysis = await this.analyses.get(document);
      this.delays.set(uri, analysis.settings.diagnosticsDelay ?? this.defaultDelay);
      // An edit while the settings were read makes this result stale: the edit scheduled its own run.
      const current = this.documents.get(uri);
      if (!current || current.version !== version) return;
      const last = this.published.get(uri);
      if (last !== undefined && last.version > version) return;
      const diagnostics = diagnosticsOf(analysis, this.docsLinks);
      const { docsBaseUrl } = analysis.settings;
      this.published.set(uri, { version, diagnostics, docsBaseUrl });
      // A new docs base is a change even where no list shows it: a client that links diagnostics itself links them again.
      if (last !== undefined && sameDiagnostics(last.diagnostics, diagnostics) && last.docsBaseUrl === docsBaseUrl) {
        if (this.reportUnchanged) await this.connection.sendNotification(DiagnosticsUnchangedNotification, { uri, version });
        this.onPublished();
        return;
      }
      await this.connection.sendDiagnostics({ uri, version, diagnostics });
      this.onPublished();
    } catch (error) {
      this.connection.console.error(`Checking ${uri} failed: ${String((error as Error)?.stack ?? error)}`);
    }
  }
}
