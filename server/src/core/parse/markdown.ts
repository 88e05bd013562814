import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import { LineIndex } from '../text/lineIndex.js';
import { LITERAL_AUTOLINK_CONSTRUCTS, LITERAL_AUTOLINK_MARKS, literalAutolinksOnDemand, withoutConstructs } from './literalAutolinks.js';

/**
 * CommonMark + GFM + YAML front matter, with CJK-friendly emphasis so that
 * `**首期款：**30%` is bold as a Chinese reader expects (commonmark-spec #650).
 */
const processor = remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkCjkFriendly).use(contractText).freeze();

/**
 * In a contract, indented text is text: a signature block indented with a tab
 * or four spaces is no code block, and only fenced code is code. (micromark's
 * own constructs read the longer indent as a line prefix once `codeIndented`
 * is disabled; MDX relies on the same switch.)
 */
function contractText(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ['codeIndented'] } });
}

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
const structureProcessor = remark()
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(literalAutolinksOnDemand)
  .use(withoutEmphasis)
  .use(contractText)
  .freeze();

/**
 * The same again without GFM's autolink literal constructs, for text that
 * cannot hold one. micromark tries the e-mail construct at the start of every
 * ASCII word (and the URL ones at every `h` and `w`), each try a tokenizer
 * attempt that splits the surrounding text into pieces merged again later:
 * about a fifth of the parse of an English contract. The tree is the same
 * whenever the text holds no `@`, `www.`, `http://` or `https://` (see
 * `LITERAL_AUTOLINK_MARKS`), since no attempt can succeed without one.
 */
const leanStructureProcessor = remark()
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(literalAutolinksOnDemand)
  .use(withoutConstructs, LITERAL_AUTOLINK_CONSTRUCTS)
  .use(withoutEmphasis)
  .use(contractText)
  .freeze();

/**
 * micromark is quadratic in several ways within one paragraph: it merges
 * inline text tokens with one array splice per run of text, pairs `*`/`_`
 * runs by walking back over every earlier event for each closing run, and
 * looks back over open brackets for each `]`. A 300 kB one-line paragraph
 * took 12 s; 25,000 `[●]` in one paragraph, 11 s. So a stretch of lines
 * without a blank line that is longer than PARAGRAPH_LIMIT, or holds more
 * than INLINE_MARKER_LIMIT runs of inline markup characters, is not given to
 * micromark: it becomes one plain paragraph whose code spans are still found
 * (or a code block, if it opens with a fence). The scanners read its source
 * text as they read any other; only emphasis and links inside it are lost.
 * Real contracts stay far below both limits. The decision is per stretch, so
 * parsing a window of whole stretches (incremental reparsing) decides the
 * same way.
 */
export const PARAGRAPH_LIMIT = 100_000;
export const INLINE_MARKER_LIMIT = 3000;

/**
 * Parses Markdown into an mdast tree whose offsets index `text` itself.
 * (`parseContract` strips the contract's own BOM first and shifts offsets back;
 * a second one is handled here.)
 */
export function parseMarkdown(text: string): Root {
  return parseGuarded(text, processor);
}

/** Like `parseMarkdown`, but emphasis stays plain text: the tree the checker needs. */
export function parseMarkdownStructure(text: string): Root {
  return parseGuarded(text, (source) => (LITERAL_AUTOLINK_MARKS.test(source) ? structureProcessor : leanStructureProcessor));
}

interface Parser {
  parse(text: string): unknown;
}

function parseGuarded(text: string, parser: Parser | ((source: string) => Parser)): Root {
  const { source, heavy, cuts } = micromarkInput(text);
  const tree = (typeof parser === 'function' ? parser(source) : parser).parse(source) as Root;
  if (cuts.length > 0) restorePositions(tree, cuts);
  if (heavy.length > 0) insertPlainParagraphs(tree, text, heavy);
  return tree;
}

/**
 * What micromark is given for `text`: the stretches too costly for it blanked
 * out, long runs of blank lines shortened (`cuts`, in the blanked text's
 * offsets). Its size is what the parse costs, which the tests assert.
 */
