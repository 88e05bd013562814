/**
 * The few things mammoth drops that a contract cannot lose, put back into
 * WordprocessingML before mammoth reads it: automatic numbers become text,
 * tracked changes are accepted (and listed), and every blank, content control,
 * form field and checkbox becomes a token the Markdown step turns into a gap.
 */
import type { NumberingCounter } from './numbering.js';
import { W, W14, isOn, plainText, remove, runText, textRun, unwrap, wAttr, wChild, wChildren, wDescendants } from './wordXml.js';

/** A gap found in the Word file, written into the Markdown as a blank or a placeholder. */
export interface GapSpec {
  /** What a reader is asked to fill in: a control's title, a highlighted `[Name]`. */
  readonly label?: string;
  /** The field name and type, when Clausemark's own export wrote the control. */
  readonly field?: string;
  readonly type?: string;
  readonly options?: readonly string[];
  /** The legacy blank to write when the gap has no label (`____`, `____年__月__日`). */
  readonly blank?: string;
}

export interface TrackedChange {
  readonly kind: 'insertion' | 'deletion' | 'formatting';
  readonly author: string | undefined;
  readonly text: string;
}

export interface WordComment {
  readonly author: string | undefined;
  readonly text: string;
  readonly anchor: string;
}

/** What the rewrite found, for the Markdown step and the import's report. */
export interface Findings {
  readonly gaps: GapSpec[];
  readonly changes: TrackedChange[];
  readonly comments: WordComment[];
  checkboxes: number;
}

/** Private-use characters around a gap's index: markup-free, so mammoth, rehype and remark carry them as text. */
export const GAP_OPEN = '\uE000';
export const GAP_CLOSE = '\uE001';
export const GAP_TOKEN = /\uE000(\d+)\uE001/g;

const CHECKED = '☒';
const UNCHECKED = '☐';
const BLANK = '____';
const SPACES = /^[ \t\u00a0\u2002\u2003\u3000]+$/;
/** Whitespace a drafter underlines to make a line to write on; a single space between words is not one. */
const UNDERLINED_GAP = /[\t\u3000]+|[ \u00a0\u2002\u2003]{3,}/g;
/** Highlighted text that is a placeholder rather than emphasis: bracketed, or only dots, underscores or x's. */
const BRACKETED = /^[[［【〔<＜«{（(]\s*([^\]］】〕>＞»}）)]*?)\s*[\]］】〕>＞»}）)]$/;
const FILLER = /^[\s_＿.…●•xX×*＊]*$/;

/** Reads the tag Clausemark's export writes on a gap (`clausemark?kind=placeholder&field=…&type=…`). */
function ownTag(tag: string | undefined): { kind?: string; field?: string; type?: string; blank?: string; options?: string[] } | undefined {
  if (!tag?.startsWith('clausemark?')) return undefined;
  const params = new URLSearchParams(tag.slice('clausemark?'.length));
  const options = params.get('options');
  return {
    kind: params.get('kind') ?? undefined,
    field: params.get('field') ?? undefined,
    type: params.get('type') ?? undefined,
    blank: params.get('blank') ?? undefined,
    options: options ? options.split('|') : undefined,
  };
}

export class WordRewriter {
  readonly findings: Findings = { gaps: [], changes: [], comments: [], checkboxes: 0 };

  constructor(private readonly numbering: NumberingCounter | undefined) {}

  private token(doc: Document, gap: GapSpec, rPr?: Element): Element {
    this.findings.gaps.push(gap);
    return textRun(doc, `${GAP_OPEN}${this.findings.gaps.length - 1}${GAP_CLOSE}`, cleanRunProperties(rPr));
  }

  /** The whole pass over one story (the body, the footnotes or the endnotes), in place. */
  rewrite(doc: Document, story: 'body' | 'notes'): void {
    this.acceptChanges(doc);
    this.formFields(doc);
    this.contentControls(doc);
    if (story === 'body') this.numbers(doc);
    this.runs(doc);
  }

