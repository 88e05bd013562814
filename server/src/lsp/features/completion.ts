import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import { clauseCandidates, completionsAt, type CompletionCandidate, type CompletionKind, type LibraryTemplate } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { lspEdit, rangeOf } from '../convert.js';

export { COMPLETION_TRIGGERS } from '../../core/index.js';

const KINDS: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  field: CompletionItemKind.Variable,
  type: CompletionItemKind.TypeParameter,
  filter: CompletionItemKind.Function,
  label: CompletionItemKind.Reference,
  key: CompletionItemKind.Property,
  option: CompletionItemKind.EnumMember,
  party: CompletionItemKind.Constant,
  clause: CompletionItemKind.Snippet,
};

export function completion(analysis: Analysis, position: Position, templates: readonly LibraryTemplate[]): CompletionList {
  const { doc, document } = analysis;
  const candidates = completionsAt(doc, document.offsetAt(position), (replace) => clauseCandidates(doc, replace, templates));
  return { isIncomplete: false, items: candidates.map((c) => item(analysis, c)) };
}

function item({ document }: Analysis, c: CompletionCandidate): CompletionItem {
  return {
    label: c.label,
    kind: KINDS[c.kind],
    ...(c.detail !== undefined ? { detail: c.detail } : {}),
    ...(c.documentation !== undefined ? { documentation: c.markdown ? { kind: MarkupKind.Markdown, value: c.documentation } : c.documentation } : {}),
    ...(c.filterText !== undefined ? { filterText: c.filterText } : {}),
    ...(c.sortText !== undefined ? { sortText: c.sortText } : {}),
    textEdit: { range: rangeOf(document, c.replace), newText: c.newText },
    ...(c.snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
    ...(c.additionalEdits ? { additionalTextEdits: c.additionalEdits.map((e) => lspEdit(document, e)) } : {}),
  };
}
