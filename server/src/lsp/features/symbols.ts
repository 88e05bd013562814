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
  const symbol = (entry: OutlineEntry): DocumentSymbol => ({
    name: entry.name,
    ...(entry.detail !== undefined ? { detail: entry.detail } : {}),
    kind: KINDS[entry.kind],
    range: rangeOf(analysis.document, entry.span),
    selectionRange: rangeOf(analysis.document, entry.selection),
    ...(entry.kind === 'party' || entry.kind === 'field' ? {} : { children: entry.children.map(symbol) }),
  });
  return outline(analysis.doc).map(symbol);
});
