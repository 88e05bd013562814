/**
 * Code actions: the core's fixes and selection actions (see core/service/codeActions.ts)
 * as LSP code actions. A diagnostic names its problem by its check id and range (and
 * the ordinal in `data` when two share both); one of an older version whose problem no
 * longer stands at that range gets no fix: its edits would land wrong.
 */
import {
  CodeActionKind,
  ErrorCodes,
  ResponseError,
  type CodeAction,
  type CodeActionOptions,
  type CodeActionParams,
  type Diagnostic,
} from 'vscode-languageserver';
import { fixAt, problemByKey, problemKey, quickFixesOf, selectionActions, type SelectionActionKind, type TextEdit } from '../../core/index.js';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, readCodeActionData, readDiagnosticData, type CodeActionData } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { lspEdit, rangeOf, spanOf, workspaceEdit } from '../convert.js';
import { sameRange } from '../sameDiagnostics.js';

export const CODE_ACTION_OPTIONS: CodeActionOptions = {
  codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.RefactorExtract, FIX_ALL_KIND],
  resolveProvider: true,
};

const KINDS: Readonly<Record<SelectionActionKind, string>> = {
  rewrite: CodeActionKind.RefactorRewrite,
  extract: CodeActionKind.RefactorExtract,
  fixAll: FIX_ALL_KIND,
};

/** How the client takes workspace edits, and whether it asks for a quick fix's edit only when it is chosen. */
export interface EditSupport {
  readonly documentChanges: boolean;
  readonly resolveCodeActionEdits: boolean;
}

export function codeActions(analysis: Analysis, params: CodeActionParams, support: EditSupport): CodeAction[] {
  if (!Array.isArray(params.context?.diagnostics))
    throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/codeAction: context.diagnostics is required');
  const only = params.context.only;
  const asked = (kind: string) => only?.some((o) => kind === o || kind.startsWith(`${o}.`)) === true;
  // Fix-all only when asked for by kind (on save, or from the source action menu); the rest unless filtered out.
  const wanted = (kind: string) => asked(kind) || (!only && kind !== FIX_ALL_KIND);
  const actions: CodeAction[] = wanted(CodeActionKind.QuickFix) ? quickFixes(analysis, params, support) : [];
  const span = spanOf(analysis.document, params.range);
  for (const action of selectionActions(analysis.doc, analysis.problems, span, (kind) => wanted(KINDS[kind]))) {
    actions.push({ title: action.title, kind: KINDS[action.kind], edit: edit(analysis, action.edits, support.documentChanges) });
  }
  return actions;
}

/**
 * The fixes of each of our diagnostics' problems, found again by check id and
 * range. The client may hold the diagnostics of an earlier version (a skipped
 * push, an unchanged pull: see pushDiagnostics.ts) while nothing moved, so the
 * range is read in this version and must still be the problem's. Clients that
 * can resolve get the title now and the edit when the fix is chosen, so a
 * menu of fixes costs no edit conversion.
 */
function quickFixes(analysis: Analysis, params: CodeActionParams, support: EditSupport): CodeAction[] {
  return params.context.diagnostics.flatMap((diagnostic) => {
    if (diagnostic?.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string' || !isRange(diagnostic.range)) return [];
    const code = diagnostic.code;
    const key = problemKey(spanOf(analysis.document, diagnostic.range), readDiagnosticData(diagnostic.data));
    const problem = problemByKey(analysis.problems, code, key);
    if (!problem || !sameRange(diagnostic.range, rangeOf(analysis.document, problem.span))) return [];
    return quickFixesOf(analysis.problems, code, key).map(({ fix, index, preferred }): CodeAction => {
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred };
      if (support.resolveCodeActionEdits) action.data = { uri: analysis.uri, version: analysis.version, code, key, fix: index } satisfies CodeActionData;
      else action.edit = edit(analysis, fix.edits, support.documentChanges);
      return action;
    });
  });
}

function isRange(value: unknown): value is Diagnostic['range'] {
  const r = value as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | undefined;
  return [r?.start, r?.end].every((p) => typeof p?.line === 'number' && typeof p.character === 'number');
}

/** Fills in the edit of a quick fix offered without one; a fix for another version gets none. */
export function resolveCodeAction(analysis: Analysis, action: CodeAction, documentChanges: boolean): CodeAction {
  const data = readCodeActionData(action.data);
  const fix = data && data.version === analysis.version ? fixAt(analysis.problems, data.code, data.key, data.fix) : undefined;
  return fix ? { ...action, edit: edit(analysis, fix.edits, documentChanges) } : action;
}

function edit(analysis: Analysis, edits: readonly TextEdit[], documentChanges: boolean) {
  const converted = edits.map((e) => lspEdit(analysis.document, e));
  return workspaceEdit(analysis.uri, analysis.version, converted, documentChanges);
}