  /** Reads comments.xml and where each comment is anchored in the body. */
  readComments(comments: Document | undefined, body: Document): void {
    if (!comments) return;
    const anchors = new Map<string, string>();
    for (const start of wDescendants(body, 'commentRangeStart')) {
      const paragraph = closest(start, 'p');
      if (paragraph) anchors.set(wAttr(start, 'id') ?? '', excerpt(plainText(paragraph)));
    }
    for (const comment of wDescendants(comments, 'comment')) {
      const id = wAttr(comment, 'id') ?? '';
      const text = wDescendants(comment, 'p').map(plainText).join(' ').trim();
      this.findings.comments.push({ author: wAttr(comment, 'author'), text, anchor: anchors.get(id) ?? '' });
    }
  }

  /** Accepts every tracked change, as Word's "Accept All" does, and records each one. */
  private acceptChanges(doc: Document): void {
    const order = new Map(wDescendants(doc, '*').map((element, index) => [element, index]));
    const found: Array<{ at: number; change: TrackedChange }> = [];
    const record = (element: Element, change: TrackedChange) => found.push({ at: order.get(element) ?? 0, change });
    for (const name of ['del', 'moveFrom']) {
      for (const element of wDescendants(doc, name).reverse()) {
        const text =
          wDescendants(element, 'delText')
            .map((t) => t.textContent ?? '')
            .join('') + plainText(element);
        const row = element.parentNode && (element.parentNode as Element).localName === 'trPr' ? closest(element, 'tr') : undefined;
        if (text.trim() !== '' || row) record(element, { kind: 'deletion', author: wAttr(element, 'author'), text: row ? plainText(row) : text });
        remove(row ?? element);
      }
    }
    for (const name of ['ins', 'moveTo']) {
      for (const element of wDescendants(doc, name).reverse()) {
        const text = plainText(element);
        if (text.trim() !== '') record(element, { kind: 'insertion', author: wAttr(element, 'author'), text });
        unwrap(element);
      }
    }
    for (const name of ['rPrChange', 'pPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange', 'sectPrChange', 'numberingChange']) {
      for (const element of wDescendants(doc, name)) {
        record(element, { kind: 'formatting', author: wAttr(element, 'author'), text: excerpt(plainText(closest(element, 'p') ?? element)) });
        remove(element);
      }
    }
    // Changes are listed in document order, whatever their kind.
    this.findings.changes.push(...found.sort((a, b) => a.at - b.at).map((f) => f.change));
  }

  /** Legacy form fields (FORMTEXT, FORMCHECKBOX): begin … separate … result … end, across runs. */
  private formFields(doc: Document): void {
    for (const paragraph of wDescendants(doc, 'p')) {
      const runs = wDescendants(paragraph, 'r');
      for (let i = 0; i < runs.length; i++) {
        const begin = fieldChar(runs[i]!);
        const data = begin && wAttr(begin, 'fldCharType') === 'begin' ? wChild(begin, 'ffData') : undefined;
        if (!data) continue;
        let depth = 0;
        let end = i;
        let instruction = '';
        let result = '';
        let inResult = false;
        for (let j = i; j < runs.length; j++) {
          const char = fieldChar(runs[j]!);
          const type = char ? wAttr(char, 'fldCharType') : undefined;
          if (type === 'begin') depth++;
          else if (type === 'end' && --depth === 0) {
            end = j;
            break;
          } else if (type === 'separate' && depth === 1) inResult = true;
          instruction += wChildren(runs[j]!, 'instrText')
            .map((t) => t.textContent ?? '')
            .join('');
          if (inResult) result += runText(runs[j]!);
        }
        if (end === i) continue;
        const rPr = wChild(runs[i]!, 'rPr');
        let replacement: Element;
        if (/\bFORMCHECKBOX\b/.test(instruction)) {
          const box = wChild(data, 'checkBox');
          const checked = box ? (wChild(box, 'checked') ? isOn(wChild(box, 'checked')) : wAttr(wChild(box, 'default')) === '1') : false;
          this.findings.checkboxes++;
          replacement = textRun(doc, checked ? CHECKED : UNCHECKED, cleanRunProperties(rPr));
        } else if (/\bFORMTEXT\b/.test(instruction) && (result.trim() === '' || FILLER.test(result))) {
          const label = wAttr(wChild(data, 'statusText')) ?? wAttr(wChild(data, 'helpText')) ?? meaningfulName(wAttr(wChild(data, 'name')));
          replacement = this.token(doc, label ? { label } : { blank: BLANK }, rPr);
        } else {
          // A filled form field (or a drop-down) keeps what it shows.
          replacement = textRun(doc, result, cleanRunProperties(rPr));
        }
        runs[i]!.parentNode!.insertBefore(replacement, runs[i]!);
        for (let j = i; j <= end; j++) remove(runs[j]!);
        i = end;
      }
    }
  }

