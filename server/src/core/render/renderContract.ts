import type { Element, ElementContent, Root as HastRoot, RootContent as HastRootContent } from 'hast';
import type { Root as MdastRoot, RootContent as MdastRootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import type { Problem } from '../checks/types.js';
import { listGaps } from '../gaps.js';
import type { Clause, ContractDocument, Locale } from '../model.js';
import { parseMarkdown } from '../parse/markdown.js';
import { renderMessage, summaryText } from './messages.js';
import { anchorProblems, visibleProblems, type TextRun } from './problemMarks.js';
import { htmlHandler, isSafeHref, neutralise, textContent } from './safety.js';
import { substituteSource, TOKEN_CHARS, type SubstitutedSource } from './substitute.js';
import { renderTextRun } from './textRun.js';
import { element, text, tokenElements } from './tokenElements.js';

export interface RenderOptions {
  /** Show each gap as a labelled box (default); `false` prints a line to fill in by hand. */
  readonly showGaps?: boolean;
  /** The language of the summary and labels; the contract's own by default. */
  readonly locale?: Locale;
}

export interface RenderedContract {
  readonly title: string;
  /** One `<article class="clausemark">` fragment: no scripts, no styles, no raw HTML from the contract. */
  readonly html: string;
  /** Open gaps: legacy blanks and placeholders whose field has no value. */
  readonly gapCount: number;
  /** Errors and warnings shown, not counting the reports of the gaps themselves. */
  readonly problemCount: number;
}

/** Elements whose `data-offset` lets the preview follow the editor and jump back to the source. */
const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'li', 'table', 'tr', 'hr', 'section']);
const HEADING = /^h[1-6]$/;

/**
 * Renders a contract as it will read: values filled in and formatted, clause
 * references resolved, every gap and problem visible, under a summary of what
 * is still open. Pure and safe for hostile input: see docs/rendering.md.
 *
 * @param problems what `runChecks` found for this document; errors and warnings are marked where they are
 */
export function renderContract(doc: ContractDocument, problems: readonly Problem[], options: RenderOptions = {}): RenderedContract {
  const shown = visibleProblems(problems);
  const gapCount = listGaps(doc).length;
  const settings: Settings = { locale: options.locale ?? doc.locale, showGaps: options.showGaps ?? true, gapCount, problems: shown };
  const substituted = substituteSource(doc);
  let article: { title: string; html: string };
  try {
    article = renderArticle(doc, substituted, settings, 'markdown');
  } catch {
    // Thousands of nested quotes or list levels exhaust the stack of the
    // recursive tree tools (remark's, hast's, ours); the text still deserves a preview.
    article = renderArticle(doc, substituted, settings, 'plain');
  }
  return { ...article, gapCount, problemCount: shown.length };
}

interface Settings {
  readonly locale: Locale;
  readonly showGaps: boolean;
  readonly gapCount: number;
  /** The problems shown: see `visibleProblems`. */
  readonly problems: readonly Problem[];
}

function renderArticle(doc: ContractDocument, substituted: SubstitutedSource, settings: Settings, structure: 'markdown' | 'plain'): { title: string; html: string } {
  const { locale } = settings;
  const body = renderBody(doc, substituted, settings, structure);
  const frame: ElementContent[] = [summary(locale, settings.gapCount, settings.problems.length, body.unanchored)];
  let title = doc.meta.title;
  if (title !== undefined) {
    frame.push(element('h1', { className: ['cm-title'], dataOffset: doc.meta.titleSpan?.start ?? 0 }, [text(title)]));
  } else {
    title = promoteTitleHeading(body.children, doc, substituted) ?? firstLineTitle(body.children) ?? renderMessage(locale, 'untitled');
  }
  if (doc.parties.length > 0) frame.push(partiesTable(doc, locale));
  const article = element('article', { className: ['clausemark'], lang: locale }, [...frame, ...body.children]);
  return { title, html: toHtml(article) };
}

interface RenderedBody {
  readonly children: ElementContent[];
  /** Problems no text run could carry (front matter, link addresses); listed in the summary instead. */
  readonly unanchored: Problem[];
}

