/**
 * Code actions: the fixes carried by our diagnostics (refused when the
 * diagnostic belongs to another version), fix-all, and two refactorings.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { findCheck, placeholderForBlank, safeFixEdits, UniqueNames, type Blank, type TextEdit } from '../../core/index.js';
import { FIX_ALL_KIND } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { lspEdit, overlaps, spanOf, touches, workspaceEdit } from '../convert.js';
import { t } from '../messages.js';
import { DIAGNOSTIC_SOURCE, diagnosticData } from '../diagnosticData.js';
import { extractField } from '../extractField.js';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.RefactorExtract, FIX_ALL_KIND];

/** Checks whose fixes are offered as refactorings by range rather than as quick fixes. */
const FIXED_BY_REFACTORING = new Set(['unfilled-blank']);

export function codeActions(analysis: Analysis, params: CodeActionParams, documentChanges: boolean): CodeAction[] {
  const only = params.context.only;
  const wanted = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const edit = (edits: readonly TextEdit[]) => workspaceEdit(analysis.uri, analysis.version, edits.map((e) => lspEdit(analysis.document, e)), documentChanges);
  const actions: CodeAction[] = [];

  if (wanted(CodeActionKind.QuickFix)) actions.push(...quickFixes(analysis, params.context.diagnostics, documentChanges));

  const range = spanOf(analysis.document, params.range);
  if (wanted(CodeActionKind.RefactorRewrite)) {
    for (const { blank, fix } of blankRewrites(analysis)) {
      if (!touches(blank.span, range.start) && !overlaps(blank.span, range)) continue;
      actions.push({ title: t(analysis.locale, 'blankToPlaceholder', { placeholder: fix.newText }), kind: CodeActionKind.RefactorRewrite, edit: edit([fix]) });
    }
  }
  if (wanted(CodeActionKind.RefactorExtract) && range.end > range.start) {
    const extraction = extractField(analysis.doc, range);
    if (extraction) {
      actions.push({
        title: t(analysis.locale, 'extractField', { value: extraction.value, count: extraction.occurrences, name: extraction.name }),
        kind: CodeActionKind.RefactorExtract,
        edit: edit(extraction.edits),
      });
    }
  }
  // Fix-all is asked for explicitly (on save, or from the source action menu).
  if (only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(`${o}.`))) {
    const edits = safeFixEdits(analysis.problems);
    if (edits.length > 0) actions.push({ title: t(analysis.locale, 'fixAll'), kind: FIX_ALL_KIND, edit: edit(edits) });
  }
  return actions;
}

/**
 * The fixes recorded in each of our diagnostics, dispatched on the check id.
 * A diagnostic from another version is refused: its ranges would land wrong.
 */
function quickFixes(analysis: Analysis, diagnostics: readonly Diagnostic[], documentChanges: boolean): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string' || !findCheck(diagnostic.code)) continue;
    if (FIXED_BY_REFACTORING.has(diagnostic.code)) continue;
    const data = diagnosticData(diagnostic);
    if (!data || data.version !== analysis.version) continue;
    const fixes = data.fixes.filter((f) => !f.refactor);
    for (const fix of fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.safe && fixes.length === 1,
        edit: workspaceEdit(analysis.uri, analysis.version, fix.edits.map((e) => ({ range: e.range, newText: e.newText })), documentChanges),
      });
    }
  }
  return actions;
}

/** Each blank with the edit that turns it into a placeholder, named as the `unfilled-blank` check names it. */
function blankRewrites(analysis: Analysis): Array<{ blank: Blank; fix: TextEdit }> {
  const { doc, problems } = analysis;
  const names = new UniqueNames(doc.fields.keys());
  const reportedAt = new Map(problems.filter((p) => p.checkId === 'unfilled-blank').map((p) => [p.span.start, p.fixes[0]?.edits[0]]));
  return doc.blanks.map((blank) => {
    const computed = placeholderForBlank(doc, blank, names);
    const reported = reportedAt.get(blank.span.start);
    return { blank, fix: reported ?? computed };
  });
}
