/**
 * The one place where the core's UTF-16 offsets become LSP positions and back.
 */
import type { Range, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
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
