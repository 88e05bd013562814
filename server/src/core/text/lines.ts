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

/**
 * The line above the one holding `start`, past any blank lines between (at
 * most 400 characters back; at most 200 characters of that line), trimmed.
 * Empty when there is none.
 */
export function nonBlankLineAbove(text: string, start: number): string {
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  while (lineStart > 0 && /[\r\n \t]/.test(text[lineStart - 1]!) && start - lineStart < 400) lineStart--;
  if (lineStart === 0) return '';
  let prevStart = lineStart;
  while (prevStart > 0 && text[prevStart - 1] !== '\n' && text[prevStart - 1] !== '\r' && lineStart - prevStart < 200) prevStart--;
  return text.slice(prevStart, lineStart).trim();
}
