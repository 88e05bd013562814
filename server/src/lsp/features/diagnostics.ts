/**
 * Problems as LSP diagnostics: the check id as `code`, a link to its docs,
 * and in `data` only the version and a key for the problem. Fixes are looked
 * up by that key when a code action asks (see codeActions.ts): a diagnostic
 * stays a few hundred bytes however many edits its fix would take.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { problemKeys, type Problem, type Severity } from '../../core/index.js';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { rangeOf } from '../convert.js';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Every problem of the analysis as a diagnostic. */
export function diagnosticsOf(analysis: Analysis): Diagnostic[] {
  const keys = problemKeys(analysis.problems);
  return analysis.problems.map((problem, i) => toDiagnostic(analysis, problem, keys.keys[i]!));
}

function toDiagnostic(analysis: Analysis, problem: Problem, key: string): Diagnostic {
  const { document } = analysis;
  const data: DiagnosticData = { version: analysis.version, key };
  const diagnostic: Diagnostic = {
    range: rangeOf(document, problem.span),
    severity: SEVERITY[problem.severity],
    code: problem.checkId,
    codeDescription: { href: `${analysis.settings.docsBaseUrl}/checks.md#${problem.checkId}` },
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
    data,
  };
  if (problem.related.length > 0) {
    diagnostic.relatedInformation = problem.related.map((related) => ({
      location: { uri: analysis.uri, range: rangeOf(document, related.span) },
      message: related.message,
    }));
  }
  if (problem.checkId === 'unused-field') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}
