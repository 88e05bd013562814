import type { Blank, BlankKind, FieldType, GapStyle } from '../../model.js';
import { NOTHING_AROUND, type Around } from './around.js';
import { labelBefore } from './shape.js';
import {
  isSignatureLine,
  scanBracketInstructions,
  scanEmptyAmountWords,
  scanEmptyCells,
  scanEmptyLabels,
  scanMailMergeNames,
  scanMaskedSamples,
  scanSignatureCaptions,
  scanSpaceDates,
  scanTemplateTokens,
  scanTickGroups,
  scanUntickedChoices,
  type GapHit,
} from './gapStyles.js';

const UNDERSCORES = '_＿';
// A date blank, possibly half filled: ____年__月__日, 2026年__月__日; `\_` is an
// underscore escaped the way converters such as pandoc write a Word blank.
// Character classes, not groups, so a ten-megabyte run cannot exhaust the
// regexp stack; the look-behinds try a run from its first character only.
const DATE_BLANK = new RegExp(String.raw`(?:(?<![_＿\\])[_＿\\]{2,}|(?<!\d)\d{4})\s*年\s*(?:[_＿\\]+|\d{1,2})\s*月\s*(?:[_＿\\]+|\d{1,2})\s*日`, 'g');
// `____ day of ________, 20__` and `[●] 20[  ]` are one date too: the day and month, then the year.
const OTHER_DATE_BLANK =
  /(?<![【\[])(?:【[ \u3000]*】|\[[ \u3000]*\])[ \u3000]{0,4}年[ \u3000]{0,4}(?:【[ \u3000]*】|\[[ \u3000]*\])[ \u3000]{0,4}月[ \u3000]{0,4}(?:【[ \u3000]*】|\[[ \u3000]*\])[ \u3000]{0,4}日|(?<![_＿])[_＿]{2,20}[ \t]{0,2}\/[ \t]{0,2}[_＿]{2,20}[ \t]{0,2}\/[ \t]{0,2}(?:20|19)?[_＿]{2,20}|(?<![_＿])[_＿]{2,20}[ \t]{0,2}(?:st|nd|rd|th)?[ \t]{1,2}day[ \t]{1,2}of[ \t]{1,2}[_＿]{2,40}(?![_＿])[ \t]{0,2},?[ \t]{0,2}(?:20|19)?[_＿]{2,10}|(?<!\[)\[[ \t]*(?:[●•·]|[_＿]{1,20}|…{1,3}| {2,20})[ \t]*\][ \t]{1,2}(?:20|19)\[[ \t]*(?:[●•·]|[_＿]{1,20}|…{1,3})?[ \t]*\]/g;
const BRACKET_BLANK = /\[\s*(?:[●•·]|[_＿]+|…+|\.{3,})\s*\]|\[ {2,}\]|【\s*(?:[●•·]|[_＿]+|…+|\.{3,})?\s*】/g;
const NOTATION_AFTER = /^(?:内|中|里)(?:为|是|的|所|填|文字|内容)/;
// `_word_`, `__30__`, `___重要___`: a run that opens against a letter and a run of
// the same length that closes against one, on the same line, are emphasis.
const EMPHASIS = /(?<![\p{L}\p{N}_＿\\])(_{1,3})(?=[\p{L}\p{N}])[^_\n\r]{0,200}?[\p{L}\p{N}]\1(?![\p{L}\p{N}_])/gu;

/**
 * Finds legacy blanks in a block's masked source. Underscores are read from
 * the source, not from the Markdown tree, because CommonMark turns runs like
 * `____年__月__日` into emphasis; short runs count only where the text around
 * them says a value belongs there (`第_种`, `_%`), so `_emphasis_` is left alone.
 */
export function scanBlanks(text: string, base: number, blockType = 'paragraph', around: Around = NOTHING_AROUND): Blank[] {
  const blanks: Blank[] = [];
  // One flag per code unit: which ones a blank (or emphasis) already holds. A
  // list of spans searched per match would make a long line quadratic. Made on
  // the first blank: most blocks have none, and the allocation costs more than their scan.
  let flags: Uint8Array | undefined;
  const isTaken = (i: number) => flags !== undefined && flags[i] === 1;
  const take = (start: number, end: number) => (flags ??= new Uint8Array(text.length)).fill(1, start, end);
  const free = (start: number, end: number) => {
    if (flags === undefined) return true;
    for (let i = start; i < end; i++) if (flags[i]) return false;
    return true;
  };
  const add = (start: number, end: number, kind: BlankKind, expects: FieldType | undefined, style: GapStyle) => {
    take(start, end);
    blanks.push({ span: { start: base + start, end: base + end }, kind, style, expects, label: labelBefore(text, start) });
  };
  const addHits = (hits: readonly GapHit[]) => {
    for (const hit of hits) {
      if (!free(hit.start, hit.end)) continue;
      take(hit.start, hit.end);
      blanks.push({
        span: { start: base + hit.start, end: base + hit.end },
        kind: hit.kind,
        style: hit.style,
        expects: hit.expects,
        label: hit.label,
        fill: hit.fill ? { start: base + hit.fill.start, end: base + hit.fill.end } : undefined,
        options: hit.options,
      });
    }
  };
  // Each pattern below needs a character or word the block may not hold: testing for it spares the whole scan.
  const year = text.includes('年');
  for (const match of year ? text.matchAll(DATE_BLANK) : []) {
    if (!/[_＿]/.test(match[0])) continue;
    add(match.index, match.index + match[0].length, 'date', 'date', 'date-blank');
  }
  // 【】年【】月【】日 and ____ / ____ / 20____: one date, however its parts are drawn.
  const otherDate = year || text.includes('/') || text.includes('[') || text.includes('day');
  for (const match of otherDate ? text.matchAll(OTHER_DATE_BLANK) : []) {
    if (isTaken(match.index)) continue;
    add(match.index, match.index + match[0].length, 'date', 'date', 'date-blank');
  }
  for (const match of text.includes('[') || text.includes('【') ? text.matchAll(BRACKET_BLANK) : []) {
    if (isTaken(match.index)) continue;
    // `【】内为待定内容`: a note about the brackets themselves, not one to fill.
    if (NOTATION_AFTER.test(text.slice(match.index + match[0].length, match.index + match[0].length + 4))) continue;
    // `- [ ]` is a GFM task list box, not a blank.
    if (/^\[ +\]$/.test(match[0]) && /^\s*(?:[-*+]|\d+[.)])\s+$/.test(lineBefore(text, match.index))) continue;
    add(match.index, match.index + match[0].length, 'bracket', expectsAround(text, match.index, match.index + match[0].length), 'bracket-dot');
  }
  addHits(scanBracketInstructions(text));
  addHits(scanTemplateTokens(text));
  addHits(scanSpaceDates(text));
  addHits(scanMaskedSamples(text));
  addHits(scanMailMergeNames(text));
  for (const match of text.includes('_') ? text.matchAll(EMPHASIS) : []) {
    if (isTaken(match.index)) continue;
    const close = match.index + match[0].length - match[1]!.length;
    take(match.index, match.index + match[1]!.length);
    take(close, close + match[1]!.length);
  }
  for (const { start, end, underscores, fullWidth } of underscoreRuns(text)) {
    if (isTaken(start)) continue;
    if (isThematicBreakLine(text, start, end)) {
      // A line of underscores under a party label, or above "(Signature)", is where to sign.
      if (isSignatureLine(text, start, end)) add(start, end, 'underscore', undefined, 'signature-line');
      continue;
    }
    if (!fullWidth && underscores < 3 && !shortRunIsBlank(text, start, end)) continue;
    add(start, end, 'underscore', expectsAround(text, start, end), 'underscore');
  }
  addHits(scanEmptyAmountWords(text));
  addHits(scanSignatureCaptions(text, around));
  addHits(scanEmptyLabels(text, around));
  if (blockType === 'table') addHits(scanEmptyCells(text));
  addHits(scanUntickedChoices(text, scanTickGroups(text), around));
  blanks.sort((a, b) => a.span.start - b.span.start);
  return blanks;
}

const isUnderscore = (code: number) => code === 0x5f || code === 0xff3f;

/** Runs of `_`, `＿` and escaped `\_`, in one pass (a regexp group repeated ten million times overflows). */
function* underscoreRuns(text: string): Generator<{ start: number; end: number; underscores: number; fullWidth: boolean }> {
  for (let i = 0; i < text.length; i++) {
    const escaped = text.charCodeAt(i) === 0x5c && isUnderscore(text.charCodeAt(i + 1));
    if (!escaped && !isUnderscore(text.charCodeAt(i))) continue;
    const start = i;
    let underscores = 0;
    for (;;) {
      if (isUnderscore(text.charCodeAt(i))) i++;
      else if (text.charCodeAt(i) === 0x5c && isUnderscore(text.charCodeAt(i + 1))) i += 2;
      else break;
      underscores++;
    }
    yield { start, end: i, underscores, fullWidth: text.charCodeAt(escaped ? start + 1 : start) === 0xff3f };
    i--;
  }
}

function lineBefore(text: string, index: number): string {
  let from = index;
  while (from > 0 && index - from < 16 && text[from - 1] !== '\n' && text[from - 1] !== '\r') from--;
  return text.slice(from, index);
}

/**
 * A line of nothing but underscores, spaces and tabs (at least three
 * underscores) is a thematic break. Walks out from the run and stops at the
 * first other character, so a long line of text costs nothing extra per run.
 */
function isThematicBreakLine(text: string, start: number, end: number): boolean {
  let underscores = end - start;
  let from = start;
  for (; from > 0; from--) {
    const c = text[from - 1]!;
    if (c === '\n' || c === '\r') break;
    if (c === '_') underscores++;
    else if (c !== ' ' && c !== '\t') return false;
  }
  let to = end;
  for (; to < text.length; to++) {
    const c = text[to]!;
    if (c === '\n' || c === '\r') break;
    if (c === '_') underscores++;
    else if (c !== ' ' && c !== '\t') return false;
  }
  // Up to three spaces may indent it; a tab or more spaces make it code, which is masked anyway.
  return underscores >= 3 && /^ {0,3}_/.test(text.slice(from, Math.min(to, from + 4)));
}

/** `_%`, `第_种`, `_年` or a run set apart by spaces or punctuation is a blank; `a_b` or `_word_` is not. */
function shortRunIsBlank(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (/[%％年月日元种项条款个天号期倍]/.test(after)) return true;
  if (before === '第') return true;
  const apart = (c: string) => c === '' || (/[\s\p{P}]/u.test(c) && !UNDERSCORES.includes(c) && c !== '*');
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
