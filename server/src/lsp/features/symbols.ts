/**
 * The outline: clauses nested as they are numbered, then the parties and the
 * fields, each under its own group.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { clauseNumberText, type Span } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { rangeOf } from '../convert.js';
import { t } from '../messages.js';

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const { doc, document, locale } = analysis;
  const symbols: DocumentSymbol[] = [];
  const byIndex: DocumentSymbol[] = [];
  doc.clauses.forEach((clause, index) => {
    const symbol: DocumentSymbol = {
      name: `${clauseNumberText(doc, clause)} ${clause.title}`.trim() || clause.marker,
      kind: clause.depth === 0 ? SymbolKind.Module : SymbolKind.Namespace,
      range: rangeOf(document, { start: clause.span.start, end: trimEnd(doc.text, clause.span.start, clause.sectionEnd) }),
      selectionRange: rangeOf(document, clause.span),
      children: [],
    };
    if (clause.label) symbol.detail = `#${clause.label}`;
    byIndex[index] = symbol;
    const parent = clause.parent === undefined ? undefined : byIndex[clause.parent];
    (parent?.children ?? symbols).push(symbol);
  });

  const parties = doc.parties.map((party): DocumentSymbol => ({
    name: party.key,
    detail: [party.role, party.name].filter((s) => s !== undefined).join(' · '),
    kind: SymbolKind.Object,
    range: rangeOf(document, party.declaration),
    selectionRange: rangeOf(document, party.declaration),
  }));
  const group = (name: string, children: DocumentSymbol[], spans: Span[]) => {
    if (children.length === 0) return;
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end));
    symbols.push({ name, kind: SymbolKind.Namespace, range: rangeOf(document, { start, end }), selectionRange: rangeOf(document, { start, end: start }), children });
  };
  group(t(locale, 'parties'), parties, doc.parties.map((p) => p.declaration));

  const fields = [...doc.fields.values()];
  group(
    t(locale, 'fields'),
    fields.map((field): DocumentSymbol => ({
      name: field.name,
      detail: field.value?.raw === undefined ? field.type : `${field.type} = ${field.value.raw}`,
      kind: SymbolKind.Field,
      range: rangeOf(document, field.declarationSpan),
      selectionRange: rangeOf(document, field.declaration),
    })),
    fields.map((f) => f.declarationSpan),
  );
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** A section's end without the blank lines before the next clause. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
