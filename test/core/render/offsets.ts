import assert from 'node:assert/strict';
import { tags, type Tag } from './helpers.js';

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'table', 'tr', 'ul', 'ol', 'pre']);
/** Markup a block starts with in the source but a reader never sees. */
const MARKUP = /^[ \t]*(?:#{1,6}[ \t]+|(?:(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])|\||```[^\r\n]*(?:\r\n|\r|\n))[ \t]*)*)/;

/**
 * Asserts that every block element's `data-offset` points at that block in
 * the source: past the Markdown markup, the source reads as the block begins.
 * Blocks that begin with a value or a gap (text the source does not hold) are
 * compared from their first literal character instead.
 */
export function assertOffsetsPointAtSource(html: string, source: string): number {
  let checked = 0;
  const frontMatterEnd = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---/.exec(source)?.[0].length ?? 0;
  for (const tag of tags(html)) {
    if (!BLOCKS.has(tag.name) || tag.attributes['data-offset'] === undefined) continue;
    if (/\bcm-/.test(tag.attributes.class ?? '')) continue; // our own notices and title
    const offset = Number(tag.attributes['data-offset']);
    if (offset < frontMatterEnd) continue; // the parties table, drawn from the front matter
    const expected = leadingLiteral(tag);
    if (expected === '') continue;
    // Emphasis and link brackets are markup too; a link's words may be a clause number it was replaced by.
    const at = source
      .slice(offset, offset + 200)
      .replace(MARKUP, '')
      .replace(/[\[*_`~]/g, '');
    assert.ok(
      at.startsWith(expected),
      `<${tag.name} data-offset="${offset}"> should point at ${JSON.stringify(expected)}, source there reads ${JSON.stringify(at.slice(0, 30))}`,
    );
    checked++;
  }
  return checked;
}

/** The first two characters of a block's text that come from the source as written. */
function leadingLiteral(tag: Tag): string {
  return tag.inner
    .trimStart()
    .split(/\s/)[0]!
    .slice(0, 2)
    .replace(/[［\[].*$/, '');
}
