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
  const { value, delta } = perBlockAtOrigin(kind, block, text);
  return delta === 0 ? value : kind.move(value, delta);
}

/**
 * What `perBlock` gives, unmoved: the value where the block's first model
 * stood, the same object for as long as the block is only moved, and by how
 * much it has moved. For readers that compare blocks rather than offsets.
 */
export function perBlockAtOrigin<T>(kind: PerBlock<T>, block: BlockModel, text: string): { readonly value: T; readonly delta: number } {
  let cache = CACHES.get(kind as PerBlock<unknown>) as WeakMap<BlockModel, T> | undefined;
  if (!cache) CACHES.set(kind as PerBlock<unknown>, (cache = new WeakMap()) as WeakMap<BlockModel, unknown>);
  const { model, delta } = originOf(block);
  let value = cache.get(model);
  if (value === undefined) {
    // Derived from the block where it stands now, kept where its first model stood.
    const derived = kind.derive(block, text);
    cache.set(model, (value = delta === 0 ? derived : kind.move(derived, -delta)));
  }
  return { value, delta };
}

/**
 * Like `PerBlock`, for facts that read a little text beyond their block (the
 * words before its first sentence, the lines above it up to a schedule's
 * heading). `derive` says which stretch `[from, to)` it read; a value kept for
 * a block serves the block where it stands now only while the text it read
 * outside the block is unchanged around it.
 */
export interface PerBlockNear<T> {
  derive(block: BlockModel, text: string): { readonly value: T; readonly from: number; readonly to: number };
  move(value: T, delta: number): T;
}

interface Near<T> {
  /** The value where the block's first model stood. */
  readonly value: T;
  /** The text read before and after the block. */
  readonly before: string;
  readonly after: string;
  /** Whether the reading ran into the start or the end of the text, which then must stay right there. */
  readonly toStart: boolean;
  readonly toEnd: boolean;
}

const NEAR_CACHES = new WeakMap<PerBlockNear<unknown>, WeakMap<BlockModel, Near<unknown>>>();

export function perBlockNear<T>(kind: PerBlockNear<T>, block: BlockModel, text: string): T {
  const { value, delta } = perBlockNearAtOrigin(kind, block, text);
  return delta === 0 ? value : kind.move(value, delta);
}

/**
 * What `perBlockNear` gives, unmoved, as `perBlockAtOrigin` does: the same
 * object for as long as the block is only moved and the text it read around
 * it is unchanged, so a reader can tell an unchanged block at a glance and
 * allocates nothing for the blocks an edit only moved.
 */
export function perBlockNearAtOrigin<T>(kind: PerBlockNear<T>, block: BlockModel, text: string): { readonly value: T; readonly delta: number } {
  let cache = NEAR_CACHES.get(kind as PerBlockNear<unknown>) as WeakMap<BlockModel, Near<T>> | undefined;
  if (!cache) NEAR_CACHES.set(kind as PerBlockNear<unknown>, (cache = new WeakMap()) as WeakMap<BlockModel, Near<unknown>>);
  const origin = originOf(block);
  const { model, delta } = origin;
  const { start, end } = block.span;
  const kept = cache.get(model);
  if (kept !== undefined && unchangedAround(kept, start, end, text)) return { value: kept.value, delta };
  const { value, from, to } = kind.derive(block, text);
  const first = Math.max(0, Math.min(from, start));
  const last = Math.min(text.length, Math.max(to, end));
  const atOrigin = delta === 0 ? value : kind.move(value, -delta);
  cache.set(model, {
    value: atOrigin,
    before: text.slice(first, start),
    after: text.slice(end, last),
    toStart: from <= 0,
    toEnd: to >= text.length,
  });
  return { value: atOrigin, delta };
}

function unchangedAround(kept: Near<unknown>, start: number, end: number, text: string): boolean {
  const from = start - kept.before.length;
  const to = end + kept.after.length;
  if (from < 0 || to > text.length || (kept.toStart && from !== 0) || (kept.toEnd && to !== text.length)) return false;
  return (kept.before === '' || text.startsWith(kept.before, from)) && (kept.after === '' || text.startsWith(kept.after, end));
}