function renderBody(doc: ContractDocument, substituted: SubstitutedSource, settings: Settings, structure: 'markdown' | 'plain'): RenderedBody {
  const { locale, showGaps } = settings;
  const hast = markdownToHast(doc, substituted, locale, structure);
  const runs: TextRun[] = [];
  const children = prepare(hast.children, substituted, locale, runs);
  const { byRun, unanchored } = anchorProblems(runs, settings.problems, doc.text);
  const usedIds = new Set<string>();
  const context = { doc, locale, showGaps };
  const rewrite = (nodes: ElementContent[], ancestors: Element[]): ElementContent[] => {
    const out: ElementContent[] = [];
    for (const node of nodes) {
      if (node.type === 'element') {
        ancestors.push(node);
        node.children = rewrite(node.children, ancestors);
        ancestors.pop();
        out.push(node);
      } else if (node.type === 'text') {
        const replaced = renderTextRun(node, byRun.get(node), {
          source: substituted.text,
          map: substituted.map,
          tokens: substituted.tokens,
          tokenNodes: (token) => (token.kind === 'label' ? labelAnchor(token.clause, ancestors, substituted, usedIds) : tokenElements(token, context)),
        });
        out.push(...(replaced ?? [node]));
      }
      // Anything else (raw HTML, comments) was already dropped by `prepare`; never let it through.
    }
    return out;
  };
  return { children: rewrite(children, []), unanchored };
}

function markdownToHast(doc: ContractDocument, substituted: SubstitutedSource, locale: Locale, structure: 'markdown' | 'plain'): HastRoot {
  const binary = doc.issues.some((i) => i.code === 'document-limits' && i.key === 'binary');
  if (binary) return { type: 'root', children: [] };
  // Where the parser could not read the structure (too large, nested too deeply), neither do we.
  const unstructured = structure === 'plain' || doc.issues.some((i) => i.code === 'document-limits');
  const tree = unstructured ? plainParagraphs(substituted.text) : parseMarkdown(substituted.text);
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

/**
 * First walk: makes the tree safe (unsafe links and images go), gives block
 * elements their source offsets, keeps ordered lists numbered as written, and
 * collects the text runs problems can be marked in.
 */
function prepare(nodes: readonly (HastRootContent | ElementContent)[], substituted: SubstitutedSource, locale: Locale, runs: TextRun[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const position = node.position;
      if (position?.start.offset !== undefined && position.end.offset !== undefined) {
        runs.push({ node, start: substituted.map.toOriginal(position.start.offset), end: substituted.map.toOriginalEnd(position.end.offset) });
      }
      out.push(node);
      continue;
    }
    if (node.type !== 'element') continue; // raw, doctype and comments never pass
    if ((node.tagName === 'a' && !isSafeHref(node.properties.href)) || node.tagName === 'img') {
      out.push(...prepare(neutralise(node, locale), substituted, locale, runs));
      continue;
    }
    cleanProperties(node);
    const offset = node.position?.start.offset;
    if (BLOCK_TAGS.has(node.tagName) && offset !== undefined) node.properties.dataOffset = substituted.map.toOriginal(offset);
    if (node.tagName === 'ol') numberAsWritten(node, substituted.text);
    node.children = prepare(node.children, substituted, locale, runs);
    if (node.tagName === 'section' && node.properties.dataOffset === undefined) {
      // The footnotes section is generated; it stands where its first note was written.
      const first = firstOffset(node);
      if (first !== undefined) node.properties.dataOffset = first;
    }
    out.push(node);
  }
  return out;
}

/** Token characters must not leak into attributes (a blank inside a bare URL, say). */
function cleanProperties(node: Element): void {
  for (const [key, value] of Object.entries(node.properties)) {
    if (typeof value === 'string' && value.search(TOKEN_CHARS) >= 0) node.properties[key] = value.replace(TOKEN_CHARS, '');
  }
}

/** `1.` `1.` `1.` reads 1, 1, 1 in the source and in every clause reference, so it does in the preview too. */
function numberAsWritten(list: Element, source: string): void {
  for (const item of list.children) {
    if (item.type !== 'element' || item.tagName !== 'li') continue;
    const offset = item.position?.start.offset;
    if (offset === undefined) continue;
    const match = /^[ \t]*(\d{1,9})[.)]/.exec(source.slice(offset, offset + 16));
    if (match) item.properties.value = String(Number(match[1]));
  }
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

