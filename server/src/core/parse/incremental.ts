import type { ContractDocument } from '../model.js';
import { CONTEXT_REACH, extractBlock, readsAround, type ExtractedBlock } from './block.js';
import type { FrontMatterModel } from '../frontMatter/readFrontMatter.js';
import { closedFrontMatterEnd, parseMarkdownStructure } from './markdown.js';
import { PARSE_STATE, assemble, parseContract, parseMode, type ParseOptions } from './parseContract.js';
import { reparsePlainBlocks } from './plainChunks.js';
import { recordLastEdit } from './lastEdit.js';
import { editInFrontMatter } from './frontMatterEdit.js';
import { endOf, firstIndex, replaceBlocks, startOf, type ReadBlocks } from './readBlocks.js';
import { LOCAL, OPENING_FENCE, REACHING, REACHING_OR_LIST, SELF_CONTAINED, startsLine } from './locality.js';

/** One text change: replace `[start, end)` of the previous text with `text`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** How many blocks the window may grow by to find its edges; past that, the whole text is parsed again. */
const WINDOW_GROWTH = 16;

/**
 * Applies one change and reparses only the top-level blocks it touched (with
 * those whose context it reaches, and one neighbour on each side), reusing every other block. Falls back to a full
 * parse whenever locality cannot be guaranteed: the front matter's fences, code fences,
 * HTML, lists, block quotes or link definitions in reach. The result equals
 * `parseContract(newText)`; the tests hold it to that.
 */
export function reparseContract(previous: ContractDocument, change: TextChange, options?: ParseOptions): ContractDocument {
  return reparseWithChanges(previous, [change], options);
}

/**
 * Applies several changes in order, as an LSP `didChange` lists them, and
 * assembles the document once at the end.
 */
export function reparseWithChanges(previous: ContractDocument, changes: readonly TextChange[], options?: ParseOptions): ContractDocument {
  const state = PARSE_STATE.get(previous);
  let text = previous.text;
  const parseOptions = options ?? state?.options ?? {};
  let read: ReadBlocks | undefined = state && (options === undefined || options === state.options) ? state.read : undefined;
  let frontMatter = state?.frontMatter;
  for (const change of changes) {
    const next = text.slice(0, change.start) + change.text + text.slice(change.end);
    const inFrontMatter = read && editInFrontMatter(text, next, frontMatter, read, change);
    if (inFrontMatter) ({ frontMatter, read } = inFrontMatter);
    else if (read && state?.plainIssues)
      read = plainFrontMatterKept(text, next, frontMatter, change)
        ? reparsePlainBlocks(text, next, read, change, frontMatter?.frontMatter.span.end)
        : undefined;
    else read = read && state ? reparseBlocks(text, next, frontMatter, read, change) : undefined;
    text = next;
  }
  // An edit across the Markdown limit changes how the whole text is read, and a NUL typed in makes it binary data.
  if (!state || !read || parseMode(text, parseOptions) !== (state.plainIssues ? 'plain' : 'markdown') || changes.some((c) => c.text.includes('\u0000')))
    return parseContract(text, parseOptions);
  if (read === state.read && text === previous.text) return previous;
  // The blocks before the first edited one are the previous document's own, where they were: its lists for them are reused.
  const before = state.read;
  let keep = 0;
  while (keep < read.blocks.length && keep < before.blocks.length && read.blocks[keep] === before.blocks[keep] && read.deltas[keep] === before.deltas[keep])
    keep++;
  // The blocks after the last edited one are the previous document's too, moved.
  let tail = 0;
  const shared = Math.min(read.blocks.length, before.blocks.length) - keep;
  while (tail < shared && read.blocks[read.blocks.length - 1 - tail] === before.blocks[before.blocks.length - 1 - tail]) tail++;
  const doc = assemble(text, frontMatter, read, parseOptions, state.plainIssues ?? [], { doc: previous, keep, tail });
  PARSE_STATE.set(doc, { frontMatter, read, options: parseOptions, plainIssues: state.plainIssues });
  if (changes.length === 1) recordLastEdit(doc, previous.text, changes[0]!);
  return doc;
}

/**
 * Whether a change leaves the plain reading's front matter as it was: it must
 * start after the front matter, or after the first line when there is none
 * (where a `---` would open one), and must not close one left open.
 */
function plainFrontMatterKept(previousText: string, text: string, frontMatter: FrontMatterModel | undefined, change: TextChange): boolean {
  const offset = previousText.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (frontMatter !== undefined) return change.start > frontMatter.frontMatter.span.end;
  const head = previousText.slice(offset, offset + FIRST_LINE_READ);
  const lineBreak = head.search(/[\r\n]/);
  if (change.start <= offset + (lineBreak < 0 ? head.length : lineBreak)) return false;
  // Past what is read of a long first line, an edit could still shorten `---` and spaces to a fence.
  if (lineBreak < 0 && /^---[ \t]*$/.test(head)) return false;
  return closedFrontMatterEnd(text, offset) === 0;
}