  /**
   * Content controls: a checkbox keeps its tick; a control still showing its
   * placeholder is a gap named by its title; a filled one (and any holding
   * whole paragraphs, rows or cells) keeps its content.
   */
  private contentControls(doc: Document): void {
    for (const sdt of wDescendants(doc, 'sdt').reverse()) {
      const properties = wChild(sdt, 'sdtPr');
      const content = wChild(sdt, 'sdtContent');
      if (!properties || !content) {
        remove(sdt);
        continue;
      }
      const checkbox = properties.getElementsByTagNameNS(W14, 'checkbox')[0];
      const inline = !wChildren(content).some((c) => ['p', 'tbl', 'tr', 'tc'].includes(c.localName ?? ''));
      const firstRun = wDescendants(content, 'r')[0];
      if (checkbox) {
        const checkedElement = checkbox.getElementsByTagNameNS(W14, 'checked')[0];
        const value = checkedElement?.getAttributeNS(W14, 'val');
        const checked = checkedElement !== undefined && value !== '0' && value !== 'false';
        this.findings.checkboxes++;
        const run = textRun(doc, checked ? CHECKED : UNCHECKED, cleanRunProperties(firstRun ? wChild(firstRun, 'rPr') : undefined));
        if (inline) sdt.parentNode!.replaceChild(run, sdt);
        else {
          const paragraph = wDescendants(content, 'p')[0];
          paragraph?.insertBefore(run, wChild(paragraph, 'r') ?? null);
          unwrap(sdt, content);
        }
        continue;
      }
      const showingPlaceholder = wChild(properties, 'showingPlcHdr') !== undefined;
      const shown = plainText(content);
      const paragraphs = wChildren(content, 'p');
      if (!inline && showingPlaceholder && paragraphs.length > 0) {
        // A whole paragraph still to be written ("Click here to enter text."): one gap in its place.
        const label = wAttr(wChild(properties, 'alias')) ?? labelFromPlaceholder(shown);
        const first = paragraphs[0]!;
        for (const child of wChildren(first).filter((c) => c.localName !== 'pPr')) remove(child);
        first.appendChild(this.token(doc, label ? { label } : { blank: BLANK }));
        for (const rest of paragraphs.slice(1)) remove(rest);
        unwrap(sdt, content);
        continue;
      }
      if (!inline || (!showingPlaceholder && shown.trim() !== '' && !FILLER.test(shown))) {
        unwrap(sdt, content);
        continue;
      }
      const own = ownTag(wAttr(wChild(properties, 'tag')));
      const title = wAttr(wChild(properties, 'alias'));
      const dropDown = wChild(properties, 'dropDownList') ?? wChild(properties, 'comboBox');
      const options = dropDown
        ? wChildren(dropDown, 'listItem')
            .map((item) => wAttr(item, 'displayText') ?? wAttr(item, 'value') ?? '')
            .filter((o) => o !== '')
        : undefined;
      const type = own?.type ?? (wChild(properties, 'date') ? 'date' : options && options.length > 0 ? 'choice' : undefined);
      let gap: GapSpec;
      if (own?.kind === 'blank') gap = { blank: own.blank ?? BLANK };
      else if (own?.field) gap = { field: own.field, label: title ?? own.field, type, options: own.options };
      else {
        const label = title ?? meaningfulName(wAttr(wChild(properties, 'tag'))) ?? (showingPlaceholder ? labelFromPlaceholder(shown) : undefined);
        gap = label ? { label, type, options } : { blank: BLANK };
      }
      sdt.parentNode!.replaceChild(this.token(doc, gap, firstRun ? wChild(firstRun, 'rPr') : undefined), sdt);
    }
  }