export function micromarkInput(text: string): { readonly source: string; readonly heavy: readonly Stretch[]; readonly cuts: readonly Cut[] } {
  const frontMatter = closedFrontMatterEnd(text);
  const heavy = stretches(text).filter((s) => (s.end - s.start > PARAGRAPH_LIMIT || s.inlineMarkers > INLINE_MARKER_LIMIT) && !(s.start < frontMatter));
  // micromark drops a leading BOM and counts offsets from after it (a second BOM
  // after the one parseContract strips, or a window starting at one): a space in
  // its place keeps every offset, and a BOM is no Markdown anyway.
  const unmarked = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const blanked = heavy.length === 0 ? unmarked : blankOut(unmarked, heavy);
  const cuts = longBlankRuns(blanked);
  return { source: cuts.length === 0 ? blanked : without(blanked, cuts), heavy, cuts };
}

/**
 * Where a front matter that opens on the first line (at `from`, past a
 * byte-order mark) closes (the end of its closing `---` line), found in one
 * pass; 0 when there is none or it never closes. Only a closed one is exempt from the stretch limits: an unclosed one
 * is no front matter, and exempting it let micromark take 19 s on 20,000 lines.
 */
export function closedFrontMatterEnd(text: string, from = 0): number {
  const opening = /---[ \t]*(?:\r\n|\r|\n)/y;
  opening.lastIndex = from;
  const open = opening.exec(text);
  if (!open) return 0;
  const fence = /^---[ \t]*$/gm;
  fence.lastIndex = from + open[0].length;
  const close = fence.exec(text);
  return close ? close.index + close[0].length : 0;
}

/**
 * More blank lines in a row than BLANK_RUN_LIMIT are cut down to it before
 * micromark reads the text: it spends tens of microseconds on each (a million
 * empty lines took 41 s), and past two, how many blank lines separate two
 * blocks changes no structure. Only the text of a fenced code or HTML block
 * spanning the run would be shorter; positions are restored after the parse.
 */
export const BLANK_RUN_LIMIT = 8;

/** A removed stretch of whole blank lines: `[start, end)` in the text, `lines` line breaks. */
interface Cut {
  readonly start: number;
  readonly end: number;
  readonly lines: number;
}

/** The blank lines past the first BLANK_RUN_LIMIT of each longer run; one pass. */
function longBlankRuns(text: string): Cut[] {
  const cuts: Cut[] = [];
  let run = 0;
  let cutStart = -1;
  let lineStart = 0;
  const close = (end: number) => {
    if (cutStart >= 0) cuts.push({ start: cutStart, end, lines: run - BLANK_RUN_LIMIT });
    run = 0;
    cutStart = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    if (isBlank(text, lineStart, i)) {
      run++;
      if (run === BLANK_RUN_LIMIT + 1) cutStart = lineStart;
    } else {
      close(lineStart);
    }
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    lineStart = i + 1;
  }
  // The last line has no break: a run that reaches it ends where the line starts.
  close(lineStart);
  return cuts;
}

