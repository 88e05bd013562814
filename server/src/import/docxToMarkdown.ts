/**
 * A Word contract as Clausemark Markdown: the package is opened within limits
 * (docxPackage), what mammoth would drop is put back into the XML
 * (wordDocument, numbering), mammoth turns the document into HTML, and
 * rehype-remark and remark-stringify turn that into Markdown. Gaps travel as
 * private-use tokens and are written last (markdownGaps).
 */
import mammoth from 'mammoth';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { FootnoteDefinition, Root as MdastRoot } from 'mdast';
import { readDocxPackage, repackForMammoth } from './docxPackage.js';
import { NumberingCounter } from './numbering.js';
import { WordRewriter, type Findings } from './wordDocument.js';
import { parseXml, serializeXml, wDescendants, wAttr, wChild } from './wordXml.js';
import { finishMarkdown } from './markdownGaps.js';

export interface ImportedDocx {
  /** The contract as Markdown, ending with one newline. */
  readonly markdown: string;
  readonly findings: Findings;
  /** What mammoth warned about (unknown styles, unsupported elements), for the curious. */
  readonly warnings: readonly string[];
}

/** Options for remark-stringify: the Markdown Clausemark's own files are written in. */
const STRINGIFY = { bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-', listItemIndent: 'one', incrementListMarker: true } as const;

export async function docxToMarkdown(bytes: Uint8Array): Promise<ImportedDocx> {
  const { parts } = await readDocxPackage(bytes);
  const part = (path: string) => {
    const text = parts.get(path);
    return text === undefined ? undefined : parseXml(text, path);
  };
  const body = part('word/document.xml')!;
  const styles = part('word/styles.xml');
  const rewriter = new WordRewriter(new NumberingCounter(part('word/numbering.xml'), styles));
  rewriter.readComments(part('word/comments.xml'), body);
  rewriter.rewrite(body, 'body');
  const rewritten = new Map(parts);
  rewritten.set('word/document.xml', serializeXml(body));
  for (const notes of ['word/footnotes.xml', 'word/endnotes.xml']) {
    const doc = part(notes);
    if (!doc) continue;
    rewriter.rewrite(doc, 'notes');
    rewritten.set(notes, serializeXml(doc));
  }

  const result = await mammoth.convertToHtml(
    { buffer: await repackForMammoth(rewritten) },
    {
      styleMap: styleMap(styles, body),
      ignoreEmptyParagraphs: true,
      // Images are not part of the contract text; they are never read.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    },
  );
  const hast = unified().use(rehypeParse, { fragment: true }).parse(result.value) as HastRoot;
  const notes = takeNotes(hast);
  tidyHtml(hast);
  const toMdast = async (tree: HastRoot) => (await unified().use(rehypeRemark, { document: false }).run(tree)) as MdastRoot;
  const mdast = await toMdast(hast);
  for (const note of notes) {
    tidyHtml(note.content);
    const definition: FootnoteDefinition = {
      type: 'footnoteDefinition',
      identifier: note.id,
      label: note.id,
      children: (await toMdast(note.content)).children as FootnoteDefinition['children'],
    };
    mdast.children.push(definition);
  }
  const markdown = finishMarkdown(mdast, rewriter.findings, (tree) => unified().use(remarkGfm).use(remarkStringify, STRINGIFY).stringify(tree));
  return { markdown, findings: rewriter.findings, warnings: result.messages.map((m) => m.message) };
}

/**
 * Word's Title is the contract's name (`#`); when a document has one, its
 * Heading 1 is the first level under it (`##`), as Clausemark's own export
 * writes them. Chinese Word stores the same built-in names.
 */
function styleMap(styles: Document | undefined, body: Document): string[] {
  // Templates define Title whether or not it is used: what counts is a paragraph that uses it.
  const titleIds = new Set(
    (styles ? wDescendants(styles, 'style') : []).filter((s) => /^title$/i.test(wAttr(wChild(s, 'name')) ?? '')).map((s) => wAttr(s, 'styleId')),
  );
  const titleUsed = wDescendants(body, 'pStyle').some((p) => titleIds.has(wAttr(p)));
  const shift = titleUsed ? 1 : 0;
  const map = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];
  for (let level = 1; level <= 6; level++) map.push(`p[style-name='heading ${level}'] => h${Math.min(6, level + shift)}:fresh`);
  map.push("r[style-name='Strong'] => strong", 'u => ', 'strike => del');
  return map;
}

/**
 * HTML shapes Markdown cannot hold, reshaped before rehype-remark: a table's
 * first row is its header; the paragraphs of a cell become lines of one cell;
 * mammoth's footnote links become footnote markers; images go.
 */
function tidyHtml(root: HastRoot): void {
  const visit = (node: HastRoot | Element) => {
    // Pictures are not contract text: an image leaves its description, if it has one.
    node.children = node.children.flatMap((child): typeof node.children => {
      if (child.type !== 'element' || child.tagName !== 'img') return [child];
      const alt = typeof child.properties?.['alt'] === 'string' ? child.properties['alt'].trim() : '';
      return alt === '' ? [] : [{ type: 'text', value: `［${alt}］` }];
    }) as typeof node.children;
    for (const child of node.children) if (child.type === 'element') visit(child);
    if (node.type !== 'element') return;
    if (node.tagName === 'table') headerRow(node);
    if (node.tagName === 'td' || node.tagName === 'th') node.children = cellLines(node.children);
    if (node.tagName === 'sup') {
      const link = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a');
      const note = typeof link?.properties?.['href'] === 'string' ? /^#(foot|end)note-(\d+)$/.exec(link.properties['href']) : null;
      if (note) node.children = [{ type: 'text', value: `\uE002${note[1] === 'end' ? 'e' : ''}${note[2]}\uE003` }];
    }
  };
  visit(root);
}

/**
 * Mammoth lists footnotes and endnotes at the end, each item linking back to
 * its reference: they are taken out, to become Markdown footnote definitions.
 */
function takeNotes(root: HastRoot): Array<{ id: string; content: HastRoot }> {
  const notes: Array<{ id: string; content: HastRoot }> = [];
  const isNoteList = (node: ElementContent) =>
    node.type === 'element' &&
    node.tagName === 'ol' &&
    node.children.some((li) => li.type === 'element' && /^(?:foot|end)note-\d+$/.test(String(li.properties?.['id'] ?? '')));
  for (const list of root.children.filter((c): c is Element => c.type === 'element' && isNoteList(c))) {
    for (const item of list.children) {
      if (item.type !== 'element') continue;
      const match = /^(foot|end)note-(\d+)$/.exec(String(item.properties?.['id'] ?? ''));
      if (!match) continue;
      dropBackLinks(item);
      notes.push({ id: `${match[1] === 'end' ? 'e' : ''}${match[2]}`, content: { type: 'root', children: item.children } });
    }
  }
  root.children = root.children.filter((c) => c.type !== 'element' || !isNoteList(c));
  return notes;
}

function dropBackLinks(node: Element): void {
  node.children = node.children.filter(
    (c) => !(c.type === 'element' && c.tagName === 'a' && /^#(?:foot|end)note-ref-/.test(String(c.properties?.['href'] ?? ''))),
  );
  for (const child of node.children) if (child.type === 'element') dropBackLinks(child);
}

function headerRow(table: Element): void {
  if (table.children.some((c) => c.type === 'element' && c.tagName === 'thead')) return;
  const container = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'tbody') ?? table;
  const first = container.children.find((c): c is Element => c.type === 'element' && c.tagName === 'tr');
  if (!first) return;
  container.children = container.children.filter((c) => c !== first);
  table.children.unshift({ type: 'element', tagName: 'thead', properties: {}, children: [first] });
}

function cellLines(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    const content = child.type === 'element' && child.tagName === 'p' ? child.children : [child];
    if (content.length === 0) continue;
    if (out.length > 0) out.push({ type: 'element', tagName: 'br', properties: {}, children: [] });
    out.push(...content);
  }
  return out;
}
