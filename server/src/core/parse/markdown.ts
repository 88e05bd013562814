import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { Root } from 'mdast';

/**
 * CommonMark + GFM + YAML front matter, with CJK-friendly emphasis so that
 * `**首期款：**30%` is bold as a Chinese reader expects (commonmark-spec #650).
 */
const processor = remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkCjkFriendly).freeze();

/**
 * Parses Markdown into an mdast tree whose offsets index `text` itself.
 * micromark drops a leading BOM and counts from after it, so callers strip
 * the BOM first and shift offsets back (see `parseContract`).
 */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}
