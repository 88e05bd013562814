/**
 * Problems as LSP diagnostics: the check id as `code`, a link to its docs,
 * and in `data` only the version and a key for the problem. Fixes are looked
 * up by that key when a code action asks (see codeActions.ts): a diagnostic
 * stays a few hundred bytes however many edits its fix would take.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Problem, Severity } from '../../core/index.js';
import type { DiagnosticData } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { rangeOf } from '../convert.js';

export const DIAGNOSTIC_SOURCE = 'clausemark';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Every problem of the analysis as a diagnostic. */
export function diagnosticsOf(analysis: Analysis): Diagnostic[] {
  const keys = problemKeys(analysis);
  return analysis.problems.map((problem, i) => toDiagnostic(analysis, problem, keys.keys[i]!));
}

/** The problem of check `checkId` that a diagnostic's key names in this analysis, if it is still there. */
export function problemByKey(analysis: Analysis, checkId: string, key: string): Problem | undefined {
  return problemKeys(analysis).byKey.get(`${checkId}:${key}`);
}

interface Keys {
  readonly keys: readonly string[];
  readonly byKey: ReadonlyMap<string, Problem>;
}

const keyCache = new WeakMap<Analysis, Keys>();

/**
 * One key per problem: its span, with a count for the rare problems of one
 * check that share it (the check id travels as the diagnostic's `code`).
 * Stable for a given analysis, so a code action made from a diagnostic finds
 * the same problem again.
 */
function problemKeys(analysis: Analysis): Keys {
  let cached = keyCache.get(analysis);
  if (!cached) {
    const keys: string[] = [];
    const byKey = new Map<string, Problem>();
    for (const problem of analysis.problems) {
      const base = `${problem.span.start}-${problem.span.end}`;
      let key = base;
      for (let n = 1; byKey.has(`${problem.checkId}:${key}`); n++) key = `${base}.${n}`;
      keys.push(key);
      byKey.set(`${problem.checkId}:${key}`, problem);
    }
    cached = { keys, byKey };
    keyCache.set(analysis, cached);
  }
  return cached;
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

/** Reads `Diagnostic.data` written by this server; anything else is ignored. */
export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data !== 'object' || typeof data.version !== 'number' || typeof data.key !== 'string') return undefined;
  return data as DiagnosticData;
}
