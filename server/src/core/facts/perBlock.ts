import type { BlockModel } from '../model.js';
import { originOf } from '../parse/blockOrigin.js';

/**
 * Facts derived from one block's facts and text, computed once per block as
 * it was read and moved with it after edits before it: a keystroke derives
 * them again only for the blocks it reparsed. `derive` must read nothing
 * outside its block, and `move` must shift every offset in what it returns.
 */
export interface PerBlock<T> {
  /** What the block says, read from its facts and from `text`, the text it stands in now. */
  derive(block: BlockModel, text: string): T;
  move(value: T, delta: number): T;
}

const CACHES = new WeakMap<PerBlock<unknown>, WeakMap<BlockModel, unknown>>();

export function perBlock<T>(kind: PerBlock<T>, block: BlockModel, text: string): T {
  let cache = CACHES.get(kind as PerBlock<unknown>) as WeakMap<BlockModel, T> | undefined;
  if (!cache) CACHES.set(kind as PerBlock<unknown>, (cache = new WeakMap()) as WeakMap<BlockModel, unknown>);
  const { model, delta } = originOf(block);
  const value = cache.get(model);
  if (value !== undefined) return delta === 0 ? value : kind.move(value, delta);
  // Derived from the block where it stands now, kept where its first model stood.
  const derived = kind.derive(block, text);
  cache.set(model, delta === 0 ? derived : kind.move(derived, -delta));
  return derived;
}
