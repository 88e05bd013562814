import type { Element, ElementContent, Properties, RootContent as HastRootContent, Text } from 'hast';
import type { Problem, Clause, ContractDocument } from '../model.js';
import { blockAt, bodyTrees, type Structure } from './blockTrees.js';
import { anchorProblems, type PlacedProblem, type TextRun } from './problemMarks.js';
import { isSafeHref, neutralise } from './safety.js';
import { TOKEN_CHARS, type SubstitutedBlock, type SubstitutedSource } from './substitute.js';
import { renderTextRun } from './textRun.js';
import { element, tokenElements, type TokenContext } from './tokenElements.js';

export interface RenderedBody {
  readonly children: ElementContent[];
  /** Problems no text run could carry (front matter, link addresses); listed in the summary instead. */
  readonly unanchored: Problem[];
}

/** Elements whose `data-offset` lets the preview follow the editor and jump back to the source. */
const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'li', 'table', 'tr', 'hr', 'section']);
export const HEADING = /^h[1-6]$/;

type AnyNode = HastRootContent | ElementContent;

/**
 * Renders the contract's body. The trees may be shared with the block cache,
 * so they are never changed: a first walk only reads where the text runs
 * are (to anchor problems), a second builds the output from fresh nodes.
 */
export function renderBody(
  doc: ContractDocument,
  substituted: SubstitutedSource,
  problems: readonly Problem[],
  context: TokenContext,
  structure: Structure,
): RenderedBody {
  const groups = bodyTrees(doc, substituted, context.locale, structure);
  const runs: TextRun[] = [];
  for (const group of groups) for (const node of group.children) collectRuns(node, group.delta, substituted, runs);
  const { byRun, unanchored } = anchorProblems(runs, problems, doc.text);
  const builder = new BodyBuilder(substituted, context, byRun);
  const children: ElementContent[] = [];
  for (const group of groups) {
    for (const node of group.children) {
      // One line break between top-level blocks, however the trees were cut.
      if (node.type === 'text' && node.position === undefined && node.value.trim() === '') continue;
      if (children.length > 0) children.push({ type: 'text', value: '\n' });
      builder.build(node, group.delta, undefined, children);
    }
  }
  // A problem whose text was left out (the address of a removed link) is listed with the others.
  for (const [key, placed] of byRun) if (!builder.marked.has(key)) unanchored.push(...placed.map((p) => p.problem));
  return { children, unanchored };
}

function collectRuns(node: AnyNode, delta: number, substituted: SubstitutedSource, runs: TextRun[]): void {
  if (node.type === 'text') {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      runs.push({ key: start + delta, start: substituted.map.toOriginal(start + delta), end: substituted.map.toOriginalEnd(end + delta) });
    }
  } else if (node.type === 'element') {
    for (const child of node.children) collectRuns(child, delta, substituted, runs);
  }
}

class BodyBuilder {
  /** Runs whose problems were marked, by key. */
  readonly marked = new Set<number>();
  private readonly usedIds = new Set<string>();
  private readonly ancestors: Element[] = [];

  constructor(
    private readonly substituted: SubstitutedSource,
    private readonly context: TokenContext,
    private readonly byRun: ReadonlyMap<number, PlacedProblem[]>,
  ) {}