/**
 * A `{#label}` vanishes from the text and becomes the id of its clause's
 * element, so `#clause-label` links land on it. A clause that starts inside a
 * paragraph gets an empty anchor where its label stood.
 */
function labelAnchor(clause: Clause, ancestors: readonly Element[], substituted: SubstitutedSource, usedIds: Set<string>): ElementContent[] {
  const id = `clause-${clause.label}`;
  if (usedIds.has(id)) return [];
  usedIds.add(id);
  const wanted = clause.container === 'heading' ? HEADING : clause.container === 'listItem' ? /^li$/ : /^p$/;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const candidate = ancestors[i]!;
    if (!wanted.test(candidate.tagName)) continue;
    const offset = candidate.position?.start.offset;
    const start = offset === undefined ? undefined : substituted.map.toOriginal(offset);
    const startsHere = start !== undefined && start >= clause.span.start && start < Math.max(clause.span.end, clause.span.start + 1);
    if (clause.container !== 'paragraph' || startsHere) {
      if (candidate.properties.id === undefined) {
        candidate.properties.id = id;
        return [];
      }
    }
    break;
  }
  return [element('span', { className: ['cm-anchor'], id }, [])];
}

function summary(locale: Locale, gaps: number, problems: number, unanchored: readonly Problem[]): Element {
  const children: ElementContent[] = [element('p', {}, [text(summaryText(locale, gaps, problems))])];
  if (unanchored.length > 0) {
    children.push(
      element(
        'ul',
        { className: ['cm-problem-list'] },
        unanchored.map((p) =>
          element('li', { className: ['cm-problem', p.severity === 'error' ? 'cm-error' : 'cm-warning'], dataOffset: p.span.start, dataCheck: p.checkId }, [text(p.message)]),
        ),
      ),
    );
  }
  return element('section', { className: ['cm-summary'], dataOffset: 0 }, children);
}

function partiesTable(doc: ContractDocument, locale: Locale): Element {
  const cell = (tag: string, value: ElementContent[]) => element(tag, {}, value);
  const header = element('tr', {}, ['partyKey', 'partyRole', 'partyName'].map((key) => cell('th', [text(renderMessage(locale, key))])));
  const rows = doc.parties.map((party) =>
    element('tr', { dataOffset: party.declaration.start }, [
      cell('td', [text(party.key)]),
      cell('td', [text(party.role ?? '')]),
      cell(
        'td',
        party.name === undefined ? [element('span', { className: ['cm-missing'] }, [text(renderMessage(locale, 'partyNameMissing'))])] : [text(party.name)],
      ),
    ]),
  );
  return element('section', { className: ['cm-parties'], dataOffset: doc.parties[0]!.declaration.start }, [
    element('table', {}, [
      element('caption', {}, [text(renderMessage(locale, 'partiesCaption'))]),
      element('thead', {}, [header]),
      element('tbody', {}, rows),
    ]),
  ]);
}

/**
 * Without a `title:` the first heading is the title, unless it is a numbered
 * clause (`## 第一条 …` is the first clause, not the contract's name).
 */
function promoteTitleHeading(children: readonly ElementContent[], doc: ContractDocument, substituted: SubstitutedSource): string | undefined {
  const clauseLines = new Set(doc.clauses.filter((c) => c.container === 'heading').map((c) => c.span.start));
  for (const node of children) {
    if (node.type !== 'element' || !HEADING.test(node.tagName)) continue;
    const offset = node.position?.start.offset;
    if (offset !== undefined && clauseLines.has(lineStart(doc.text, substituted.map.toOriginal(offset)))) return undefined;
    node.tagName = 'h1';
    const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
    node.properties.className = [...classes, 'cm-title'];
    return textContent(node).trim();
  }
  return undefined;
}

/** A plain-text contract opens with its name on a short line of its own. */
function firstLineTitle(children: readonly ElementContent[]): string | undefined {
  const first = children.find((node): node is Element => node.type === 'element');
  if (first === undefined || first.tagName !== 'p') return undefined;
  const words = textContent(first).trim();
  return words !== '' && words.length <= 40 && !/[\r\n]/.test(words) ? words : undefined;
}

function lineStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
  return at;
}
