import type { Span } from '../../model.js';
import { normalizeDigits } from '../../numbers/digits.js';

/** Stands for the first code unit of a placeholder in a shaped string. */
export const PLACEHOLDER_CHAR = '\uE000';
/** Stands for the first code unit of a legacy blank in a shaped string. */
export const BLANK_CHAR = '\uE001';
/**
 * Fills the rest of a placeholder or blank. Only the first code unit carries
 * the marker so a pattern can start at it once: `\uE001\uE002*` is linear
 * where `\uE001+` would rescan a ten-megabyte run from every position.
 */
export const TAIL_CHAR = '\uE002';
/** A placeholder or blank token as a regular-expression fragment. */
export const PLACEHOLDER_TOKEN = `${PLACEHOLDER_CHAR}${TAIL_CHAR}*`;
export const BLANK_TOKEN = `${BLANK_CHAR}${TAIL_CHAR}*`;

/**
 * A block's source with what must not be scanned blanked out (code, HTML,
 * link destinations) and digits normalised. Every transformation keeps the
 * length, so an index into the shaped text is an index into the source.
 */
export interface ShapedBlock {
  /** Offset of the block in the document. */
  readonly base: number;
  /** Source with code, HTML and URLs replaced by spaces, digits normalised. */
  readonly masked: string;
  /** `masked` with placeholders and blanks replaced by marker characters. */
  shaped: string;
}

// What normalizeDigits changes; most blocks have none of it and are kept as they are.
const FULL_WIDTH_NUMBER_CHARS = /[\uFF10-\uFF19．，％]/;

export function maskRanges(source: string, base: number, ranges: readonly Span[]): string {
  const normalized = FULL_WIDTH_NUMBER_CHARS.test(source) ? normalizeDigits(source) : source;
  if (ranges.length === 0) return normalized;
  // Line breaks stay so that line-based rules still see lines.
  return spliceRanges(normalized, base, ranges, (covered) => covered.replace(/[^\r\n]/g, ' '));
}

export function fillRanges(text: string, base: number, ranges: readonly Span[], char: string): string {
  if (ranges.length === 0) return text;
  return spliceRanges(text, base, ranges, (covered) => char + TAIL_CHAR.repeat(covered.length - 1));
}

/**
 * `text` with each range (document offsets, `base` being the text's own)
 * replaced by `replace` of what it covers, built from slices: an array of
 * one string per character is 16 bytes each and fails outright past 2^27.
 */
function spliceRanges(text: string, base: number, ranges: readonly Span[], replace: (covered: string) => string): string {
  const ordered = [...ranges].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const range of ordered) {
    const start = Math.max(range.start - base, at);
    const end = Math.min(range.end - base, text.length);
    if (end <= start) continue;
    out += text.slice(at, start) + replace(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

const SEGMENT_BREAKS = new Set([...'，,；;。\n\r！!？?'].map((c) => c.charCodeAt(0)));
// Called for every percentage; a set lookup per character instead of a regexp keeps a long line cheap.
const isSegmentBreak = (text: string, index: number) => SEGMENT_BREAKS.has(text.charCodeAt(index));

/**
 * The words on either side of `index` up to the nearest comma, semicolon or
 * sentence end: what a drafter would read as the item a number belongs to.
 */
export function segmentAround(text: string, start: number, end: number, limit = 40): { text: string; start: number } {
  let from = start;
  while (from > 0 && start - from < limit && !isSegmentBreak(text, from - 1)) from--;
  let to = end;
  while (to < text.length && to - end < limit && !isSegmentBreak(text, to)) to++;
  return { text: text.slice(from, to).trim(), start: from };
}

/**
 * The words just before `index`, back to punctuation: `地址:____` gives `地址`,
 * `甲方(委托方):____` gives `甲方`, `准确率≥____` gives `准确率`.
 */
export function labelBefore(text: string, index: number, limit = 12): string | undefined {
  let from = index;
  // Skip what introduces the blank: a colon, a comparison, an opening bracket.
  while (from > 0 && /[\s:：(（【\[≥≤><=＝]/.test(text[from - 1]!)) from--;
  // Skip a parenthetical aside so the label is the word it qualifies.
  if (from > 0 && /[)）]/.test(text[from - 1]!)) {
    // Search a bounded window: an unbounded lastIndexOf per blank is quadratic on a long line.
    const windowStart = Math.max(0, from - 40);
    const aside = text.slice(windowStart, from - 1);
    const open = Math.max(aside.lastIndexOf('('), aside.lastIndexOf('（'));
    if (open >= 0) from = windowStart + open;
  }
  const end = from;
  // Read back to punctuation (or template syntax, never part of a label), then cut at a word boundary.
  while (from > 0 && end - from < LABEL_WINDOW && !/[\s，,；;。:：()（）\[\]【】〔〕{}«»、%％≥≤<>=\n\r\uE000\uE001\uE002*_>|$￥¥]/.test(text[from - 1]!))
    from--;
  const label = atWordBoundary(text.slice(from, end).trim(), limit);
  return label === '' ? undefined : label;
}

const LABEL_WINDOW = 40;
// Chinese has no spaces: a label may start after these linking words, never inside a word.
const BREAK_AFTER = new Set([...'的为是于在按向对与和及将由应须之以后内经每']);
const BREAK_BEFORE = new Set([...'自从每']);

/** The longest tail of `words` that is at most `limit` long (twice that in Latin text) and starts at a word boundary. */
export function atWordBoundary(words: string, limit: number): string {
  const max = /[A-Za-z]/.test(words) ? Math.max(limit * 2, 24) : limit;
  if (words.length <= max) return words;
  for (let i = words.length - max; i < words.length; i++) {
    const before = words[i - 1]!;
    if (/\s/.test(before) || BREAK_AFTER.has(before) || BREAK_BEFORE.has(words[i]!)) return words.slice(i).trim();
  }
  // No boundary near the end: the whole phrase if it is still short, else nothing rather than half a word.
  return words.length <= 20 ? words : '';
}