  /** Appends what `node` renders as to `out`; `delta` moves its positions from its block's text to the whole source. */
  build(node: AnyNode, delta: number, enclosing: SubstitutedBlock | undefined, out: ElementContent[]): void {
    if (node.type === 'text') {
      this.text(node, delta, enclosing, out);
      return;
    }
    if (node.type !== 'element') return; // raw HTML, comments and doctypes never pass
    if ((node.tagName === 'a' && !isSafeHref(node.properties.href)) || node.tagName === 'img') {
      for (const child of neutralise(node, this.context.locale)) this.build(child, delta, enclosing, out);
      return;
    }
    const start = node.position?.start.offset;
    const subStart = start === undefined ? undefined : start + delta;
    const block = subStart === undefined ? enclosing : (blockAt(this.substituted.blocks, subStart) ?? enclosing);
    const copy: Element = {
      type: 'element',
      tagName: node.tagName,
      properties: cleanProperties(node.properties),
      children: [],
      position:
        node.position && subStart !== undefined
          ? { start: { ...node.position.start, offset: subStart }, end: { ...node.position.end, offset: (node.position.end.offset ?? start!) + delta } }
          : undefined,
    };
    if (subStart !== undefined && BLOCK_TAGS.has(node.tagName)) copy.properties.dataOffset = this.substituted.map.toOriginal(subStart);
    if (node.tagName === 'li' && subStart !== undefined && this.ancestors[this.ancestors.length - 1]?.tagName === 'ol') {
      // `1.` `1.` `1.` reads 1, 1, 1 in the source and in every clause reference, so it does here too.
      const written = /^[ \t]*(\d{1,9})[.)]/.exec(this.substituted.text.slice(subStart, subStart + 16));
      if (written) copy.properties.value = String(Number(written[1]));
    }
    this.ancestors.push(copy);
    for (const child of node.children) this.build(child, delta, block, copy.children);
    this.ancestors.pop();
    if (copy.tagName === 'p' && copy.position && keepsLineBreaks(this.substituted.text.slice(copy.position.start.offset, copy.position.end.offset))) {
      copy.children = withLineBreaks(copy.children);
      copy.properties.className = ['cm-lines'];
    }
    if (copy.tagName === 'section' && copy.properties.dataOffset === undefined) {
      // The footnotes section is generated; it stands where its first note was written.
      const first = firstOffset(copy);
      if (first !== undefined) copy.properties.dataOffset = first;
    }
    out.push(copy);
  }

  private text(node: Text, delta: number, enclosing: SubstitutedBlock | undefined, out: ElementContent[]): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const key = start === undefined ? undefined : start + delta;
    const problems = key === undefined ? undefined : this.byRun.get(key);
    if (problems === undefined && node.value.search(TOKEN_CHARS) < 0) {
      // A copy: the node may belong to the block cache, and `RenderedContract.tree` is the caller's to change.
      out.push({ type: 'text', value: node.value });
      return;
    }
    if (problems !== undefined) this.marked.add(key!);
    const block = key === undefined ? enclosing : (blockAt(this.substituted.blocks, key) ?? enclosing);
    const range = key === undefined || end === undefined ? undefined : { start: key, end: end + delta };
    const replaced = renderTextRun(node.value, range, problems, {
      source: this.substituted.text,
      map: this.substituted.map,
      tokens: block?.tokens ?? [],
      tokenNodes: (token) => (token.kind === 'label' ? this.labelAnchor(token.clause) : tokenElements(token, this.context)),
    });
    for (const child of replaced) out.push(child);
  }

  /**
   * A `{#label}` vanishes from the text and becomes the id of its clause's
   * element, so `#clause-label` links land on it. A clause that starts inside a
   * paragraph gets an empty anchor where its label stood.
   */
  private labelAnchor(clause: Clause): ElementContent[] {
    const id = `clause-${clause.label}`;
    if (this.usedIds.has(id)) return [];
    this.usedIds.add(id);
    const wanted = clause.container === 'heading' ? HEADING : clause.container === 'listItem' ? /^li$/ : /^p$/;
    for (let i = this.ancestors.length - 1; i >= 0; i--) {
      const candidate = this.ancestors[i]!;
      if (!wanted.test(candidate.tagName)) continue;
      const offset = candidate.position?.start.offset;
      const start = offset === undefined ? undefined : this.substituted.map.toOriginal(offset);
      const startsHere = start !== undefined && start >= clause.span.start && start < Math.max(clause.span.end, clause.span.start + 1);
      if ((clause.container !== 'paragraph' || startsHere) && candidate.properties.id === undefined) {
        candidate.properties.id = id;
        return [];
      }
      break;
    }
    return [element('span', { className: ['cm-anchor'], id }, [])];
  }
}

// `甲方：…` `地址：…` `Name:` — a line that starts with a short caption and a colon.
const CAPTION_LINE = /^[ \t]*[^\s，。,.;；：:]{1,20}[ \t]*[：:]/;
// `甲方（盖章）` `（签字）` — the signature lines of a Chinese contract.
const SIGNATURE_LINE = /[（(](?:盖章|签字|签章|签名|公章)[）)]/;

/**
 * Party blocks and signature blocks are written one item per line, and a
 * reader needs them that way: when most lines of a paragraph are captioned
 * (`地址：…`) or signature lines, its single line breaks are kept.
 */
export function keepsLineBreaks(source: string): boolean {
  const lines = source.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  if (lines.length === 1) return SIGNATURE_LINE.test(lines[0]!);
  if (lines.length === 0) return false;
  const structured = lines.filter((line) => CAPTION_LINE.test(line) || SIGNATURE_LINE.test(line)).length;
  return structured * 2 >= lines.length;
}

/** Each line break in the paragraph's own text becomes a `<br>`. */
function withLineBreaks(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (child.type !== 'text' || !/[\r\n]/.test(child.value)) {
      out.push(child);
      continue;
    }
    child.value.split(/[ \t]*(?:\r\n|\r|\n)[ \t]*/).forEach((line, i) => {
      if (i > 0) out.push({ type: 'element', tagName: 'br', properties: {}, children: [] }, { type: 'text', value: '\n' });
      if (line !== '') out.push({ type: 'text', value: line });
    });
  }
  return out;
}

/** A copy of the properties without token characters (a blank inside a bare URL must not leak into `href`). */
function cleanProperties(properties: Properties): Properties {
  const copy: Properties = {};
  for (const key in properties) {
    const value = properties[key];
    copy[key] = typeof value === 'string' && value.search(TOKEN_CHARS) >= 0 ? value.replace(TOKEN_CHARS, '') : Array.isArray(value) ? [...value] : value;
  }
  return copy;
}

function firstOffset(node: Element): number | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (typeof child.properties.dataOffset === 'number') return child.properties.dataOffset;
    const nested = firstOffset(child);
    if (nested !== undefined) return nested;
  }
  return undefined;
}
