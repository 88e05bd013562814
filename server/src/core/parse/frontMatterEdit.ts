import { CONTEXT_REACH, readsAround } from './block.js';
import { readFrontMatter, type FrontMatterModel } from '../frontMatter/readFrontMatter.js';
import { closedFrontMatterEnd } from './markdown.js';
import { replaceBlocks, startOf, type ReadBlocks } from './readBlocks.js';

interface Change {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Filling in a value is an edit inside the front matter's YAML, the commonest
 * edit a drafter makes. The body is read the same whatever the YAML says
 * (remark takes the front matter as one block and starts afresh after its
 * closing fence), so its blocks are only moved, and only the front matter is
 * read again: a full parse would cost a second per hundred kilobytes.
 * Undefined when the edit could change where the front matter ends, or a
 * block near it read the front matter's text as its context.
 */
export function editInFrontMatter(
  previousText: string,
  text: string,
  frontMatter: FrontMatterModel | undefined,
  read: ReadBlocks,
  change: Change,
): { readonly frontMatter: FrontMatterModel; readonly read: ReadBlocks } | undefined {
  if (frontMatter === undefined) return undefined;
  const { span, contentSpan } = frontMatter.frontMatter;
  // The fence lines themselves stay out of reach: an edit there can open the front matter to the whole text.
  if (change.start < contentSpan.start || change.end > contentSpan.end) return undefined;
  const delta = change.text.length - (change.end - change.start);
  const end = closedFrontMatterEnd(previousText, span.start);
  // A `---` typed into the YAML closes it early, and what followed becomes body.
  if (end === 0 || closedFrontMatterEnd(text, span.start) !== end + delta) return undefined;
  for (let i = 0; i < read.blocks.length && startOf(read, i) - CONTEXT_REACH < span.end; i++) if (readsAround(read.blocks[i]!)) return undefined;
  return {
    frontMatter: readFrontMatter(text, { start: span.start, end: span.end + delta }),
    read: delta === 0 ? read : replaceBlocks(read, 0, -1, [], delta),
  };
}
