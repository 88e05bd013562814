/**
 * Go to definition, find references, rename: for fields and clause labels.
 */
import { LSPErrorCodes, ResponseError, type Location, type Position, type PrepareRenameResult, type WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis } from '../analysis.js';
import { rangeOf, workspaceEdit } from '../convert.js';
import { frontMatterLayout } from '../frontMatterLayout.js';
import { t } from '../messages.js';
import { definitionOf, occurrencesOf, symbolAt } from '../occurrences.js';

// Field names stay plain YAML keys and plain placeholder names: no spaces or quotes to escape.
const FIELD_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.\-·]*$/u;
const LABEL_NAME = /^[\p{L}\p{N}_-]{1,64}$/u;

export function definition(analysis: Analysis, position: Position): Location | null {
  const symbol = symbolAt(analysis.doc, analysis.document.offsetAt(position));
  if (!symbol) return null;
  const span = definitionOf(analysis.doc, symbol);
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
  if (!symbol) return null;
  return { range: rangeOf(analysis.document, symbol.span), placeholder: symbol.name };
}

/**
 * Renames every occurrence, or refuses with a `RequestFailed` error whose
 * message says why (a clash, an invalid name, nothing renameable here).
 */
export function rename(analysis: Analysis, position: Position, newName: string, documentChanges: boolean): WorkspaceEdit {
  const { doc, locale } = analysis;
  const refuse = (message: string) => new ResponseError(LSPErrorCodes.RequestFailed, message);
  const symbol = symbolAt(doc, analysis.document.offsetAt(position));
  if (!symbol) throw refuse(t(locale, 'renameNothing'));
  const name = typeof newName === 'string' ? newName.trim() : '';
  if (symbol.kind === 'field') {
    if (!FIELD_NAME.test(name)) throw refuse(t(locale, 'renameBadField', { name }));
    if (name !== symbol.name && doc.fields.has(name)) throw refuse(t(locale, 'renameFieldClash', { name }));
    if (doc.frontMatter && !frontMatterLayout(doc).parses) throw refuse(t(locale, 'renameBrokenFrontMatter'));
  } else {
    if (!LABEL_NAME.test(name)) throw refuse(t(locale, 'renameBadLabel', { name }));
    if (name !== symbol.name && doc.clauses.some((c) => c.label === name)) throw refuse(t(locale, 'renameLabelClash', { name }));
  }
  const edits = occurrencesOf(doc, symbol).map((o) => ({ range: rangeOf(analysis.document, o.span), newText: name }));
  return workspaceEdit(analysis.uri, analysis.version, edits, documentChanges);
}
