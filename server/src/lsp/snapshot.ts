/**
 * The text of one version of a document, frozen for its analysis, as a
 * `TextDocument` that converts offsets to LSP positions. The documents the
 * server keeps change in place, so each analysis needs its own copy; a copy
 * made with `TextDocument.create` finds its line starts again by reading the
 * whole text, some 5–8 ms a keystroke on a 1 MB contract. A snapshot made
 * from the one before it carries those line starts through the edits between.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../core/index.js';

export class Snapshot implements TextDocument {
  private starts: number[] | undefined;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly text: string,
    starts: number[] | undefined,
  ) {
    this.starts = starts;
  }

  /** A snapshot of `live` as it is now, its line starts read on first use. */
  static of(live: TextDocument): Snapshot {
    return new Snapshot(live.uri, live.languageId, live.version, live.getText(), undefined);
  }

  /**
   * A snapshot of `live`, whose text is `previous`'s with `changes` applied in
   * order: the line starts `previous` found are moved, not found again.
   */
  static after(previous: Snapshot, changes: readonly TextChange[], live: TextDocument): Snapshot {
    let starts = previous.starts;
    let text = previous.text;
    for (const change of changes) {
      if (starts === undefined) break;
      starts = startsAfter(text, starts, change);
      text = text.slice(0, change.start) + change.text + text.slice(change.end);
    }
    return new Snapshot(live.uri, live.languageId, live.version, live.getText(), starts);
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  getText(range?: Range): string {
    if (range === undefined) return this.text;
    // `substring`, as TextDocument reads it: a range given end first still reads the text between.
    return this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** The line's text without its break; past the last line, the last line. */
  getLineRange(line: number): Range {
    const starts = this.lineStarts();
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const at = Math.min(line, starts.length - 1);
    const start = starts[at]!;
    const end = line >= starts.length ? this.text.length : this.beforeLineEnd(this.lineEnd(at), start);
    return { start: { line: at, character: 0 }, end: { line: at, character: end - start } };
  }

  /** The break that ends the line (`\r\n`, `\n`, `\r`), or '' for the last line or one out of range. */
  getEOLCharacters(line: number): string {
    const starts = this.lineStarts();
    if (line < 0 || line >= starts.length) return '';
    const end = this.lineEnd(line);
    return this.text.substring(this.beforeLineEnd(end, starts[line]!), end);
  }

  /** Where the line after `line` starts, or the end of the text. */
  private lineEnd(line: number): number {
    const starts = this.lineStarts();
    return line + 1 < starts.length ? starts[line + 1]! : this.text.length;
  }

  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts();
    // The last line starting at or before `at`.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: this.beforeLineEnd(at, starts[low]!) - starts[low]! };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line]!;
    if (position.character <= 0) return start;
    const next = position.line + 1 < starts.length ? starts[position.line + 1]! : this.text.length;
    return this.beforeLineEnd(Math.min(start + position.character, next), start);
  }

  /** An offset inside a line break (or past a line's end) is placed before the break, as LSP positions are. */
  private beforeLineEnd(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.text.charCodeAt(at - 1))) at--;
    return at;
  }

  private lineStarts(): number[] {
    return (this.starts ??= lineStartsIn(this.text, 0, this.text.length, [0]));
  }
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

/** Appends to `starts` where each line after a break in `text[from, to)` starts (`\r\n` is one break). */
function lineStartsIn(text: string, from: number, to: number, starts: number[]): number[] {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0d && i + 1 < to && text.charCodeAt(i + 1) === 0x0a) i++;
    if (code === 0x0d || code === 0x0a) starts.push(i + 1);
  }
  return starts;
}

/**
 * The line starts of `text` with `change` applied: those before the change
 * kept, those of the breaks it removed dropped, those of the breaks it
 * inserted added, and the rest moved by its length. Undefined where the
 * change joins or splits a `\r\n` at its edges: then the lines are read again.
 */
function startsAfter(text: string, starts: readonly number[], change: TextChange): number[] | undefined {
  const { start, end } = change;
  const inserted = change.text;
  const before = text.charCodeAt(start - 1);
  if (before === 0x0d && (text.charCodeAt(start) === 0x0a || inserted.charCodeAt(0) === 0x0a)) return undefined;
  if (text.charCodeAt(end) === 0x0a && (inserted.length > 0 ? inserted.endsWith('\r') : before === 0x0d)) return undefined;
  // Lines starting at or before `start` keep their start; a start in (start, end] followed a removed break.
  const kept = firstAbove(starts, start);
  const after = firstAbove(starts, end);
  const next = starts.slice(0, kept);
  lineStartsIn(inserted, 0, inserted.length, []).forEach((s) => next.push(start + s));
  const delta = inserted.length - (end - start);
  for (let i = after; i < starts.length; i++) next.push(starts[i]! + delta);
  return next;
}

/** The index of the first start greater than `offset`. */
function firstAbove(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts[middle]! > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}
