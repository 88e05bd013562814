import type { NumberingStyle } from '../../model.js';
import { decodeChineseNumber } from '../../numbers/chineseMoney.js';

/** A clause number found at the start of a line. */
export interface ClauseMarker {
  /** The marker as written, with its punctuation (`三、`, `（二）`, `1.1`). */
  readonly marker: string;
  /** Offset of the number inside the marker and its length. */
  readonly numberOffset: number;
  readonly number: string;
  readonly style: NumberingStyle;
  readonly ordinal: number;
  readonly path: readonly number[];
  /** Length of the marker plus the spaces after it. */
  readonly length: number;
}

const CJK_DIGITS = '一二三四五六七八九十百零〇两';
const ROMAN = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x|xi{1,3})$/;

interface Rule {
  readonly style: NumberingStyle;
  readonly pattern: RegExp;
}

// Order matters: `1.1` before `1.`, `(一)` before `(1)`. Every pattern is
// anchored and bounded, so a long line costs no more than its first characters.
const RULES: readonly Rule[] = [
  { style: 'article', pattern: new RegExp(`^(第([${CJK_DIGITS}\\d]{1,6})条)[ \\t　]*`) },
  { style: 'article', pattern: /^((?:Article|Section|Clause)\s+(\d{1,3})\.?)(?=\s)[ \t]*/i },
  { style: 'cjk', pattern: new RegExp(`^(([${CJK_DIGITS}]{1,4})[、．.])[ \\t　]*`) },
  { style: 'cjk-paren', pattern: new RegExp(`^([（(]([${CJK_DIGITS}]{1,4})[）)])[ \\t　]*`) },
  { style: 'decimal-multi', pattern: /^((\d{1,3}(?:\.\d{1,3})+)\.?)(?![\d%％倍元万个])[ \t　]*/ },
  { style: 'decimal', pattern: /^((\d{1,3})[.、．])(?![\d%％])[ \t　]*/ },
  { style: 'arabic-paren', pattern: /^([（(](\d{1,3})[）)])[ \t　]*/ },
  { style: 'arabic-half-paren', pattern: /^((\d{1,3})[）)])[ \t　]*/ },
  // One letter is (a)…(z) or (i); longer runs are roman numerals, (ii)…(xiii).
  { style: 'alpha-paren', pattern: /^(\(([a-z]|[ivx]{2,5})\))[ \t]+/ },
];

/**
 * Reads a clause number at the start of `line`. `previousAlpha` is the ordinal
 * of the last `(a)`-style sibling so `(i)` after `(h)` stays alphabetic.
 */
export function matchClauseMarker(line: string, previousAlpha = 0): ClauseMarker | undefined {
  const head = line.slice(0, 24);
  for (const rule of RULES) {
    const match = rule.pattern.exec(head);
    if (!match) continue;
    const marker = match[1]!;
    const number = match[2]!;
    // Nothing after the number (a bare "1.") is a value, not a clause.
    if (match[0].length >= line.trimEnd().length) return undefined;
    const numberOffset = marker.indexOf(number);
    if (rule.style === 'decimal-multi') {
      const path = number.split('.').map(Number);
      return { marker, number, numberOffset, style: rule.style, ordinal: path[path.length - 1]!, path, length: match[0].length };
    }
    if (rule.style === 'alpha-paren') {
      if (number.length > 1 && !ROMAN.test(number)) return undefined;
      const alphaOrdinal = number.length > 1 ? 0 : number.charCodeAt(0) - 96;
      if (ROMAN.test(number) && alphaOrdinal !== previousAlpha + 1) {
        return { marker, number, numberOffset, style: 'roman-paren', ordinal: romanValue(number), path: [romanValue(number)], length: match[0].length };
      }
      return { marker, number, numberOffset, style: rule.style, ordinal: alphaOrdinal, path: [alphaOrdinal], length: match[0].length };
    }
    const ordinal = /^\d+$/.test(number) ? Number(number) : decodeChineseNumber(number);
    if (ordinal === undefined || ordinal <= 0) continue;
    return { marker, number, numberOffset, style: rule.style, ordinal, path: [ordinal], length: match[0].length };
  }
  return undefined;
}

function romanValue(roman: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = values[roman[i]!]!;
    const next = values[roman[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** Writes `ordinal` in a style, for renumbering fixes. */
export function formatNumber(style: NumberingStyle, ordinal: number, sample: string, encodeCjk: (n: number) => string): string {
  switch (style) {
    case 'article':
      return /^\d+$/.test(sample) ? String(ordinal) : encodeCjk(ordinal);
    case 'cjk':
    case 'cjk-paren':
      return encodeCjk(ordinal);
    case 'alpha-paren':
      return String.fromCharCode(96 + ordinal);
    case 'roman-paren':
      return toRoman(ordinal);
    default:
      return String(ordinal);
  }
}

function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}
