/**
 * Go to definition, find references, rename: for fields and clause labels.
 */
import {
  LSPErrorCodes,
  ResponseError,
  type Location,
  type PrepareRenameResult,
  type ReferenceParams,
  type RenameParams,
  type TextDocumentPositionParams,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { definitionAt, referencesAt, renameEdits, symbolAt } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { lspEdit, rangeOf, workspaceEdit } from '../convert.js';

export function definition(analysis: Analysis, { position }: TextDocumentPositionParams): Location | null {
  const span = definitionAt(analysis.doc, analysis.document.offsetAt(position));
  return span ? { uri: analysis.uri, range: rangeOf(analysis.document, span) } : null;
}

export function references(analysis: Analysis, { position, context }: ReferenceParams): Location[] {
  const spans = referencesAt(analysis.doc, analysis.document.offsetAt(position), context?.includeDeclaration !== false);
  return spans.map((span) => ({ uri: analysis.uri, range: rangeOf(analysis.document, span) }));
}

export function prepareRename(analysis: Analysis, { position }: TextDocumentPositionParams): PrepareRenameResult | null {
  const symbol = symbolAt(analysis.doc, analysis.document.offsetAt(position));
  return symbol ? { range: rangeOf(analysis.document, symbol.span), placeholder: symbol.name } : null;
}

/** Renames every occurrence, or refuses with a `RequestFailed` error that says why. */
export function rename(analysis: Analysis, { position, newName }: RenameParams, { documentChanges }: { documentChanges: boolean }): WorkspaceEdit {
  const result = renameEdits(analysis.doc, analysis.document.offsetAt(position), newName);
  if ('refused' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.refused);
  return workspaceEdit(
    analysis.uri,
    analysis.version,
    result.edits.map((e) => lspEdit(analysis.document, e)),
    documentChanges,
  );
}
