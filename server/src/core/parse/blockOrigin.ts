import type { BlockModel } from '../model.js';

/**
 * Where a block model came from when an edit before it only moved it: the
 * model it is a shifted copy of (never itself a copy) and by how much. What
 * was derived from the original block (see facts/perBlock.ts) is then valid
 * for the copy once moved by `delta`, without reading the text again.
 */
export interface BlockOrigin {
  readonly model: BlockModel;
  readonly delta: number;
}

/**
 * Kept on the copy itself, as a non-enumerable symbol property that keys,
 * JSON, spreads and deep equality do not see, so the model stays plain data.
 * A WeakMap keyed by the copies (new ones on every keystroke, thousands at
 * 1 MB) cost more in ephemeron upkeep and collection than moving the facts.
 */
const ORIGIN = Symbol('blockOrigin');

/**
 * Records that `copy` is `model` moved by `delta`. `model` is the one resolved
 * where its block was read (see `assemble`), never itself a copy: the block is
 * kept as read however many edits move it, and each copy is made from it.
 */
export function recordShift(copy: BlockModel, model: BlockModel, delta: number): void {
  Object.defineProperty(copy, ORIGIN, { value: { model, delta }, writable: true, configurable: true });
}

/** The model `block` was shifted from, or the block itself (delta 0) when it was read from the text. */
export function originOf(block: BlockModel): BlockOrigin {
  return (block as { [ORIGIN]?: BlockOrigin })[ORIGIN] ?? { model: block, delta: 0 };
}
