import type { ChoiceMention } from '../../model.js';
import { decodeChineseNumber } from '../../numbers/chineseMoney.js';
import { BLANK_CHAR, BLANK_TOKEN } from './shape.js';

const CHOICE = new RegExp(
  [
    `第\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3}|${BLANK_TOKEN})\\s*种`,
    // "Option 2 of the following: …; …; …" (the number may still be a [●] blank).
    `\\b(?:Option|Alternative)\\s+(\\d{1,2}|${BLANK_TOKEN})(?![\\w\\uE002])`,
  ].join('|'),
  'g',
);
// Options are listed within one sentence; a bounded look keeps a long line linear.
const SENTENCE_WINDOW = 2000;
const ZH_SENTENCE_END = /[。\n\r]/g;
const EN_SENTENCE_END = /\.(?=\s|$)|[\n\r]/g;
const COLON = /[:：]/g;

/**
 * `第N种…方案：A；B；C` and `Option N of the following: A; B; C` pick one of the
 * options the same sentence lists after its colon; counting them lets
 * `choice-option` catch 第4种 (or Option 4) of three.
 */
export function scanChoices(shaped: string, base: number): ChoiceMention[] {
  const found: ChoiceMention[] = [];
  const zhEnd = nextMatchFinder(shaped, ZH_SENTENCE_END);
  const enEnd = nextMatchFinder(shaped, EN_SENTENCE_END);
  const nextColon = nextMatchFinder(shaped, COLON);
  const specials = [...shaped.matchAll(SEPARATORS_AND_BRACKETS)].map((m) => m.index);
  for (const match of shaped.matchAll(CHOICE)) {
    const english = match[1] === undefined;
    const token = (match[1] ?? match[2])!;
    const numberStart = match.index + match[0].lastIndexOf(token);
    const chosen = token[0] === BLANK_CHAR ? undefined : /^\d+$/.test(token) ? Number(token) : decodeChineseNumber(token);
    const after = match.index + match[0].length;
    const end = Math.min((english ? enEnd : zhEnd)(after), after + SENTENCE_WINDOW);
    const colon = nextColon(after);
    const optionCount = colon < end ? countOptions(shaped, specials, colon + 1, end) : undefined;
    found.push({
      span: { start: base + match.index, end: base + after },
      numberSpan: { start: base + numberStart, end: base + numberStart + token.length },
      chosen,
      optionCount,
    });
  }
  return found;
}

/**
 * Where `pattern` next matches at or after an index (the text's length if
 * nowhere). Indices are asked in increasing order, so the last answer is
 * reused until it is passed: a line of a million choices is searched once.
 */
function nextMatchFinder(text: string, pattern: RegExp): (from: number) => number {
  let searchedFrom = Infinity;
  let next = text.length;
  return (from) => {
    if (from >= searchedFrom && from <= next) return next;
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    searchedFrom = from;
    next = match ? match.index : text.length;
    return next;
  };
}

const SEPARATORS_AND_BRACKETS = /[;；(（[【)）\]】]/g;
const OPENING = new Set(['(', '（', '[', '【']);
const CLOSING = new Set([')', '）', ']', '】']);
// More semicolons and brackets than any list of options has: past this, nothing is counted.
const MOST_MARKS = 400;

/**
 * The options listed in `text[from, end)`: the non-empty parts between
 * semicolons outside brackets, so an option's own aside does not count twice.
 * Walks only the semicolons and brackets (`specials`, their sorted offsets).
 */
function countOptions(text: string, specials: readonly number[], from: number, end: number): number | undefined {
  let k = firstAtOrAfter(specials, from);
  let depth = 0;
  let partStart = from;
  let count = 0;
  for (let visited = 0; k < specials.length && specials[k]! < end; k++, visited++) {
    if (visited === MOST_MARKS) return undefined;
    const at = specials[k]!;
    const c = text[at]!;
    if (OPENING.has(c)) depth++;
    else if (CLOSING.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      if (hasContent(text, partStart, at)) count++;
      partStart = at + 1;
    }
  }
  if (hasContent(text, partStart, end)) count++;
  return count >= 2 ? count : undefined;
}

function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function hasContent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!/\s/.test(text[i]!)) return true;
  return false;
}
