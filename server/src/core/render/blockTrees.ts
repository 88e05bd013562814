import type { Root as HastRoot, RootContent as HastRootContent } from 'hast';
import type { Root as MdastRoot, RootContent as MdastRootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import type { ContractDocument, Locale } from '../model.js';
import { parseMarkdown } from '../parse/markdown.js';
import { renderMessage } from './messages.js';
import { htmlHandler } from './safety.js';
import type { SubstitutedBlock, SubstitutedSource } from './substitute.js';

/**
 * How the body is read: `blocks` parses each top-level block on its own
 * (and reuses blocks it has seen), `document` parses the whole text at once,
 * `plain` shows paragraphs without Markdown.
 */
export type Structure = 'blocks' | 'document' | 'plain';

/**
 * The hast of the contract's body, positions in substituted-source offsets.
 *
 * Parsing is most of a render's cost (≈2 s for 1 MB), and a preview renders
 * after every edit, so each top-level block is parsed alone and its tree kept:
 * an edit reparses only the blocks it changed. A block parses alone exactly as
 * in the whole document, except where link or footnote definitions (which
 * reach across blocks) exist; such a contract is parsed whole.
 */
export function bodyTrees(doc: ContractDocument, substituted: SubstitutedSource, locale: Locale, structure: Structure): TreeGroup[] {
  if (doc.issues.some((i) => i.code === 'document-limits' && i.key === 'binary')) return [];
  // Where the parser could not read the structure (too large, nested too deeply), neither do we.
  if (structure === 'plain' || doc.issues.some((i) => i.code === 'document-limits')) {
    return [{ children: convert(plainParagraphs(substituted.text), locale).children, delta: 0 }];
  }
  if (structure === 'document' || DEFINITION.test(doc.text)) return [{ children: convert(parseMarkdown(substituted.text), locale).children, delta: 0 }];
  return substituted.blocks.map((block) => {
    const source = substituted.text.slice(block.sliceStart, block.sliceEnd);
    const tree = cachedTree(`${locale}\u0000${source}`, () => convert(parseMarkdown(source), locale));
    return { children: tree.children, delta: block.sliceStart };
  });
}

/** Trees whose positions are `delta` behind the substituted source (a cached block's own text starts at 0). */
export interface TreeGroup {
  /** Shared with the cache: read, never change. */
  readonly children: readonly HastRootContent[];
  readonly delta: number;
}

/** A link reference or footnote definition, anywhere (in a quote or a list too). */
const DEFINITION = /^[ \t]{0,3}(?:>[ \t]?)*(?:[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+)*\[[^\]\r\n]+\]:/m;

function convert(tree: MdastRoot, locale: Locale): HastRoot {
  return toHast(tree, {
    handlers: { html: htmlHandler(locale) },
    footnoteLabel: renderMessage(locale, 'footnotes'),
    footnoteBackLabel: (reference: number) => renderMessage(locale, 'footnoteBack', { reference: reference + 1 }),
  }) as HastRoot;
}

/**
 * Where `parseContract` skipped Markdown (above its size limit, or nested too
 * deeply), the text is shown as paragraphs split at blank lines, still with
 * its values and gaps.
 */
function plainParagraphs(source: string): MdastRoot {
  const children: MdastRootContent[] = [];
  const paragraph = /[^\r\n]*\S[^\r\n]*(?:(?:\r\n|\r|\n)[^\r\n]*\S[^\r\n]*)*/g;
  for (const match of source.matchAll(paragraph)) {
    const start = match.index;
    const end = start + match[0].length;
    const position = { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: end } };
    children.push({ type: 'paragraph', children: [{ type: 'text', value: match[0], position }], position });
  }
  return { type: 'root', children };
}

/** The block a substituted offset falls in. */
export function blockAt(blocks: readonly SubstitutedBlock[], offset: number): SubstitutedBlock | undefined {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const block = blocks[mid]!;
    if (offset < block.sliceStart) high = mid - 1;
    else if (offset >= block.sliceEnd) low = mid + 1;
    else return block;
  }
  return undefined;
}

// Trees of recently rendered blocks, keyed by locale and substituted text,
// least recently used first. Bounded by the text they stand for, so a few
// open megabyte contracts fit but memory does not grow without end.
const CACHE_BUDGET = 4_000_000;
const cache = new Map<string, HastRoot>();
let cachedLength = 0;

function cachedTree(key: string, build: () => HastRoot): HastRoot {
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const tree = build();
  if (key.length > CACHE_BUDGET / 4) return tree;
  cache.set(key, tree);
  cachedLength += key.length;
  for (const oldest of cache.keys()) {
    if (cachedLength <= CACHE_BUDGET) break;
    cachedLength -= oldest.length;
    cache.delete(oldest);
  }
  return tree;
}
