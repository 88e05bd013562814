import type { BlockModel, ContractDocument, Fix, Problem, RelatedSpan, Span, TextEdit } from '../model.js';
import { originOf } from '../parse/blockOrigin.js';
import { afterEdit, editFrom, type LastEdit } from '../parse/lastEdit.js';
import type { Check, CheckInput } from './types.js';

/**
 * One check's problems on one analysis, with what they were found from. A
 * later analysis whose input says the same but for offsets (checked fact by
 * fact, as `CheckInput` requires) gets these problems with their offsets
 * renamed: no fact is compared with another and no message formatted again.
 */
export interface CheckMemo {
  readonly check: Check;
  /** The severity and locale the problems were reported with. */
  readonly setting: string;
  readonly input: CheckInput<unknown>;
  readonly text: string;
  readonly offsets: readonly number[];
  readonly problems: readonly Problem[];
}

type Memos = Map<string, CheckMemo>;

const REGISTER_EVERY = 8;

/**
 * The memos of an analysis, found again through its blocks: a block model an
 * edit only moved keeps its original (`originOf`), so the next version of a
 * document reaches the memos of the last analysis of the one before. A fresh
 * parse shares no block and starts afresh.
 */
const BY_ORIGIN = new WeakMap<BlockModel, Memos>();
const BY_DOC = new WeakMap<ContractDocument, Memos>();

/** The memos of the last analysis that shares a block with `doc` (one of those it was registered under). */
export function earlierMemos(doc: ContractDocument): ReadonlyMap<string, CheckMemo> | undefined {
  for (const block of doc.blocks) {
    const memos = BY_ORIGIN.get(originOf(block).model);
    if (memos !== undefined) return memos;
  }
  return undefined;
}

/**
 * Keeps the memos of this analysis of `doc`, to be found from its next
 * version, beside the earlier ones of checks that did not run this time.
 */
export function keepMemos(doc: ContractDocument, earlier: ReadonlyMap<string, CheckMemo> | undefined, memos: ReadonlyMap<string, CheckMemo>): void {
  if (memos.size === 0) return;
  let kept = BY_DOC.get(doc);
  if (kept === undefined) {
    BY_DOC.set(doc, (kept = new Map(earlier)));
    // Every few blocks and the last: an edit reparses a few neighbours, so one of these survives it, for a fraction of the upkeep.
    const blocks = doc.blocks;
    for (let i = 0; i < blocks.length; i += REGISTER_EVERY) BY_ORIGIN.set(originOf(blocks[i]!).model, kept);
    if (blocks.length > 0) BY_ORIGIN.set(originOf(blocks[blocks.length - 1]!).model, kept);
  }
  for (const [id, memo] of memos) kept.set(id, memo);
}

export function offsetsOf(input: CheckInput<unknown>): number[] {
  const out: number[] = [];
  for (const item of input.items) input.offsets(item, out);
  return out;
}

/**
 * The memo's problems for `input`, their offsets renamed, when `input` says
 * what the memo's did: same context, same items but for offsets, and offsets
 * that correspond one to one (so every equality `run` could test between two
 * of them comes out the same). Undefined when anything differs.
 */
export function reuse(
  memo: CheckMemo | undefined,
  check: Check,
  setting: string,
  input: CheckInput<unknown>,
  text: string,
  offsets: readonly number[],
  doc?: ContractDocument,
): Problem[] | undefined {
  if (memo === undefined || memo.check !== check || memo.setting !== setting || memo.input.context !== input.context) return undefined;
  const before = memo.input.items;
  const after = input.items;
  if (before.length !== after.length || memo.offsets.length !== offsets.length) return undefined;
  const edit = doc === undefined ? undefined : editFrom(doc, memo.text);
  for (let i = 0; i < after.length; i++) if (!input.same(before[i], after[i], memo.text, text, edit)) return undefined;
  const renamed =
    edit !== undefined && input.rigid === true ? editRenaming(memo.offsets, offsets, edit) : renaming(memo.offsets, offsets, input.rigid === true);
  if (renamed === undefined) return undefined;
  if (renamed === IDENTITY) return [...memo.problems];
  const out: Problem[] = [];
  for (const problem of memo.problems) {
    const moved = moveProblem(problem, renamed);
    if (moved === undefined) return undefined;
    out.push(moved);
  }
  return out;
}

