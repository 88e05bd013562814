/**
 * Answers `textDocument/diagnostic` for clients that pull (VS Code does):
 * `unchanged` whenever the list equals the one the client holds, not only
 * when the version is the same, since most keystrokes move no diagnostic.
 */
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';
import type { Analysis } from './analysis.js';
import { diagnosticsOf } from './features/diagnostics.js';
import { sameDiagnostics } from './sameDiagnostics.js';

export class DiagnosticsPuller {
  /** The last full list answered per document, under its result id, and the docs base its links were made from. */
  private readonly answered = new Map<string, { readonly resultId: string; readonly diagnostics: readonly Diagnostic[]; readonly docsBaseUrl: string }>();

  /** `docsLinks: false`: the client links diagnostics to their docs itself (`clientAddsDocsLinks`). */
  constructor(private readonly docsLinks = true) {}

  report(analysis: Analysis, previousResultId: string | undefined): DocumentDiagnosticReport {
    const resultId = `${analysis.version}:${analysis.settings.generation}`;
    const last = this.answered.get(analysis.uri);
    if (last !== undefined && previousResultId === last.resultId) {
      if (previousResultId === resultId) return { kind: 'unchanged', resultId };
      const diagnostics = diagnosticsOf(analysis, this.docsLinks);
      // The client keeps the list (and its result id) it has; its ranges still name their problems (see codeActions.ts).
      // A new docs base is a change even where no list shows it: a client that links diagnostics itself links them again.
      if (sameDiagnostics(last.diagnostics, diagnostics) && last.docsBaseUrl === analysis.settings.docsBaseUrl)
        return { kind: 'unchanged', resultId: last.resultId };
      return this.full(analysis, resultId, diagnostics);
    }
    return this.full(analysis, resultId, diagnosticsOf(analysis, this.docsLinks));
  }

  forget(uri: string): void {
    this.answered.delete(uri);
  }

  private full({ uri, settings }: Analysis, resultId: string, diagnostics: Diagnostic[]): DocumentDiagnosticReport {
    this.answered.set(uri, { resultId, diagnostics, docsBaseUrl: settings.docsBaseUrl });
    return { kind: 'full', resultId, items: diagnostics };
  }
}