  /** Writes each automatic number into its paragraph as text, and takes the paragraph out of Word's list. */
  private numbers(doc: Document): void {
    if (!this.numbering) return;
    for (const paragraph of wDescendants(doc, 'p')) {
      if (this.numbering.isBullet(paragraph)) continue;
      const number = this.numbering.next(paragraph);
      if (number === undefined) continue;
      let pPr = wChild(paragraph, 'pPr');
      if (!pPr) {
        pPr = doc.createElementNS(W, 'w:pPr');
        paragraph.insertBefore(pPr, paragraph.firstChild);
      }
      const numPr = wChild(pPr, 'numPr');
      if (numPr) remove(numPr);
      // numId 0 switches off a numbering the paragraph's style would otherwise bring.
      const off = doc.createElementNS(W, 'w:numPr');
      const numId = doc.createElementNS(W, 'w:numId');
      numId.setAttributeNS(W, 'w:val', '0');
      off.appendChild(numId);
      pPr.appendChild(off);
      const firstRun = wDescendants(paragraph, 'r')[0];
      const boldRun = firstRun && isOn(wChild(wChild(firstRun, 'rPr') ?? firstRun, 'b')) ? wChild(firstRun, 'rPr') : undefined;
      paragraph.insertBefore(textRun(doc, number, cleanRunProperties(boldRun)), pPr.nextSibling);
    }
  }

  /**
   * A placeholder Word split over several highlighted runs (an edit, a
   * spelling mark) is one run again before it is read: `[Client` + ` name]`.
   */
  private joinHighlightedRuns(doc: Document): void {
    for (const run of wDescendants(doc, 'r')) {
      if (!run.parentNode || !isHighlighted(run)) continue;
      const group: Element[] = [run];
      for (let next = nextRun(run); next && isHighlighted(next) && !wChild(next, 'fldChar'); next = nextRun(next)) group.push(next);
      if (group.length < 2) continue;
      const text = group.map(runText).join('');
      if (!isPlaceholderText(text)) continue;
      run.parentNode.replaceChild(textRun(doc, text, wChild(run, 'rPr')), run);
      for (const other of group.slice(1)) remove(other);
    }
  }

  /** Underlined spaces and tabs become blanks; highlighted placeholders become gaps; typed blanks are kept verbatim. */
  private runs(doc: Document): void {
    this.joinHighlightedRuns(doc);
    for (const run of wDescendants(doc, 'r')) {
      const rPr = wChild(run, 'rPr');
      const text = runText(run);
      if (text === '' || !run.parentNode) continue;
      const highlight = wAttr(wChild(rPr ?? run, 'highlight'));
      if (highlight !== undefined && highlight !== 'none' && isPlaceholderText(text)) {
        const label = labelFromPlaceholder(text);
        const previous = previousRun(run);
        // A placeholder highlighted in several runs is one gap.
        if (previous && this.isHighlightGap(previous) && !label) {
          remove(run);
          continue;
        }
        run.parentNode.replaceChild(this.token(doc, label ? { label } : { blank: BLANK }, rPr), run);
        continue;
      }
      const underline = wAttr(wChild(rPr ?? run, 'u'));
      if (underline === undefined || underline === 'none') continue;
      if (SPACES.test(text)) {
        const previous = previousRun(run);
        if (previous && this.isBlankToken(previous)) remove(run);
        else run.parentNode.replaceChild(this.token(doc, { blank: BLANK }, rPr), run);
        continue;
      }
      // A line to write on inside underlined text: "Name:      ", or "    年  月  日" where the words
      // between are a few characters. An underlined heading with wide spacing is not a form.
      const shortWords = text.split(/\s+/).every((word) => word.length <= 2);
      const gaps = [...text.matchAll(UNDERLINED_GAP)].filter((m) => shortWords || m.index === 0 || m.index + m[0].length === text.length);
      if (gaps.length === 0) continue;
      let at = 0;
      for (const match of gaps) {
        if (match.index! > at) run.parentNode.insertBefore(textRun(doc, text.slice(at, match.index), cleanRunProperties(rPr)), run);
        run.parentNode.insertBefore(this.token(doc, { blank: BLANK }, rPr), run);
        at = match.index! + match[0].length;
      }
      if (at < text.length) run.parentNode.insertBefore(textRun(doc, text.slice(at), cleanRunProperties(rPr)), run);
      remove(run);
    }
  }

