/**
 * Payment schedules written as a list under a sentence that introduces them:
 *
 *     The Fee shall be paid as follows:
 *
 *     (a) 30% on signing;
 *
 *     (b) 70% on delivery.
 *
 * Converted documents often put each item in a paragraph of its own, and
 * Chinese contracts nest `（1）…（4）` under a numbered clause, so neither one
 * sentence nor one Markdown list holds the schedule. The lines do: an item
 * belongs to the schedule of the nearest line above it that ends with a colon
 * and says a schedule follows, when only other items, their wrapped lines and
 * blank lines stand between.
 */

// (a) (iv) (1) （一） （1） (一) a) 1) a. 1. 1、 一、 ① - * +, after any indent, quote marks and bold.
const ITEM_START =
  /^[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:\((?:[a-z]|[ivx]{1,4}|\d{1,2}|[一二三四五六七八九十]{1,3})\)|（(?:[a-z]|\d{1,2}|[一二三四五六七八九十]{1,3})）|[a-z\d]{1,2}\)|(?:[a-z]|\d{1,2})\.(?!\d)|\d{1,2}、|[一二三四五六七八九十]{1,3}、|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫]|[-*+](?=[ \t]))/i;
const ENDS_WITH_COLON = /[:：][ \t]*(?:\*\*|__)?[ \t]*$/;
// What makes a colon line the head of a schedule rather than of a definition or a heading ("4. Payment:").
const INTRODUCES_SCHEDULE =
  /as follows|the following|set out below|below|payment terms|如下|以下|下列|分[一二三四五六七八九十两\d]{1,2}期|分期|(?:付款|支付)(?:方式|安排|进度)|instal{1,2}ments?|schedule|tranches?/i;
const BLANK_LINE = /^[ \t>]*$/;
const HEADING = /^[ \t]{0,3}#/;
// Past these, a line or a schedule is not one a drafter wrote: stop looking.
const LONGEST_LINE = 2000;
const MOST_LINES = 60;

/** The line that introduces a schedule: where it starts and what it says. */
export interface ScheduleIntro {
  readonly start: number;
  readonly text: string;
}

/**
 * A function that tells, for an offset in `text`, the schedule its line is an
 * item of (or a wrapped line of an item of), or `undefined`. Answers are
 * remembered per line, so the items of one schedule walk up to it once; each
 * with how many lines up it was found, so that a walk reaching a remembered
 * line still gives up after MOST_LINES lines in all: every answer depends on
 * the text alone, never on which offsets were asked before (what lets a block
 * keep its answers, see facts/instalmentGroups.ts).
 */
export function scheduleFinder(text: string, reach?: Reach): (offset: number) => ScheduleIntro | undefined {
  const known = new Map<number, { readonly intro: ScheduleIntro | undefined; readonly lines: number }>();
  const longRun = { from: -1, to: -2, reach };
  return (offset) => {
    const first = lineAround(text, offset, longRun);
    if (first === undefined) return undefined;
    const remembered = known.get(first.start);
    if (remembered !== undefined) return remembered.intro;
    // Each line walked past, with how many lines above the first it stands.
    const visited: Array<{ start: number; depth: number }> = [];
    const answer = (intro: ScheduleIntro | undefined, depth: number) => {
      for (const v of visited) known.set(v.start, { intro, lines: depth - v.depth });
      return intro;
    };
    let line = first;
    // A line that is no item must be the wrapped part of one above it, with no blank line between.
    let wrapped = !ITEM_START.test(line.text);
    if (wrapped && (BLANK_LINE.test(line.text) || ENDS_WITH_COLON.test(line.text))) return undefined;
    // A line ending with a colon answers for itself (no schedule above it) but introduces the items below it: remembered, its
    // answer would stand for theirs when a walk from below reached it, and depend on which was asked first.
    if (!ENDS_WITH_COLON.test(line.text)) visited.push({ start: line.start, depth: 0 });
    for (let depth = 1; depth <= MOST_LINES; depth++) {
      const above = lineBefore(text, line.start, reach);
      if (above === undefined) return answer(undefined, depth);
      line = above;
      const seen = known.get(line.start);
      // Too far up for this walk, though not for the one that found it: give up as a walk of its own would.
      if (seen !== undefined) return depth + seen.lines <= MOST_LINES ? answer(seen.intro, depth + seen.lines) : undefined;
      if (BLANK_LINE.test(line.text)) {
        if (wrapped) return answer(undefined, depth);
        continue;
      }
      if (ENDS_WITH_COLON.test(line.text)) {
        if (wrapped || !INTRODUCES_SCHEDULE.test(line.text)) return answer(undefined, depth);
        return answer({ start: line.start, text: line.text }, depth);
      }
      if (HEADING.test(line.text)) return answer(undefined, depth);
      wrapped = !ITEM_START.test(line.text);
      visited.push({ start: line.start, depth });
    }
    // Given up: not remembered, as a walk from a line nearer the schedule may still reach it.
    return undefined;
  };
}

