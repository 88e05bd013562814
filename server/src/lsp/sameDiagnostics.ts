/**
 * Whether two lists of our diagnostics show the same thing: what an editor
 * would draw and offer is equal, and each names the same problem (check id,
 * range and ordinal: see codeActions.ts). Compared field by field, as
 * serialising a thousand diagnostics to compare them costs what sending does.
 */
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver';

export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameDiagnostic(a[i]!, b[i]!)) return false;
  return true;
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    sameRange(a.range, b.range) &&
    a.message === b.message &&
    a.severity === b.severity &&
    a.code === b.code &&
    a.source === b.source &&
    (a.codeDescription === b.codeDescription || a.codeDescription?.href === b.codeDescription?.href) &&
    a.data === b.data &&
    sameTags(a.tags, b.tags) &&
    sameRelated(a.relatedInformation, b.relatedInformation)
  );
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function sameTags(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((tag, i) => tag === b[i]);
}

function sameRelated(a: readonly DiagnosticRelatedInformation[] | undefined, b: readonly DiagnosticRelatedInformation[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((r, i) => r.message === b[i]!.message && r.location.uri === b[i]!.location.uri && sameRange(r.location.range, b[i]!.location.range));
}