  private gapOf(run: Element): GapSpec | undefined {
    const match = /^\uE000(\d+)\uE001$/.exec(runText(run));
    return match ? this.findings.gaps[Number(match[1])] : undefined;
  }

  private isBlankToken(run: Element): boolean {
    return this.gapOf(run)?.blank !== undefined;
  }

  private isHighlightGap(run: Element): boolean {
    return this.gapOf(run) !== undefined;
  }
}

function fieldChar(run: Element): Element | undefined {
  return wChild(run, 'fldChar');
}

function isHighlighted(run: Element): boolean {
  const value = wAttr(wChild(wChild(run, 'rPr') ?? run, 'highlight'));
  return value !== undefined && value !== 'none';
}

/** The run just before `run` in the same paragraph, skipping bookmarks and proofing marks. */
function previousRun(run: Element): Element | undefined {
  return siblingRun(run, 'previousSibling');
}

function nextRun(run: Element): Element | undefined {
  return siblingRun(run, 'nextSibling');
}

function siblingRun(run: Element, direction: 'previousSibling' | 'nextSibling'): Element | undefined {
  for (let node = run[direction]; node; node = node[direction]) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.namespaceURI === W && element.localName === 'r') return element;
    if (!['bookmarkStart', 'bookmarkEnd', 'proofErr', 'commentRangeStart', 'commentRangeEnd'].includes(element.localName ?? '')) return undefined;
  }
  return undefined;
}

function closest(node: Node, name: string): Element | undefined {
  for (let current: Node | null = node.parentNode; current; current = current.parentNode) {
    if (current.nodeType === 1 && (current as Element).namespaceURI === W && (current as Element).localName === name) return current as Element;
  }
  return undefined;
}

/** A run's properties without the underline and highlight that marked it as a gap. */
function cleanRunProperties(rPr: Element | undefined): Element | undefined {
  if (!rPr) return undefined;
  const copy = rPr.cloneNode(true) as Element;
  for (const name of ['u', 'highlight', 'shd', 'rPrChange']) for (const child of wChildren(copy, name)) remove(child);
  return copy;
}

function isPlaceholderText(text: string): boolean {
  const trimmed = text.trim();
  return FILLER.test(trimmed) || BRACKETED.test(trimmed);
}

/** `[Client name]` → `Client name`; `____` or `[●]` → no label. */
function labelFromPlaceholder(text: string): string | undefined {
  const trimmed = text.trim();
  const inner = BRACKETED.exec(trimmed)?.[1] ?? trimmed;
  return FILLER.test(inner) || inner.length > 40 ? undefined : inner;
}

/** Word's generated names (`Text1`, `Check3`) say nothing to a reader. */
function meaningfulName(name: string | undefined): string | undefined {
  if (!name || /^(?:Text|Check|Dropdown|文字|复选框)\d*$/i.test(name)) return undefined;
  return name;
}

function excerpt(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
