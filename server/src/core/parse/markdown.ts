import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';

/**
 * CommonMark + GFM + YAML front matter, with CJK-friendly emphasis so that
 * `**首期款：**30%` is bold as a Chinese reader expects (commonmark-spec #650).
 */
const processor = remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkCjkFriendly).freeze();

/**
 * The same without emphasis. micromark pairs `*` and `_` runs by walking back
 * over every earlier event of the paragraph for each closing run, which is
 * quadratic: a 300 kB paragraph of underscore blanks takes many seconds. Such
 * a paragraph is read without emphasis; its blanks, amounts and clauses are
 * found in the source text all the same.
 */
const processorWithoutEmphasis = remark()
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkCjkFriendly)
  .use(function disableEmphasis(this: Processor) {
    const data = this.data() as { micromarkExtensions?: unknown[] };
    (data.micromarkExtensions ??= []).push({ disable: { null: ['attention'] } });
  })
  .freeze();

/**
 * Above this many `*`/`_` runs in one stretch of lines without a blank line,
 * emphasis is not resolved. Real contracts stay far below it: a long clause
 * has a few dozen; the cost grows with the square of the count.
 */
export const EMPHASIS_RUN_LIMIT = 2000;

/**
 * A stretch of lines without a blank line longer than this is not given to
 * micromark at all: merging its inline tokens splices one array per run of
 * text, which is quadratic (a 200 kB one-line paragraph of clauses takes
 * seconds, a 2 MB one minutes). The stretch becomes one plain paragraph; the
 * scanners read its source text as they read any other.
 */
export const PARAGRAPH_LIMIT = 100_000;

/**
 * Parses Markdown into an mdast tree whose offsets index `text` itself.
 * micromark drops a leading BOM and counts from after it, so callers strip
 * the BOM first and shift offsets back (see `parseContract`).
 */
export function parseMarkdown(text: string): Root {
  const long = stretches(text).filter((s) => s.end - s.start > PARAGRAPH_LIMIT && !(s.start === 0 && text.startsWith('---')));
  const source = long.length === 0 ? text : blankOut(text, long);
  const chosen = maxEmphasisRunsPerParagraph(source) > EMPHASIS_RUN_LIMIT ? processorWithoutEmphasis : processor;
  const tree = chosen.parse(source) as Root;
  if (long.length > 0) insertPlainParagraphs(tree, text, long);
  return tree;
}

interface Stretch {
  readonly start: number;
  readonly end: number;
}

/** The stretches of non-blank lines, from the first character of the first to the end of the last. */
function stretches(text: string): Stretch[] {
  const found: Stretch[] = [];
  let start = -1;
  let end = 0;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c !== 10 && c !== 13) continue;
    if (isBlank(text, lineStart, i)) {
      if (start >= 0) found.push({ start, end });
      start = -1;
    } else {
      if (start < 0) start = lineStart;
      end = i;
    }
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    lineStart = i + 1;
  }
  if (start >= 0) found.push({ start, end });
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
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  const point = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1, offset };
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

/** The most `*`/`_` runs in any stretch of lines between blank lines; one linear pass. */
export function maxEmphasisRunsPerParagraph(text: string): number {
  let most = 0;
  let runs = 0;
  let lineHasContent = false;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      // \r\n is one break; an empty (or blank) line ends the stretch.
      if (!(c === 10 && previous === 13) && !lineHasContent) runs = 0;
      lineHasContent = false;
    } else if (c !== 32 && c !== 9) {
      lineHasContent = true;
      if ((c === 42 || c === 95) && previous !== c) {
        runs++;
        if (runs > most) most = runs;
      }
    }
    previous = c;
  }
  return most;
}
