/**
 * Problems as LSP diagnostics: the check id as `code`, a link to its docs,
 * and the fixes (with the version they belong to) in `data` for code actions.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Problem, Severity } from '../../core/index.js';
import type { DiagnosticData, DiagnosticFix } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { lspEdit, rangeOf } from '../convert.js';
import { DIAGNOSTIC_SOURCE } from '../diagnosticData.js';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Every problem of the analysis as a diagnostic. */
export function diagnosticsOf(analysis: Analysis): Diagnostic[] {
  return analysis.problems.map((problem) => toDiagnostic(analysis, problem));
}

function toDiagnostic(analysis: Analysis, problem: Problem): Diagnostic {
  const { document } = analysis;
  const fixes: DiagnosticFix[] = problem.fixes.map((fix) => ({
    title: fix.title,
    safe: fix.safe,
    refactor: fix.refactor === true,
    edits: fix.edits.map((edit) => lspEdit(document, edit)),
  }));
  const data: DiagnosticData = { version: analysis.version, fixes };
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
