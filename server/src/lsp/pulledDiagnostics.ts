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
  /** The last full list answered per document, under its result id. */
  private readonly answered = new Map<string, { readonly resultId: string; readonly diagnostics: readonly Diagnostic[] }>();

  report(analysis: Analysis, previousResultId: string | undefined): DocumentDiagnosticReport {
    const resultId = `${analysis.version}:${analysis.settings.generation}`;
    const last = this.answered.get(analysis.uri);
    if (last !== undefined && previousResultId === last.resultId) {
      if (previousResultId === resultId) return { kind: 'unchanged', resultId };
      const diagnostics = diagnosticsOf(analysis);
      // The client keeps the list (and its result id) it has; its ranges still name their problems (see codeActions.ts).
      if (sameDiagnostics(last.diagnostics, diagnostics)) return { kind: 'unchanged', resultId: last.resultId };
      return this.full(analysis.uri, resultId, diagnostics);
    }
    return this.full(analysis.uri, resultId, diagnosticsOf(analysis));
  }

  forget(uri: string): void {
    this.answered.delete(uri);
  }

  private full(uri: string, resultId: string, diagnostics: Diagnostic[]): DocumentDiagnosticReport {
    this.answered.set(uri, { resultId, diagnostics });
    return { kind: 'full', resultId, items: diagnostics };
  }
}
