/**
 * The one place where the core's UTF-16 offsets become LSP positions and back.
 */
import type { Position, Range, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocumentEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span, TextEdit } from '../core/index.js';

export function rangeOf(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function spanOf(document: TextDocument, range: Range): Span {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  return start <= end ? { start, end } : { start: end, end: start };
}

export function lspEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: rangeOf(document, edit.span), newText: edit.newText };
}

/**
 * Edits to one document as a `WorkspaceEdit`: versioned `documentChanges`
 * when the client takes them, so a stale edit is refused, else `changes`.
 */
export function workspaceEdit(uri: string, version: number, edits: LspTextEdit[], documentChanges: boolean): WorkspaceEdit {
  return documentChanges ? { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] } : { changes: { [uri]: edits } };
}

/** How many lines a cursor steps forward before a binary search over all lines is cheaper. */
const STEPS_BEFORE_SEARCH = 8;

/**
 * `document.positionAt` for offsets met in document order (tokens, the
 * starts of symbols and diagnostics): each is found by stepping on from the
 * line of the one before, instead of a binary search over every line of a
 * long contract each time. An offset far ahead or behind is searched for as
 * usual. The answer is always `document.positionAt(offset)`'s.
 */
export class PositionCursor {
  private readonly text: string;
  private readonly lineCount: number;
  private line = 0;
  private lineStart = 0;
  /** Where the line after `line` starts, or the text's length on the last line. */
  private nextLineStart: number;
  /** A position reused for reading line starts: `offsetAt` keeps nothing of it. */
  private readonly probe = { line: 0, character: 0 };

  constructor(private readonly document: TextDocument) {
    this.text = document.getText();
    this.lineCount = document.lineCount;
    this.nextLineStart = this.startOf(1);
  }

  at(offset: number): Position {
    if (offset < this.lineStart || offset > this.text.length) return this.search(offset);
    let steps = 0;
    while (offset >= this.nextLineStart && this.line + 1 < this.lineCount) {
      if (++steps > STEPS_BEFORE_SEARCH) return this.search(offset);
      this.moveTo(this.line + 1, this.nextLineStart);
    }
    // As positionAt: an offset between a line's CR and LF is placed before them.
    let at = offset;
    while (at > this.lineStart && isEol(this.text.charCodeAt(at - 1))) at--;
    return { line: this.line, character: at - this.lineStart };
  }

  /** A range whose start follows the previous one; its end is searched for unless it is near. */
  rangeOf(span: Span): Range {
    return { start: this.at(span.start), end: this.at(span.end) };
  }

  private search(offset: number): Position {
    const position = this.document.positionAt(offset);
    this.moveTo(position.line, this.startOf(position.line));
    return position;
  }

  private moveTo(line: number, start: number): void {
    this.line = line;
    this.lineStart = start;
    this.nextLineStart = this.startOf(line + 1);
  }

  private startOf(line: number): number {
    this.probe.line = line;
    return line < this.lineCount ? this.document.offsetAt(this.probe) : this.text.length;
  }
}

function isEol(code: number): boolean {
  return code === 13 || code === 10;
}
