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

const ORIGINS = new WeakMap<BlockModel, BlockOrigin>();

/** Records that `copy` is `model` moved by `delta`; chains of copies point at the first model. */
export function recordShift(copy: BlockModel, model: BlockModel, delta: number): void {
  const earlier = ORIGINS.get(model);
  ORIGINS.set(copy, earlier ? { model: earlier.model, delta: earlier.delta + delta } : { model, delta });
}

/** The model `block` was shifted from, or the block itself (delta 0) when it was read from the text. */
export function originOf(block: BlockModel): BlockOrigin {
  return ORIGINS.get(block) ?? { model: block, delta: 0 };
}
