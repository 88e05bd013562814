import type { BlockModel, ContractDocument, Problem, Span } from '../model.js';
import { originOf } from '../parse/blockOrigin.js';
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

/**
 * The memos of an analysis, found again through its blocks: a block model an
 * edit only moved keeps its original (`originOf`), so the next version of a
 * document reaches the memos of the last analysis of the one before. A fresh
 * parse shares no block and starts afresh.
 */
const BY_ORIGIN = new WeakMap<BlockModel, Memos>();
const BY_DOC = new WeakMap<ContractDocument, Memos>();

/** The memos of the last analysis that shares a block with `doc`. */
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
    for (const block of doc.blocks) BY_ORIGIN.set(originOf(block).model, kept);
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
): Problem[] | undefined {
  if (memo === undefined || memo.check !== check || memo.setting !== setting || memo.input.context !== input.context) return undefined;
  const before = memo.input.items;
  const after = input.items;
  if (before.length !== after.length || memo.offsets.length !== offsets.length) return undefined;
  for (let i = 0; i < after.length; i++) if (!input.same(before[i], after[i], memo.text, text)) return undefined;
  const renamed = renaming(memo.offsets, offsets);
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

const IDENTITY = new Map<number, number>();

/** Old offset → new offset, when the correspondence is one to one; IDENTITY when nothing moved. */
function renaming(before: readonly number[], after: readonly number[]): ReadonlyMap<number, number> | undefined {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  if (i === before.length) return IDENTITY;
  const forward = new Map<number, number>();
  const backward = new Map<number, number>();
  for (i = 0; i < before.length; i++) {
    const from = before[i]!;
    const to = after[i]!;
    const known = forward.get(from);
    if (known === undefined) {
      if (backward.has(to)) return undefined;
      forward.set(from, to);
      backward.set(to, from);
    } else if (known !== to) return undefined;
  }
  return forward;
}

function moveProblem(problem: Problem, renamed: ReadonlyMap<number, number>): Problem | undefined {
  const span = moveSpan(problem.span, renamed);
  if (span === undefined) return undefined;
  const related = [];
  for (const r of problem.related) {
    const moved = moveSpan(r.span, renamed);
    if (moved === undefined) return undefined;
    related.push(moved === r.span ? r : { ...r, span: moved });
  }
  const fixes = [];
  for (const fix of problem.fixes) {
    const edits = [];
    for (const edit of fix.edits) {
      const moved = moveSpan(edit.span, renamed);
      if (moved === undefined) return undefined;
      edits.push(moved === edit.span ? edit : { ...edit, span: moved });
    }
    fixes.push({ ...fix, edits });
  }
  return { ...problem, span, related, fixes };
}

function moveSpan(span: Span, renamed: ReadonlyMap<number, number>): Span | undefined {
  const start = renamed.get(span.start);
  const end = renamed.get(span.end);
  if (start === undefined || end === undefined) return undefined;
  return start === span.start && end === span.end ? span : { start, end };
}
