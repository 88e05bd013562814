import type { Span } from './span.js';

/** Each line of `text[start, end)` as a span without its line break. */
export function linesIn(text: string, start: number, end: number): Span[] {
  const lines: Span[] = [];
  let lineStart = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start: lineStart, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
    }
  }
  lines.push({ start: lineStart, end });
  return lines;
}

/** Whether two spans share at least one offset. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, offset: number): boolean {
  return offset >= outer.start && offset <= outer.end;
}
