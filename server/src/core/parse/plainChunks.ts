import type { RootContent } from 'mdast';
import type { Span } from '../model.js';
import { CONTEXT_REACH, extractBlock, type ExtractedBlock } from './block.js';
import { endOf, firstIndex, replaceBlocks, startOf, type ReadBlocks } from './readBlocks.js';

/**
 * Above the Markdown limit the body is read without a parser, as paragraphs
 * split at blank lines: each run of non-blank lines is one pseudo-block,
 * read by `extractBlock` like a Markdown paragraph. A paragraph never holds a
 * blank line, so no fact the scanners find in one can span a blank line in
 * either mode, and an edit only has to read again the chunks around it.
 *
 * A text of millions of one-line paragraphs would make millions of blocks
 * (each a few hundred bytes of fact lists): past `PLAIN_CHUNK_LIMIT` the whole
 * body stays one block, as it was before chunks.
 */
export const PLAIN_CHUNK_LIMIT = 200_000;

/**
 * The blocks of `text[from, to)` split at blank lines, or undefined past
 * `PLAIN_CHUNK_LIMIT` chunks (`limit`, for tests). `from` must start a line
 * that follows a blank line (or the body), `to` end one that a blank line follows (or the text).
 */
export function plainBlocks(text: string, from: number, to: number, limit = PLAIN_CHUNK_LIMIT): ExtractedBlock[] | undefined {
  const spans = plainChunkSpans(text, from, to, limit);
  return spans?.map((span) => extractBlock(text, pseudoParagraph(span), 0));
}

/** One text change, as `incremental.ts` applies it. */
interface Change {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The chunks of `text` (`previousText` with `change` applied), reading again
 * only those the change or their context could reach; the later ones are
 * kept as they were read, moved by the change's length (see `readBlocks.ts`).
 * Undefined when only a full parse is right (the change touches the
 * byte-order mark, or the chunks grow past the limit).
 */
export function reparsePlainBlocks(
  previousText: string,
  text: string,
  read: ReadBlocks,
  change: Change,
  frontMatterEnd?: number,
  limit = PLAIN_CHUNK_LIMIT,
): ReadBlocks | undefined {
  const bodyStart = frontMatterEnd ?? (previousText.charCodeAt(0) === 0xfeff ? 1 : 0);
  // At 0 an edit can add or remove a byte-order mark, which moves where the body starts; the front matter is read apart.
  if (change.start <= bodyStart) return undefined;
  const count = read.blocks.length;
  const delta = change.text.length - (change.end - change.start);
  // A block reads CONTEXT_REACH characters each side of itself: those whose
  // context touches the change are read again, plus one more on each side, so
  // that the window starts and ends at a chunk edge no edit inside it can move.
  const touchedFirst = firstIndex(count, (i) => endOf(read, i) + CONTEXT_REACH > change.start);
  const touchedLast = firstIndex(count, (i) => startOf(read, i) - CONTEXT_REACH >= change.end) - 1;
  const first = Math.max(0, touchedFirst - 1);
  const last = Math.min(count - 1, touchedLast + 1);
  const windowStart = first === 0 ? bodyStart : startOf(read, first);
  const oldWindowEnd = last >= count - 1 ? previousText.length : endOf(read, last);
  const spans = plainChunkSpans(text, windowStart, oldWindowEnd + delta, limit);
  if (spans === undefined) return undefined;
  if (first + spans.length + (count - 1 - last) > limit) return undefined;
  const fresh = spans.map((span) => extractBlock(text, pseudoParagraph(span), 0));
  return replaceBlocks(read, first, last, fresh, delta);
}

/**
 * Each run of non-blank lines in `text[from, to)`, from the start of its first
 * line to the end of its last (line breaks excluded); a blank line holds only
 * spaces and tabs, as in CommonMark. Undefined past `limit` runs.
 */
export function plainChunkSpans(text: string, from: number, to: number, limit = PLAIN_CHUNK_LIMIT): Span[] | undefined {
  const spans: Span[] = [];
  let runStart = -1;
  let runEnd = -1;
  let lineStart = from;
  for (;;) {
    let i = lineStart;
    let blank = true;
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      if (c !== 32 && c !== 9) blank = false;
    }
    if (!blank) {
      if (runStart < 0) runStart = lineStart;
      runEnd = i;
    } else if (runStart >= 0) {
      if (spans.length === limit) return undefined;
      spans.push({ start: runStart, end: runEnd });
      runStart = -1;
    }
    if (i >= to) break;
    lineStart = i + (text.charCodeAt(i) === 13 && i + 1 < to && text.charCodeAt(i + 1) === 10 ? 2 : 1);
  }
  if (runStart >= 0) {
    if (spans.length === limit) return undefined;
    spans.push({ start: runStart, end: runEnd });
  }
  return spans;
}

function pseudoParagraph(span: Span): RootContent {
  return {
    type: 'paragraph',
    children: [],
    position: { start: { line: 1, column: 1, offset: span.start }, end: { line: 1, column: 1, offset: span.end } },
  };
}
