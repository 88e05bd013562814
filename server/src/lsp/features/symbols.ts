import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { outline, type OutlineEntry } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { rangeOf } from '../convert.js';
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
  const symbol = (entry: OutlineEntry): DocumentSymbol => {
    const found: DocumentSymbol = {
      name: entry.name,
      kind: KINDS[entry.kind],
      range: rangeOf(analysis.document, entry.span),
      selectionRange: rangeOf(analysis.document, entry.selection),
    };
    if (entry.detail !== undefined) found.detail = entry.detail;
    // No empty `children`: most clauses have none, and the field is optional.
    if (entry.children.length > 0) found.children = entry.children.map(symbol);
    return found;
  };
  return outline(analysis.doc).map(symbol);
});
