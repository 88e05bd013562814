import type { ContractDocument } from '../model.js';

/**
 * The one change that made a document out of the text before it: offsets
 * before `start` stayed, offsets after `end` moved by `delta`, and those in
 * between (both ends included) were touched, so nothing read there is known
 * to be the same. Facts kept from the earlier analysis (checks/checkMemo.ts)
 * can then be told apart one by one, even inside the block the edit was in.
 */
export interface LastEdit {
  readonly start: number;
  readonly end: number;
  readonly delta: number;
}

const EDITS = new WeakMap<ContractDocument, { readonly previousText: string; readonly edit: LastEdit }>();

/** A change as `incremental.ts` applies it (its `TextChange`, named here so neither module needs the other's). */
interface OneChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Records that `doc` is `previousText` with `change` applied (reparseWithChanges, for a message of one change). */
export function recordLastEdit(doc: ContractDocument, previousText: string, change: OneChange): void {
  EDITS.set(doc, { previousText, edit: { start: change.start, end: change.end, delta: change.text.length - (change.end - change.start) } });
}

/** The edit that made `doc` out of `previousText`, when one change did. */
export function editFrom(doc: ContractDocument, previousText: string): LastEdit | undefined {
  const known = EDITS.get(doc);
  return known !== undefined && known.previousText === previousText ? known.edit : undefined;
}

/** Where an offset of the earlier text stands now; undefined when the edit touched it. */
export function afterEdit(edit: LastEdit, offset: number): number | undefined {
  if (offset < edit.start) return offset;
  return offset > edit.end ? offset + edit.delta : undefined;
}
