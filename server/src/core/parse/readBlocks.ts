import type { ExtractedBlock } from './block.js';

/**
 * The blocks of a text as they were read, each at the offsets of the text it
 * was read from, and how far each has moved since: block `i` now starts at
 * `blocks[i].span.start + deltas[i]`. An edit reads again the blocks it
 * touched and adds its length to the deltas after them; the blocks it only
 * moved are never copied, so a keystroke costs the same whatever follows it.
 */
export interface ReadBlocks {
  readonly blocks: readonly ExtractedBlock[];
  readonly deltas: Int32Array;
}

/** Blocks just read from the text as it is: none has moved. */
export function readNow(blocks: readonly ExtractedBlock[]): ReadBlocks {
  return { blocks, deltas: new Int32Array(blocks.length) };
}

/** Where block `i` starts and ends now. */
export function startOf(read: ReadBlocks, i: number): number {
  return read.blocks[i]!.span.start + read.deltas[i]!;
}

export function endOf(read: ReadBlocks, i: number): number {
  return read.blocks[i]!.span.end + read.deltas[i]!;
}

/**
 * `read` with its blocks `first..last` replaced by `fresh` (read from the
 * edited text, so not moved) and every later block moved by `delta` more.
 */
export function replaceBlocks(read: ReadBlocks, first: number, last: number, fresh: readonly ExtractedBlock[], delta: number): ReadBlocks {
  const tail = read.blocks.length - (last + 1);
  const blocks: ExtractedBlock[] = read.blocks.slice(0, first);
  for (const block of fresh) blocks.push(block);
  for (let i = last + 1; i < read.blocks.length; i++) blocks.push(read.blocks[i]!);
  const deltas = new Int32Array(blocks.length);
  deltas.set(read.deltas.subarray(0, first));
  const to = first + fresh.length;
  for (let i = 0; i < tail; i++) deltas[to + i] = read.deltas[last + 1 + i]! + delta;
  return { blocks, deltas };
}

/** The first index whose block passes `test` (blocks are in order, so `test` flips once), or the count. */
export function firstIndex(count: number, test: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