// A first line longer than this is no fence; reading no further keeps the test constant.
const FIRST_LINE_READ = 256;

/**
 * The blocks of `text` (the previous text with `change` applied), reusing the
 * previous blocks outside the change; undefined when only a full parse is safe.
 */
function reparseBlocks(
  previousText: string,
  text: string,
  frontMatter: FrontMatterModel | undefined,
  read: ReadBlocks,
  change: TextChange,
): ReadBlocks | undefined {
  const blocks = read.blocks;
  const previous = { text: previousText };
  const full = () => undefined;
  const bodyStart = frontMatter ? frontMatter.frontMatter.span.end : previousText.charCodeAt(0) === 0xfeff ? 1 : 0;
  // A `---` that opens no front matter makes remark-frontmatter read every later list and block quote as a
  // paragraph (micromark-extension-frontmatter): only a full parse reads lists as it does then.
  const local = frontMatter === undefined && OPENING_FENCE.test(previousText) ? SELF_CONTAINED : LOCAL;
  const reaching = local === LOCAL ? REACHING : REACHING_OR_LIST;
  if (change.start < bodyStart + 1 || blocks.length === 0) return full();

  // The blocks the change touches, and those near it (CONTEXT_REACH characters
  // each side, across any short block between) whose facts read the text
  // around them; widened by one block each side so merges and splits are seen.
  let first = firstIndex(blocks.length, (i) => endOf(read, i) >= change.start);
  if (first >= blocks.length) first = blocks.length - 1;
  let last = Math.max(first, firstIndex(blocks.length, (i) => startOf(read, i) > change.end) - 1);
  for (let i = first - 1; i >= 0 && endOf(read, i) + CONTEXT_REACH >= change.start; i--) if (readsAround(blocks[i]!)) first = i;
  for (let i = last + 1; i < blocks.length && startOf(read, i) - CONTEXT_REACH <= change.end; i++) if (readsAround(blocks[i]!)) last = i;
  first = Math.max(0, first - 1);
  last = Math.min(blocks.length - 1, last + 1);
  // Grow the window until nothing outside it can merge with what the edit makes
  // of it: it starts and ends at blank lines (a heading right after a paragraph
  // line could otherwise turn into that paragraph's last line), no list stands
  // next to it (a list takes in an item of its kind after a blank line), and the
  // block after it starts its line (an indented one can belong to a list item).
  // A lone `\r` breaks a line too, but the `\r` of a CRLF is no line of its own: `\r\n` alone is no blank line.
  const BLANK_BEFORE = /(?:^|\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)[ \t]*$/;
  const blankBefore = (i: number) => BLANK_BEFORE.test(previous.text.slice(Math.max(bodyStart, startOf(read, i) - 64), startOf(read, i)));
  for (let guard = 0; ; guard++) {
    const before = first > 0 ? blocks[first - 1]! : undefined;
    const after = last + 1 < blocks.length ? blocks[last + 1]! : undefined;
    const growFirst = before !== undefined && (!blankBefore(first) || before.type === 'list');
    const growLast = after !== undefined && (!blankBefore(last + 1) || after.type === 'list' || !startsLine(previous.text, startOf(read, last + 1)));
    if (!growFirst && !growLast) break;
    if (guard > WINDOW_GROWTH) return full();
    if (growFirst) first--;
    if (growLast) last++;
  }
  for (let i = first; i <= last; i++) if (!local.has(blocks[i]!.type)) return full();
  // Neighbours just outside the window must not be able to absorb it (a block quote taking in a paragraph).
  if (first > 0 && !SELF_CONTAINED.has(blocks[first - 1]!.type)) return full();
  if (last + 1 < blocks.length && !SELF_CONTAINED.has(blocks[last + 1]!.type)) return full();

  const windowStart = first === 0 ? bodyStart : startOf(read, first);
  const oldWindowEnd = last === blocks.length - 1 ? previous.text.length : startOf(read, last + 1);
  const delta = change.text.length - (change.end - change.start);
  const newWindowEnd = oldWindowEnd + delta;
  if (change.end > oldWindowEnd) return full();
  const windowText = text.slice(windowStart, newWindowEnd);
  const oldWindowText = previous.text.slice(windowStart, oldWindowEnd);
  if (reaching.test(windowText) || reaching.test(oldWindowText) || /^\s*---/.test(windowText)) return full();
  // The window must end on a blank line (or the end of the text) so the next block starts afresh.
  if (newWindowEnd < text.length && !/(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)[ \t]*$/.test(windowText)) return full();

  const fresh: ExtractedBlock[] = [];
  try {
    const tree = parseMarkdownStructure(windowText);
    for (const node of tree.children) {
      if (!local.has(node.type)) return full();
      fresh.push(extractBlock(text, node, windowStart));
    }
  } catch {
    return full(); // a window nested too deeply: the full parse reports it
  }
  return replaceBlocks(read, first, last, fresh, delta);
}
