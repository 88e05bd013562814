/**
 * Code actions: the fixes carried by our diagnostics (refused when the
 * diagnostic no longer names its problem), fix-all, and two refactorings.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { blankRewrites, editorMessage as t, extractField, findCheck, overlaps, problemByKey, safeFixEdits, touches, type TextEdit } from '../../core/index.js';
import { FIX_ALL_KIND, type CodeActionData } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { lspEdit, rangeOf, spanOf, workspaceEdit } from '../convert.js';
import { sameRange } from '../sameDiagnostics.js';
import { DIAGNOSTIC_SOURCE, diagnosticData } from '../diagnosticData.js';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.RefactorExtract, FIX_ALL_KIND];

/** Checks whose fixes are offered as refactorings by range rather than as quick fixes. */
const FIXED_BY_REFACTORING = new Set(['unfilled-blank']);

/** How the client takes workspace edits, and whether it asks for a quick fix's edit only when it is chosen. */
export interface EditSupport {
  readonly documentChanges: boolean;
  readonly resolveEdits: boolean;
}

export function codeActions(analysis: Analysis, params: CodeActionParams, support: EditSupport): CodeAction[] {
  const { documentChanges } = support;
  const only = params.context.only;
  const wanted = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const edit = (edits: readonly TextEdit[]) =>
    workspaceEdit(
      analysis.uri,
      analysis.version,
      edits.map((e) => lspEdit(analysis.document, e)),
      documentChanges,
    );
  const actions: CodeAction[] = [];

  if (wanted(CodeActionKind.QuickFix)) actions.push(...quickFixes(analysis, params.context.diagnostics, support));

  const range = spanOf(analysis.document, params.range);
  if (wanted(CodeActionKind.RefactorRewrite)) {
    for (const { blank, fix } of blankRewrites(analysis.doc, analysis.problems)) {
      if (!touches(blank.span, range.start) && !overlaps(blank.span, range)) continue;
      actions.push({
        title: t(analysis.doc.locale, 'blankToPlaceholder', { placeholder: fix.newText }),
        kind: CodeActionKind.RefactorRewrite,
        edit: edit([fix]),
      });
    }
  }
  if (wanted(CodeActionKind.RefactorExtract) && range.end > range.start) {
    const extraction = extractField(analysis.doc, range);
    if (extraction) {
      actions.push({
        title: t(analysis.doc.locale, 'extractField', { value: extraction.value, count: extraction.occurrences, name: extraction.name }),
        kind: CodeActionKind.RefactorExtract,
        edit: edit(extraction.edits),
      });
    }
  }
  // Fix-all is asked for explicitly (on save, or from the source action menu).
  if (only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(`${o}.`))) {
    const edits = safeFixEdits(analysis.problems);
    if (edits.length > 0) actions.push({ title: t(analysis.doc.locale, 'fixAll'), kind: FIX_ALL_KIND, edit: edit(edits) });
  }
  return actions;
}

/**
 * The fixes of each of our diagnostics' problems, found again by the key the
 * diagnostic carries. A diagnostic from another version is refused unless its
 * problem still has the same key and range: otherwise its ranges would land wrong. Clients that can resolve get the title now and the
 * edit when the fix is chosen, so a menu of fixes costs no edit conversion.
 */
function quickFixes(analysis: Analysis, diagnostics: readonly Diagnostic[], support: EditSupport): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string' || !findCheck(diagnostic.code)) continue;
    if (FIXED_BY_REFACTORING.has(diagnostic.code)) continue;
    const data = diagnosticData(diagnostic);
    if (!data) continue;
    const problem = problemByKey(analysis.problems, diagnostic.code, data.key);
    // A diagnostic of an earlier version (pushes that would repeat the last one are skipped) still names its problem when it still stands where it did.
    if (!problem || (data.version !== analysis.version && !sameRange(diagnostic.range, rangeOf(analysis.document, problem.span)))) continue;
    const offered = problem.fixes.map((fix, index) => ({ fix, index })).filter(({ fix }) => !fix.refactor);
    for (const { fix, index } of offered) {
      const action: CodeAction = {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.safe && offered.length === 1,
      };
      if (support.resolveEdits)
        action.data = { uri: analysis.uri, version: analysis.version, code: diagnostic.code, key: data.key, fix: index } satisfies CodeActionData;
      else
        action.edit = workspaceEdit(
          analysis.uri,
          analysis.version,
          fix.edits.map((e) => lspEdit(analysis.document, e)),
          support.documentChanges,
        );
      actions.push(action);
    }
  }
  return actions;
}

/** Fills in the edit of a quick fix offered without one; a fix for another version gets none. */
export function resolveCodeAction(analysis: Analysis, action: CodeAction, documentChanges: boolean): CodeAction {
  const data = codeActionData(action);
  if (!data || data.version !== analysis.version) return action;
  const fix = problemByKey(analysis.problems, data.code, data.key)?.fixes[data.fix];
  if (!fix) return action;
  return {
    ...action,
    edit: workspaceEdit(
      analysis.uri,
      analysis.version,
      fix.edits.map((e) => lspEdit(analysis.document, e)),
      documentChanges,
    ),
  };
}

/** Reads a code action's `data` written by this server; anything else is ignored. */
export function codeActionData(action: CodeAction): CodeActionData | undefined {
  const data = action.data as Partial<CodeActionData> | undefined;
  if (
    !data ||
    typeof data !== 'object' ||
    typeof data.uri !== 'string' ||
    typeof data.version !== 'number' ||
    typeof data.code !== 'string' ||
    typeof data.key !== 'string' ||
    typeof data.fix !== 'number'
  )
    return undefined;
  return data as CodeActionData;
}
