import { closedFrontMatterEnd } from './markdown.js';
import { REACHING_AT_ANY_INDENT, WINDOW_EDGE } from './locality.js';

/**
 * How far a window of the body grows before it ends at the next edge.
 * micromark's cost grows faster than its input (its event arrays are spliced
 * and walked whole), and the whole body's events and tree are what make a
 * server's memory peak on opening a long contract. Measured on the bench's
 * generated 1 MB contracts (zh, en, mixed), windows of 8 KB parsed and
 * checked in 64–77% of the whole parse's time, 16 KB in 76–79%, 32 KB in
 * 85–93%, 4 KB no better than 8 KB: each parse has its own setup.
 */
export const MARKDOWN_WINDOW = 8192;

/**
 * The windows `[start, end)` of `body` (the text after a contract's BOM) that
 * parsed one by one give the top-level blocks the whole parse gives: cut only
 * at a `WINDOW_EDGE`, past a closed front matter, in a body that holds nothing
 * reaching across a blank line. One window, the whole body, otherwise.
 */
export function bodyWindows(body: string, size: number = MARKDOWN_WINDOW): Array<readonly [number, number]> {
  const whole = [[0, body.length] as const];
  if (body.length <= size) return whole;
  const frontMatterEnd = closedFrontMatterEnd(body);
  if (REACHING_AT_ANY_INDENT.test(frontMatterEnd === 0 ? body : body.slice(frontMatterEnd))) return whole;
  const windows: Array<readonly [number, number]> = [];
  const edge = new RegExp(WINDOW_EDGE.source, WINDOW_EDGE.flags);
  let start = 0;
  for (;;) {
    edge.lastIndex = Math.max(frontMatterEnd, start + size);
    const found = edge.exec(body);
    if (found === null) break;
    const end = found.index + found[0].length;
    windows.push([start, end]);
    start = end;
  }
  windows.push([start, body.length]);
  return windows;
}
