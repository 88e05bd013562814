import type { RootContent } from 'mdast';
import { closedFrontMatterEnd } from './markdown.js';
import { LOCAL, OPENING_FENCE, REACHING_EVERYWHERE, WINDOW_EDGE } from './locality.js';

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
 * The windows `[start, end)` of `body` (the text after a contract's BOM) to
 * parse one by one: cut only at a `WINDOW_EDGE` past a closed front matter,
 * in a body that holds nothing `REACHING_EVERYWHERE` and opens no front
 * matter it leaves unclosed (remark-frontmatter then reads no list or block
 * quote in the whole text). One window, the whole body, otherwise. A window
 * whose last block may still be open is read together with the next one
 * (`closedAtItsEnd`).
 */
export function bodyWindows(body: string, size: number = MARKDOWN_WINDOW): Array<readonly [number, number]> {
  const whole = [[0, body.length] as const];
  if (body.length <= size) return whole;
  const frontMatterEnd = closedFrontMatterEnd(body);
  if (frontMatterEnd === 0 && OPENING_FENCE.test(body)) return whole;
  if (REACHING_EVERYWHERE.test(frontMatterEnd === 0 ? body : body.slice(frontMatterEnd))) return whole;
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

/**
 * Whether the last block of a window (of `source`, its text) ends where the
 * whole parse ends it. Past the blank line before a `WINDOW_EDGE`, a
 * paragraph, heading, table, list, rule or block quote has ended, and so has
 * a front matter and an HTML comment whose `-->` it holds; a fence or another
 * HTML block may run on.
 */
export function closedAtItsEnd(node: RootContent | undefined, source: string): boolean {
  if (node === undefined || LOCAL.has(node.type) || node.type === 'blockquote' || node.type === 'yaml') return true;
  if (node.type !== 'html') return false;
  // A comment ends on the first line that holds a `-->` after its `<!--`: this one did, in the window.
  const html = source.slice(node.position!.start.offset!, node.position!.end.offset!).trimStart();
  return html.startsWith('<!--') && html.includes('-->', 4);
}
