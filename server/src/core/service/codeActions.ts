/**
 * Which actions a contract offers, as an editor asks for them: the fixes of
 * one problem, the refactorings a selection allows, and fix-all. Editors only
 * convert them (kinds, ranges, workspace edits).
 */
import type { ContractDocument, Fix, Problem, Span, TextEdit } from '../model.js';
import { findCheck } from '../checks/registry.js';
import { blankRewrites } from '../edits/blankToPlaceholder.js';
import { extractField } from '../edits/extractField.js';
import { safeFixEdits } from '../fixes/safeFixEdits.js';
import { overlaps, touches } from '../text/spans.js';
import { t } from './messages.js';
import { problemByKey } from './problemKeys.js';

/** Checks whose fixes are offered as refactorings by range rather than as quick fixes. */
const FIXED_BY_REFACTORING = new Set(['unfilled-blank']);

export interface OfferedFix {
  readonly fix: Fix;
  /** Its place among the problem's fixes, to find it again when the editor asks for its edits. */
  readonly index: number;
  /** The one obvious fix: safe and the only one offered. */
  readonly preferred: boolean;
}

/** The quick fixes of the problem that `checkId` and `key` name, if it is still there. */
export function quickFixesOf(problems: readonly Problem[], checkId: string, key: string): OfferedFix[] {
  if (!findCheck(checkId) || FIXED_BY_REFACTORING.has(checkId)) return [];
  const problem = problemByKey(problems, checkId, key);
  const offered = (problem?.fixes ?? []).map((fix, index) => ({ fix, index })).filter(({ fix }) => !fix.refactor);
  return offered.map(({ fix, index }) => ({ fix, index, preferred: fix.safe && offered.length === 1 }));
}

/** One fix by the place `quickFixesOf` gave it. */
export function fixAt(problems: readonly Problem[], checkId: string, key: string, index: number): Fix | undefined {
  return problemByKey(problems, checkId, key)?.fixes[index];
}

export type SelectionActionKind = 'rewrite' | 'extract' | 'fixAll';

export interface SelectionAction {
  readonly kind: SelectionActionKind;
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/**
 * What the selection `span` offers: a legacy blank it touches rewritten as a
 * placeholder, the selected text extracted into a field, and fix-all when
 * `wanted` asks for it (it is never offered unasked).
 */
export function selectionActions(
  doc: ContractDocument,
  problems: readonly Problem[],
  span: Span,
  wanted: (kind: SelectionActionKind) => boolean,
): SelectionAction[] {
  const { locale } = doc;
  const actions: SelectionAction[] = [];
  if (wanted('rewrite')) {
    for (const { blank, fix } of blankRewrites(doc, problems)) {
      if (touches(blank.span, span.start) || overlaps(blank.span, span))
        actions.push({ kind: 'rewrite', title: t(locale, 'blankToPlaceholder', { placeholder: fix.newText }), edits: [fix] });
    }
  }
  const extraction = wanted('extract') && span.end > span.start ? extractField(doc, span) : undefined;
  if (extraction) {
    const title = t(locale, 'extractField', { value: extraction.value, count: extraction.occurrences, name: extraction.name });
    actions.push({ kind: 'extract', title, edits: extraction.edits });
  }
  const fixAll = wanted('fixAll') ? safeFixEdits(problems) : [];
  if (fixAll.length > 0) actions.push({ kind: 'fixAll', title: t(locale, 'fixAll'), edits: fixAll });
  return actions;
}
