import type { ContractDocument, TextEdit } from '../model.js';
import { t } from './messages.js';
import { occurrencesOf, symbolAt } from './occurrences.js';

// Field names stay plain YAML keys and plain placeholder names: no spaces or quotes to escape.
const FIELD_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.\-·]*$/u;
const LABEL_NAME = /^[\p{L}\p{N}_-]{1,64}$/u;

/**
 * The edits that rename the field or clause label at `offset` everywhere it
 * is written, or why it cannot be renamed (a clash, an invalid name, nothing
 * renameable there), in the message locale.
 */
export function renameEdits(doc: ContractDocument, offset: number, newName: unknown): { edits: TextEdit[] } | { refused: string } {
  const { locale } = doc;
  const symbol = symbolAt(doc, offset);
  if (!symbol) return { refused: t(locale, 'renameNothing') };
  const name = typeof newName === 'string' ? newName.trim() : '';
  if (symbol.kind === 'field') {
    if (!FIELD_NAME.test(name)) return { refused: t(locale, 'renameBadField', { name }) };
    if (name !== symbol.name && doc.fields.has(name)) return { refused: t(locale, 'renameFieldClash', { name }) };
    if (doc.frontMatter && !doc.frontMatter.layout.parses) return { refused: t(locale, 'renameBrokenFrontMatter') };
  } else {
    if (!LABEL_NAME.test(name)) return { refused: t(locale, 'renameBadLabel', { name }) };
    if (name !== symbol.name && doc.clauses.some((c) => c.label === name)) return { refused: t(locale, 'renameLabelClash', { name }) };
  }
  return { edits: occurrencesOf(doc, symbol).map((o) => ({ span: o.span, newText: name })) };
}
