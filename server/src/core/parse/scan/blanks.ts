import type { Blank, BlankKind, FieldType, Span } from '../../model.js';
import { labelBefore } from './shape.js';

const UNDERSCORES = '_＿';
// A date blank, possibly half filled: ____年__月__日, 2026年__月__日.
const DATE_BLANK = /(?:(?<![_＿])[_＿]{2,}|\d{4})\s*年\s*(?:[_＿]+|\d{1,2})\s*月\s*(?:[_＿]+|\d{1,2})\s*日/g;
const BRACKET_BLANK = /\[\s*(?:[●•·]|[_＿]+|…+|\.{3,})\s*\]|\[ {2,}\]|【\s*(?:[●•·]|[_＿]+|…+|\.{3,})?\s*】/g;
const UNDERSCORE_RUN = /[_＿]+/g;

/**
 * Finds legacy blanks in a block's masked source. Underscores are read from
 * the source, not from the Markdown tree, because CommonMark turns runs like
 * `____年__月__日` into emphasis; short runs count only where the text around
 * them says a value belongs there (`第_种`, `_%`), so `_emphasis_` is left alone.
 */
export function scanBlanks(text: string, base: number): Blank[] {
  const blanks: Blank[] = [];
  const dateSpans: Span[] = [];
  const add = (start: number, end: number, kind: BlankKind, expects: FieldType | undefined) => {
    blanks.push({ span: { start: base + start, end: base + end }, kind, expects, label: labelBefore(text, start) });
  };
  for (const match of text.matchAll(DATE_BLANK)) {
    if (!/[_＿]/.test(match[0])) continue;
    dateSpans.push({ start: match.index, end: match.index + match[0].length });
    add(match.index, match.index + match[0].length, 'date', 'date');
  }
  // Matches arrive in order, so "already taken" is a pointer walk, not a search per match.
  const inDate = cursor(dateSpans);
  const bracketSpans: Span[] = [];
  for (const match of text.matchAll(BRACKET_BLANK)) {
    if (inDate(match.index)) continue;
    // `- [ ]` is a GFM task list box, not a blank.
    if (/^\[ +\]$/.test(match[0]) && /^\s*(?:[-*+]|\d+[.)])\s+$/.test(lineBefore(text, match.index))) continue;
    bracketSpans.push({ start: match.index, end: match.index + match[0].length });
    add(match.index, match.index + match[0].length, 'bracket', expectsAround(text, match.index, match.index + match[0].length));
  }
  const inDateAgain = cursor(dateSpans);
  const inBracket = cursor(bracketSpans);
  const inBreak = cursor(thematicBreakLines(text));
  for (const match of text.matchAll(UNDERSCORE_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (inDateAgain(start) || inBracket(start) || inBreak(start)) continue;
    const fullWidth = match[0][0] === '＿';
    if (!fullWidth && match[0].length < 3 && !shortRunIsBlank(text, start, end)) continue;
    add(start, end, 'underscore', expectsAround(text, start, end));
  }
  blanks.sort((a, b) => a.span.start - b.span.start);
  return blanks;
}

/** Whether each of a rising sequence of indices falls in one of `spans` (sorted, disjoint). */
function cursor(spans: readonly Span[]): (index: number) => boolean {
  let i = 0;
  return (index) => {
    while (i < spans.length && spans[i]!.end <= index) i++;
    return i < spans.length && spans[i]!.start <= index;
  };
}

/** The text before `index` on its line; a task box's prefix is short, so the look-back is bounded. */
function lineBefore(text: string, index: number): string {
  let from = index;
  while (from > 0 && index - from < 200 && text[from - 1] !== '\n' && text[from - 1] !== '\r') from--;
  return text.slice(from, index);
}

/** Lines of only underscores (three or more, spaces between allowed): thematic breaks, found in one pass. */
function thematicBreakLines(text: string): Span[] {
  const lines: Span[] = [];
  for (const match of text.matchAll(/^ {0,3}_[ \t]*_[ \t]*_[_ \t]*$/gm)) {
    lines.push({ start: match.index, end: match.index + match[0].length });
  }
  return lines;
}

/** `_%`, `第_种`, `_年` or a run set apart by spaces or punctuation is a blank; `a_b` or `_word_` is not. */
function shortRunIsBlank(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (/[%％年月日元种项条款个天号期倍]/.test(after)) return true;
  if (before === '第') return true;
  const apart = (c: string) => c === '' || /[\s\p{P}]/u.test(c) && !UNDERSCORES.includes(c) && c !== '*';
  return apart(before) && apart(after);
}

/** What the words right around a blank say it holds. */
export function expectsAround(text: string, start: number, end: number): FieldType | undefined {
  const after = text.slice(end, end + 6);
  const before = text.slice(Math.max(0, start - 8), start);
  if (/^\s*[%％]/.test(after)) return 'percent';
  if (/^\s*(?:万元|元)/.test(after) || /(?:人民币|RMB|CNY|USD|US\$|\$|¥|￥|EUR|€|GBP|£)\s*$/i.test(before)) return 'money';
  if (/第\s*$/.test(before) && /^\s*种/.test(after)) return 'choice';
  if (/^\s*(?:个)?(?:工作日|自然日|日|天|周|个月|月|年)(?![月日])/.test(after)) return 'number';
  if (/^\s*(?:轮|次|条|项|份|万|千|百)/.test(after)) return 'number';
  if (/(?:日期|Date)[:：]?\s*$/i.test(before)) return 'date';
  return undefined;
}
