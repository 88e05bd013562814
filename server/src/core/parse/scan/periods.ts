import type { DateMention, PeriodMention } from '../../model.js';

// What stands between the two dates of a range: 至, 到, ～, —, to, until, through.
const BETWEEN = /^\s*(?:起\s*)?(?:至|到|～|~|—|–|-|to|until|till|through|and ending on|ending on)\s*(?:the\s+)?$/i;
// What opens a range: 自, 从, from, commencing on, beginning on, between. Without it `…日至…日` still reads as a range.
const OPENING = /(?:自|从|由|于|from|commencing(?: on)?|beginning(?: on)?|starting(?: on)?|between|effective)\s*$/i;

/** Date ranges written as two dates joined by 至 / to, read from the block's dates in order. */
export function scanPeriods(masked: string, base: number, dates: readonly DateMention[], sentenceOf: (index: number) => number): PeriodMention[] {
  const found: PeriodMention[] = [];
  for (let i = 0; i + 1 < dates.length; i++) {
    const start = dates[i]!;
    const end = dates[i + 1]!;
    const between = masked.slice(start.span.end - base, end.span.start - base);
    if (between.length > 24 || !BETWEEN.test(between)) continue;
    const before = masked.slice(Math.max(0, start.span.start - base - 16), start.span.start - base);
    // `between A and B` is a range; a bare `A - B` needs its opening word, or it may be a list.
    if (/^\s*[-–—~～]\s*$/.test(between) && !OPENING.test(before)) continue;
    const sentence = sentenceOf(start.span.start - base);
    const contextBefore = masked.slice(Math.max(sentence, start.span.start - base - 60), start.span.start - base);
    found.push({ span: { start: start.span.start, end: end.span.end }, start, end, sentence: base + sentence, contextBefore });
    i++;
  }
  return found;
}
