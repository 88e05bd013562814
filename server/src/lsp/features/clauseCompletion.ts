/**
 * Clause templates as completion items on an otherwise empty body line: the
 * item replaces the line with the clause (numbered for its place) and adds the
 * parties, fields and groups it needs to the front matter.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver';
import { insertClauseEdits, parseContract } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import type { LoadedTemplate } from '../clauseLibrary.js';
import { lspEdit } from '../convert.js';

/** How much of a clause's text its documentation shows. */
const PREVIEW_LENGTH = 600;

export function clauseItems(analysis: Analysis, replace: Range, templates: readonly LoadedTemplate[]): CompletionItem[] {
  const { doc, document } = analysis;
  // The contract's language, not the messages': a Chinese contract gets Chinese clauses whatever the UI speaks.
  const ofLocale = templates.filter((t) => t.template.locale === analysis.contractLocale);
  if (ofLocale.length === 0) return [];
  const lineStart = document.offsetAt({ line: replace.start.line, character: 0 });
  const lineEnd = document.offsetAt({ line: replace.start.line + 1, character: 0 });
  const content = doc.text.slice(lineStart, lineEnd).replace(/(?:\r\n|\r|\n)$/, '');
  const contentEnd = lineStart + content.length;
  // Work on the text with this line emptied: the clause takes the line's place.
  const emptied = parseContract(doc.text.slice(0, lineStart) + doc.text.slice(contentEnd), { locale: analysis.settings.config.locale });
  const lineRange: Range = { start: document.positionAt(lineStart), end: document.positionAt(contentEnd) };

  const typed = doc.text.slice(document.offsetAt(replace.start), document.offsetAt(replace.end));
  const items: CompletionItem[] = [];
  for (const { template, source } of ofLocale) {
    const edits = insertClauseEdits(emptied, template, lineStart);
    const main = edits.find((e) => e.span.start === lineStart && e.span.end === lineStart);
    const others = edits.filter((e) => e !== main);
    // Everything else must sit before the line (the front matter), where both texts agree.
    if (!main || others.some((e) => e.span.end > lineStart)) continue;
    items.push({
      label: template.title,
      // Not `Snippet`: VS Code sorts snippet items by prefix match alone, and the English `cm-fees` would beat
      // this contract's 服务费用及支付; with `editor.snippetSuggestions: bottom` the static snippets follow these.
      kind: CompletionItemKind.Module,
      detail: `cm-${template.topic} · ${template.id}${source === 'workspace' ? ' (workspace)' : ''}`,
      documentation: {
        kind: MarkupKind.Markdown,
        value: `${template.description}\n\n${template.body.length > PREVIEW_LENGTH ? `${template.body.slice(0, PREVIEW_LENGTH)}…` : template.body}`,
      },
      // ASCII first, so `cm-fees` finds 服务费用及支付 without an IME.
      filterText: `cm-${template.id} cm-${template.topic} ${template.title}`,
      // Before the static snippets of both languages (sorted by their prefix, `cm-…`), which VS Code ranks alike.
      sortText: `0${String(template.order).padStart(4, '0')}`,
      textEdit: { range: lineRange, newText: main.newText },
      additionalTextEdits: others.map((e) => lspEdit(document, e)),
    });
  }
  // `cm-fees` typed in a Chinese contract selects 服务费用及支付, not the English snippet `cm-fees`.
  const best = typed.length >= 4 ? items.find((i) => i.filterText!.startsWith(typed)) : undefined;
  if (best) best.preselect = true;
  return items;
}
