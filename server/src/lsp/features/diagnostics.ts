/**
 * Problems as LSP diagnostics: the check id as `code`, a link to its docs,
 * and no `data` unless two problems of one check share a range (see
 * protocol.ts): the code and the range name the problem, and its fixes are
 * computed when a code action asks (see codeActions.ts). A diagnostic stays a
 * few hundred bytes however many edits its fix would take, and a long
 * contract publishes a thousand of them after an edit.
 */
import { DiagnosticSeverity, DiagnosticTag, type CodeDescription, type Diagnostic } from 'vscode-languageserver';
import { problemOrdinals, type Problem, type Severity } from '../../core/index.js';
import { DIAGNOSTIC_SOURCE } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { rangeOf } from '../convert.js';
import { perAnalysis } from '../perAnalysis.js';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const UNNECESSARY: DiagnosticTag[] = [DiagnosticTag.Unnecessary];

/**
 * Every problem of the analysis as a diagnostic, converted once per analysis:
 * the pusher and the puller may both ask. One link object per check is
 * shared by all its diagnostics, so none is built per problem.
 */
export const diagnosticsOf = perAnalysis((analysis: Analysis): Diagnostic[] => {
  const { document, uri, problems } = analysis;
  const ordinals = problemOrdinals(problems);
  const links = new Map<string, CodeDescription>();
  const linkOf = (checkId: string): CodeDescription => {
    let link = links.get(checkId);
    if (!link) links.set(checkId, (link = { href: `${analysis.settings.docsBaseUrl}/checks.md#${checkId}` }));
    return link;
  };
  const diagnostics = new Array<Diagnostic>(problems.length);
  for (let i = 0; i < problems.length; i++) {
    const problem: Problem = problems[i]!;
    const diagnostic: Diagnostic = {
      range: rangeOf(document, problem.span),
      severity: SEVERITY[problem.severity],
      code: problem.checkId,
      codeDescription: linkOf(problem.checkId),
      source: DIAGNOSTIC_SOURCE,
      message: problem.message,
    };
    if (ordinals[i]! > 0) diagnostic.data = ordinals[i];
    if (problem.related.length > 0) {
      diagnostic.relatedInformation = problem.related.map((related) => ({
        location: { uri, range: rangeOf(document, related.span) },
        message: related.message,
      }));
    }
    if (problem.checkId === 'unused-field') diagnostic.tags = UNNECESSARY;
    diagnostics[i] = diagnostic;
  }
  return diagnostics;
});