/** How offsets of the memo's analysis become this one's: undefined for an offset the input did not hold. */
type Renaming = (offset: number) => number | undefined;

const IDENTITY: Renaming = (offset) => offset;

/**
 * Old offset → new offset, when the correspondence is one to one; IDENTITY
 * when nothing moved. After one edit, the offsets before it stay and those
 * after it move by one delta: that is told in one pass without a map.
 */
function renaming(before: readonly number[], after: readonly number[], rigid: boolean): Renaming | undefined {
  let delta: number | undefined;
  let lastStaying = -Infinity;
  let firstMoving = Infinity;
  let oneEdit = true;
  for (let i = 0; i < before.length; i++) {
    const d = after[i]! - before[i]!;
    if (d === 0) {
      if (before[i]! > lastStaying) lastStaying = before[i]!;
    } else if (delta === undefined || d === delta) {
      delta = d;
      if (before[i]! < firstMoving) firstMoving = before[i]!;
    } else {
      oneEdit = false;
      break;
    }
  }
  if (delta === undefined) return IDENTITY;
  // Every offset that stays lies before every one that moves, and they still do once moved: order, hence equality, is kept.
  if (oneEdit && lastStaying < firstMoving && lastStaying < firstMoving + delta) {
    const moving = delta;
    const from = firstMoving;
    return (offset) => (offset >= from ? offset + moving : offset);
  }
  // Rigid items listed only their ends: a map of those would not know the offsets between.
  return rigid ? undefined : mapped(before, after);
}

/**
 * The renaming by a known edit: the items' ends must stand where the edit put
 * them (an item the edit was in was compared fact by fact by `same`), and
 * none may be one the edit touched.
 */
function editRenaming(before: readonly number[], after: readonly number[], edit: LastEdit): Renaming | undefined {
  for (let i = 0; i < before.length; i++) if (afterEdit(edit, before[i]!) !== after[i]) return undefined;
  return (offset) => afterEdit(edit, offset);
}

function mapped(before: readonly number[], after: readonly number[]): Renaming | undefined {
  const forward = new Map<number, number>();
  const backward = new Map<number, number>();
  for (let i = 0; i < before.length; i++) {
    const from = before[i]!;
    const to = after[i]!;
    const known = forward.get(from);
    if (known === undefined) {
      if (backward.has(to)) return undefined;
      forward.set(from, to);
      backward.set(to, from);
    } else if (known !== to) return undefined;
  }
  return (offset) => forward.get(offset);
}

function moveProblem(problem: Problem, renamed: Renaming): Problem | undefined {
  const span = moveSpan(problem.span, renamed);
  if (span === undefined) return undefined;
  // A problem before the edit usually stays whole: the same object serves.
  if (
    span === problem.span &&
    problem.related.every((r) => moveSpan(r.span, renamed) === r.span) &&
    problem.fixes.every((f) => f.edits.every((e) => moveSpan(e.span, renamed) === e.span))
  )
    return problem;
  let related = problem.related;
  if (related.length > 0) {
    const moved: RelatedSpan[] = [];
    for (const r of related) {
      const at = moveSpan(r.span, renamed);
      if (at === undefined) return undefined;
      moved.push(at === r.span ? r : { span: at, message: r.message });
    }
    related = moved;
  }
  let fixes = problem.fixes;
  if (fixes.length > 0) {
    const moved: Fix[] = [];
    for (const fix of fixes) {
      const edits: TextEdit[] = [];
      for (const edit of fix.edits) {
        const at = moveSpan(edit.span, renamed);
        if (at === undefined) return undefined;
        edits.push(at === edit.span ? edit : { span: at, newText: edit.newText });
      }
      const out: Mutable<Fix> = { title: fix.title, edits, safe: fix.safe };
      if (fix.refactor !== undefined) out.refactor = fix.refactor;
      moved.push(out);
    }
    fixes = moved;
  }
  // The keys in the order runChecks writes them, so a moved problem serialises as a fresh one.
  const out: Mutable<Problem> = { checkId: problem.checkId, severity: problem.severity, span, message: problem.message, related, fixes };
  if (problem.data !== undefined) out.data = problem.data;
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function moveSpan(span: Span, renamed: Renaming): Span | undefined {
  const start = renamed(span.start);
  const end = renamed(span.end);
  if (start === undefined || end === undefined) return undefined;
  return start === span.start && end === span.end ? span : { start, end };
}
