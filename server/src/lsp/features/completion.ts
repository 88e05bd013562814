import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionOptions,
  type CompletionParams,
} from 'vscode-languageserver';
import {
  clauseCandidates,
  completionsAt,
  COMPLETION_TRIGGERS,
  isEmptyContract,
  starterCandidates,
  type CompletionCandidate,
  type CompletionKind,
  type LibraryTemplate,
} from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { lspEdit, rangeOf } from '../convert.js';

export const COMPLETION_OPTIONS: CompletionOptions = { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false };

const KINDS: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  field: CompletionItemKind.Variable,
  type: CompletionItemKind.TypeParameter,
  filter: CompletionItemKind.Function,
  label: CompletionItemKind.Reference,
  key: CompletionItemKind.Property,
  option: CompletionItemKind.EnumMember,
  party: CompletionItemKind.Constant,
  // Not `Snippet`: VS Code sorts snippet items by prefix match alone, and the English `cm-fees` would beat
  // a Chinese contract's 服务费用及支付; with `editor.snippetSuggestions: bottom` the static snippets follow these.
  clause: CompletionItemKind.Module,
  contract: CompletionItemKind.File,
};

/** Completion at the cursor; on an empty contract, the New Contract templates. */
export function completion(analysis: Analysis, { position }: CompletionParams, templates: readonly LibraryTemplate[]): CompletionList {
  const { doc, document } = analysis;
  const candidates = isEmptyContract(doc)
    ? starterCandidates(doc, templates)
    : completionsAt(doc, document.offsetAt(position), (replace) => clauseCandidates(doc, replace, templates));
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
    ...(c.preselect ? { preselect: true } : {}),
    textEdit: { range: rangeOf(document, c.replace), newText: c.newText },
    ...(c.snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
    ...(c.additionalEdits ? { additionalTextEdits: c.additionalEdits.map((e) => lspEdit(document, e)) } : {}),
  };
}
