import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Problem, ContractDocument, Locale } from '../model.js';
import { listGaps } from '../gaps.js';
import type { Structure } from './blockTrees.js';
import { renderMessage, summaryText } from './messages.js';
import { visibleProblems } from './problemMarks.js';
import { HEADING, renderBody } from './renderBody.js';
import { textContent } from './safety.js';
import { substituteSource, type SubstitutedSource } from './substitute.js';
import { element, text } from './tokenElements.js';

export interface RenderOptions {
  /** Show each gap as a labelled box (default); `false` prints a line to fill in by hand. */
  readonly showGaps?: boolean;
}

export interface RenderedContract {
  readonly title: string;
  /** One `<article class="clausemark">` fragment: no scripts, no styles, no raw HTML from the contract. */
  readonly html: string;
  /** Open gaps: legacy blanks and placeholders whose field has no value. */
  readonly gapCount: number;
  /** Errors and warnings shown, not counting the reports of the gaps themselves. */
  readonly problemCount: number;
  /** The same article as a HAST tree, for exporters that write other formats (DOCX). */
  readonly tree: Element;
}

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
  // Labels speak the user's language (`doc.locale`); values keep the contract's (`doc.contractLocale`, in tokenElements).
  const settings: Settings = { locale: doc.locale, showGaps: options.showGaps ?? true, gapCount, problems: shown };
  const substituted = substituteSource(doc);
  let article: { title: string; html: string; tree: Element };
  try {
    article = renderArticle(doc, substituted, settings, 'blocks');
  } catch {
    // Thousands of nested quotes or list levels exhaust the stack of the
    // recursive tree tools (remark's, hast's, ours); the text still deserves a preview.
    article = renderArticle(doc, substituted, settings, 'plain');
  }
  return { ...article, gapCount, problemCount: shown.length };
}

export interface Settings {
  readonly locale: Locale;
  readonly showGaps: boolean;
  readonly gapCount: number;
  /** The problems shown: see `visibleProblems`. */
  readonly problems: readonly Problem[];
}

/** Renders with a chosen structure; tests compare `blocks` against `document` to hold the block cache to the whole parse. */
export function renderArticle(
  doc: ContractDocument,
  substituted: SubstitutedSource,
  settings: Settings,
  structure: Structure,
): { title: string; html: string; tree: Element } {
  const { locale } = settings;
  const body = renderBody(doc, substituted, settings.problems, { doc, locale, showGaps: settings.showGaps }, structure);
  // The article is in the contract's language; the summary and table headers are
  // ours, in the user's, and say so where the two differ (screen readers switch voice).
  const uiLang = locale === doc.contractLocale ? {} : { lang: locale };
  const frame: ElementContent[] = [summary(locale, settings.gapCount, settings.problems.length, body.unanchored, uiLang)];
  let title = doc.meta.title;
  if (title !== undefined) {
    // A contract that also opens with its `# 标题` shows that heading once, as the title.
    // It moves up to where the title stands, above the parties.
    const opening = openingH1(body.children);
    frame.push(opening ?? element('h1', { className: ['cm-title'], dataOffset: doc.meta.titleSpan?.start ?? 0 }, [text(title)]));
  } else {
    title = promoteTitleHeading(body.children, doc, substituted) ?? firstLineTitle(body.children) ?? renderMessage(locale, 'untitled');
  }
  if (doc.parties.length > 0) frame.push(partiesTable(doc, locale, uiLang));
  const article = element('article', { className: ['clausemark'], lang: doc.contractLocale }, [...frame, ...body.children]);
  return { title, html: toHtml(article), tree: article };
}

function summary(locale: Locale, gaps: number, problems: number, unanchored: readonly Problem[], uiLang: { lang?: Locale }): Element {
  const children: ElementContent[] = [element('p', {}, [text(summaryText(locale, gaps, problems))])];
  if (unanchored.length > 0) {
    children.push(
      element(
        'ul',
        { className: ['cm-problem-list'] },
        unanchored.map((p) =>
          element('li', { className: ['cm-problem', p.severity === 'error' ? 'cm-error' : 'cm-warning'], dataOffset: p.span.start, dataCheck: p.checkId }, [
            text(p.message),
          ]),
        ),
      ),
    );
  }
  return element('section', { className: ['cm-summary'], dataOffset: 0, ...uiLang }, children);
}

function partiesTable(doc: ContractDocument, locale: Locale, uiLang: { lang?: Locale }): Element {
  const cell = (tag: string, value: ElementContent[]) => element(tag, {}, value);
  const header = element(
    'tr',
    uiLang,
    ['partyKey', 'partyRole', 'partyName'].map((key) => cell('th', [text(renderMessage(locale, key))])),
  );
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
    element('table', {}, [element('caption', {}, [text(renderMessage(locale, 'partiesCaption'))]), element('thead', {}, [header]), element('tbody', {}, rows)]),
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

/** Takes the body's first block out when it is an `h1`, marked as the title. */
function openingH1(children: ElementContent[]): Element | undefined {
  const at = children.findIndex((node) => node.type === 'element');
  const first = children[at];
  if (first === undefined || first.type !== 'element' || first.tagName !== 'h1') return undefined;
  children.splice(at, 1);
  const classes = Array.isArray(first.properties.className) ? first.properties.className : [];
  first.properties.className = [...classes, 'cm-title'];
  return first;
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