/** The stretch of text a finder has read so far, widened as it reads (see facts/perBlock.ts `perBlockNear`). */
export interface Reach {
  from: number;
  to: number;
}

interface Line {
  readonly start: number;
  readonly text: string;
}

/**
 * The line around `offset`, or `undefined` when it is longer than a drafter's
 * line. `longRun`, when given, remembers a stretch known to hold no line break
 * and to be too long: a line of a million percentages is then measured once,
 * not once per percentage.
 */
function lineAround(text: string, offset: number, longRun?: { from: number; to: number; reach?: Reach | undefined }, reach = longRun?.reach): Line | undefined {
  const line = readLine(text, offset, longRun);
  if (reach !== undefined) {
    // What it looked at: the line and the line break on either side, or as far as it went before giving up.
    const from = line ? line.start - 1 : Math.max(0, offset - LONGEST_LINE - 2);
    const to = line ? line.start + line.text.length + 1 : Math.min(text.length, offset + 2 * LONGEST_LINE + 2);
    if (from < reach.from) reach.from = from;
    if (to > reach.to) reach.to = to;
  }
  return line;
}

function readLine(text: string, offset: number, longRun?: { from: number; to: number }): Line | undefined {
  const insideLong = (i: number) => longRun !== undefined && i >= longRun.from && i <= longRun.to;
  const tooLong = (from: number, to: number) => {
    if (longRun && to >= longRun.from - 1 && from <= longRun.to + 1) {
      longRun.from = Math.min(longRun.from, from);
      longRun.to = Math.max(longRun.to, to);
    } else if (longRun) {
      longRun.from = from;
      longRun.to = to;
    }
    return undefined;
  };
  if (insideLong(offset)) return undefined;
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') {
    if (offset - start > LONGEST_LINE || insideLong(start - 1)) return tooLong(start, offset);
    start--;
  }
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') {
    if (end - start > LONGEST_LINE || insideLong(end)) return tooLong(start, end);
    end++;
  }
  return { start, text: text.slice(start, end) };
}

/** The line above the one starting at `start`, across `\n`, `\r\n` or `\r`. */
function lineBefore(text: string, start: number, reach?: Reach): Line | undefined {
  if (start === 0) return undefined;
  let end = start - 1;
  if (text[end] === '\n' && text[end - 1] === '\r') end--;
  if (reach !== undefined && end - 1 < reach.from) reach.from = end - 1;
  return lineAround(text, end, undefined, reach);
}

const MARKER =
  /^[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+)?(?:\*\*|__)?(\([^()\s]{1,4}\)|（[^（）\s]{1,4}）|[a-z\d]{1,2}\)|(?:[a-z]|\d{1,2})\.(?!\d)|\d{1,2}、|[一二三四五六七八九十]{1,3}、|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫])/i;

/**
 * The number of the list item `offset` stands in (`(a)`, `（1）`, `2.`), when
 * nothing but words lie between it and `offset`: what a drafter calls an
 * instalment of a list schedule.
 */
export function itemMarkerAt(text: string, offset: number): string | undefined {
  const line = lineAround(text, offset);
  if (line === undefined) return undefined;
  const marker = MARKER.exec(line.text);
  if (!marker || !ITEM_START.test(line.text)) return undefined;
  const between = line.text.slice(marker[0].length, offset - line.start);
  return /[%％]/.test(between) ? undefined : marker[1];
}
