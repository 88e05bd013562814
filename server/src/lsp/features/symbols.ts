import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { outline, type OutlineEntry } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { PositionCursor } from '../convert.js';
import { perAnalysis } from '../perAnalysis.js';

const KINDS: Readonly<Record<OutlineEntry['kind'], SymbolKind>> = {
  clause: SymbolKind.Module,
  subclause: SymbolKind.Namespace,
  group: SymbolKind.Namespace,
  party: SymbolKind.Object,
  field: SymbolKind.Field,
};

export const documentSymbols = perAnalysis((analysis: Analysis): DocumentSymbol[] => {
  // Properties are assigned, not spread: on a long contract the outline is ten thousand symbols.
  // Entries come parent first, in document order: a cursor finds each start, and the selection after it, from
  // the one before; an end (a clause's reaches past its subclauses) is searched for, by a cursor of its own.
  const starts = new PositionCursor(analysis.document);
  const ends = new PositionCursor(analysis.document);
  const symbol = (entry: OutlineEntry): DocumentSymbol => {
    const found: DocumentSymbol = {
      name: entry.name,
      kind: KINDS[entry.kind],
      range: { start: starts.at(entry.span.start), end: ends.at(entry.span.end) },
      selectionRange: starts.rangeOf(entry.selection),
    };
    if (entry.detail !== undefined) found.detail = entry.detail;
    // No empty `children`: most clauses have none, and the field is optional.
    if (entry.children.length > 0) found.children = entry.children.map(symbol);
    return found;
  };
  return outline(analysis.doc).map(symbol);
});
