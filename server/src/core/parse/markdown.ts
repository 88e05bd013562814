import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { Root } from 'mdast';
import type { Processor } from 'unified';

/**
 * CommonMark + GFM + YAML front matter, with CJK-friendly emphasis so that
 * `**首期款：**30%` is bold as a Chinese reader expects (commonmark-spec #650).
 */
const processor = remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkCjkFriendly).freeze();

/** A remark plugin that switches micromark's emphasis and strong constructs off. */
function withoutEmphasis(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ['attention'] } });
}

/**
 * The same grammar without emphasis, for the checker, which reads blocks,
 * links, code and HTML but never emphasis. micromark resolves emphasis by
 * walking back from every closing `_`/`*` run to an opener, quadratic in the
 * unmatched runs of a paragraph, and a contract full of `____` blanks is
 * exactly that input: a 360 KB paragraph of them took 42 s, 1.6 s without.
 */
const structureProcessor = remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(withoutEmphasis).freeze();

/**
 * Parses Markdown into an mdast tree whose offsets index `text` itself.
 * micromark drops a leading BOM and counts from after it, so callers strip
 * the BOM first and shift offsets back (see `parseContract`).
 */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

/** Like `parseMarkdown`, but emphasis stays plain text: the tree the checker needs, in linear time. */
export function parseMarkdownStructure(text: string): Root {
  return structureProcessor.parse(text) as Root;
}
