/**
 * Go to definition, find references, rename: for fields and clause labels.
 */
import { LSPErrorCodes, ResponseError, type Location, type Position, type PrepareRenameResult, type WorkspaceEdit } from 'vscode-languageserver';
import { definitionOf, occurrencesOf, renameEdits, symbolAt } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { lspEdit, rangeOf, workspaceEdit } from '../convert.js';

export function definition(analysis: Analysis, position: Position): Location | null {
  const symbol = symbolAt(analysis.doc, analysis.document.offsetAt(position));
  const span = symbol && definitionOf(analysis.doc, symbol);
  return span ? { uri: analysis.uri, range: rangeOf(analysis.document, span) } : null;
}

export function references(analysis: Analysis, position: Position, includeDeclaration: boolean): Location[] {
  const symbol = symbolAt(analysis.doc, analysis.document.offsetAt(position));
  if (!symbol) return [];
  return occurrencesOf(analysis.doc, symbol)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => ({ uri: analysis.uri, range: rangeOf(analysis.document, o.span) }));
}

export function prepareRename(analysis: Analysis, position: Position): PrepareRenameResult | null {
  const symbol = symbolAt(analysis.doc, analysis.document.offsetAt(position));
  return symbol ? { range: rangeOf(analysis.document, symbol.span), placeholder: symbol.name } : null;
}

/** Renames every occurrence, or refuses with a `RequestFailed` error that says why. */
export function rename(analysis: Analysis, position: Position, newName: string, documentChanges: boolean): WorkspaceEdit {
  const result = renameEdits(analysis.doc, analysis.document.offsetAt(position), newName);
  if ('refused' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.refused);
  return workspaceEdit(
    analysis.uri,
    analysis.version,
    result.edits.map((e) => lspEdit(analysis.document, e)),
    documentChanges,
  );
}