function without(text: string, cuts: readonly Cut[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const cut of cuts) {
    parts.push(text.slice(at, cut.start));
    at = cut.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Maps every position in the tree of the shortened text back to the text itself. */
function restorePositions(tree: Root, cuts: readonly Cut[]): void {
  // Where each cut falls in the shortened text, and how much was removed before and at it.
  const at: number[] = [];
  const chars: number[] = [];
  const lines: number[] = [];
  let removed = 0;
  let removedLines = 0;
  for (const cut of cuts) {
    at.push(cut.start - removed);
    removed += cut.end - cut.start;
    removedLines += cut.lines;
    chars.push(removed);
    lines.push(removedLines);
  }
  const map = (point: { line: number; column: number; offset?: number | undefined }) => {
    const offset = point.offset ?? 0;
    // The last cut at or before the offset; a point exactly at a cut lies after the removed lines.
    let low = 0;
    let high = at.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (at[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    if (low === 0) return point;
    return { line: point.line + lines[low - 1]!, column: point.column, offset: offset + chars[low - 1]! };
  };
  const stack: Array<{ position?: { start: never; end: never }; children?: unknown[] }> = [tree as never];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position) node.position = { start: map(node.position.start) as never, end: map(node.position.end) as never };
    if (node.children) for (const child of node.children) stack.push(child as never);
  }
}

interface Stretch {
  readonly start: number;
  readonly end: number;
  /** How many runs of `*`, `_`, `[`, `]`, `` ` ``, `<` or `~` it holds: what inline parsing costs. */
  readonly inlineMarkers: number;
}

const INLINE_MARKERS = new Set([...'*_[]`<~'].map((c) => c.charCodeAt(0)));

/** The stretches of non-blank lines, from the first character of the first to the end of the last; one pass. */
function stretches(text: string): Stretch[] {
  const found: Stretch[] = [];
  let start = -1;
  let end = 0;
  let lineStart = 0;
  let runs = 0;
  let lineRuns = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) {
      if (INLINE_MARKERS.has(c) && text.charCodeAt(i - 1) !== c) lineRuns++;
      continue;
    }
    if (isBlank(text, lineStart, i)) {
      if (start >= 0) found.push({ start, end, inlineMarkers: runs });
      start = -1;
      runs = 0;
    } else {
      if (start < 0) start = lineStart;
      end = i;
      runs += lineRuns;
    }
    lineRuns = 0;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    lineStart = i + 1;
  }
  if (start >= 0) found.push({ start, end, inlineMarkers: runs });
  return found;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** The text with each stretch turned into blank lines, so every other offset stays put. */
function blankOut(text: string, long: readonly Stretch[]): string {
  let out = '';
  let at = 0;
  for (const s of long) {
    out += text.slice(at, s.start) + text.slice(s.start, s.end).replace(/[^\r\n]/g, ' ');
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * Puts a plain paragraph where each blanked stretch was (or a code block, if it
 * opens with a fence), unless a block such as an open code fence already spans it.
 */
function insertPlainParagraphs(tree: Root, text: string, long: readonly Stretch[]): void {
  const lines = new LineIndex(text);
  const point = (offset: number) => {
    const { line, character } = lines.positionAt(offset);
    return { line: line + 1, column: character + 1, offset };
  };
  for (const s of long) {
    const covered = tree.children.some((n) => n.position!.start.offset! < s.end && s.start < n.position!.end.offset!);
    if (covered) continue;
    const index = tree.children.findIndex((n) => n.position!.start.offset! > s.start);
    const insert = (node: RootContent) => tree.children.splice(index < 0 ? tree.children.length : index, 0, node);
    // A fenced code block with no blank line in it stays code.
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(text.slice(s.start, s.start + 16));
    if (fence) {
      insert({ type: 'code', lang: null, meta: null, value: '', position: { start: point(s.start), end: point(s.end) } });
      continue;
    }
    const children: PhrasingContent[] = [];
    let at = s.start;
    for (const code of codeSpans(text, s.start, s.end)) {
      if (code.start > at) children.push({ type: 'text', value: text.slice(at, code.start), position: { start: point(at), end: point(code.start) } });
      const value = text.slice(code.start + code.ticks, code.end - code.ticks);
      children.push({ type: 'inlineCode', value, position: { start: point(code.start), end: point(code.end) } });
      at = code.end;
    }
    if (at < s.end) children.push({ type: 'text', value: text.slice(at, s.end), position: { start: point(at), end: point(s.end) } });
    insert({ type: 'paragraph', children, position: { start: point(s.start), end: point(s.end) } });
  }
}

/**
 * Code spans in `text[start, end)` by the CommonMark rule (a run of backticks
 * closes at the next run of the same length), found in one pass: for each
 * length the next candidate closer is remembered, never searched again.
 */
function codeSpans(text: string, start: number, end: number): Array<{ start: number; end: number; ticks: number }> {
  const runs: Array<{ start: number; ticks: number }> = [];
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== 96) continue;
    let j = i;
    while (j < end && text.charCodeAt(j) === 96) j++;
    if (i === start || text.charCodeAt(i - 1) !== 92) runs.push({ start: i, ticks: j - i });
    i = j - 1;
  }
  const byLength = new Map<number, number[]>();
  runs.forEach((run, index) => {
    if (!byLength.has(run.ticks)) byLength.set(run.ticks, []);
    byLength.get(run.ticks)!.push(index);
  });
  const next = new Map<number, number>();
  const spans: Array<{ start: number; end: number; ticks: number }> = [];
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index]!;
    const same = byLength.get(run.ticks)!;
    let k = next.get(run.ticks) ?? 0;
    while (k < same.length && same[k]! <= index) k++;
    next.set(run.ticks, k);
    if (k === same.length) continue;
    const closer = runs[same[k]!]!;
    spans.push({ start: run.start, end: closer.start + closer.ticks, ticks: run.ticks });
    index = same[k]!;
  }
  return spans;
}
