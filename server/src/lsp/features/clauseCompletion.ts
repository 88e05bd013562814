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
  const ofLocale = templates.filter((t) => t.template.locale === analysis.locale);
  if (ofLocale.length === 0) return [];
  const lineStart = document.offsetAt({ line: replace.start.line, character: 0 });
  const lineEnd = document.offsetAt({ line: replace.start.line + 1, character: 0 });
  const content = doc.text.slice(lineStart, lineEnd).replace(/(?:\r\n|\r|\n)$/, '');
  const contentEnd = lineStart + content.length;
  // Work on the text with this line emptied: the clause takes the line's place.
  const emptied = parseContract(doc.text.slice(0, lineStart) + doc.text.slice(contentEnd), { locale: analysis.settings.config.locale });
  const lineRange: Range = { start: document.positionAt(lineStart), end: document.positionAt(contentEnd) };

  const items: CompletionItem[] = [];
  for (const { template, source } of ofLocale) {
    const edits = insertClauseEdits(emptied, template, lineStart);
    const main = edits.find((e) => e.span.start === lineStart && e.span.end === lineStart);
    const others = edits.filter((e) => e !== main);
    // Everything else must sit before the line (the front matter), where both texts agree.
    if (!main || others.some((e) => e.span.end > lineStart)) continue;
    items.push({
      label: template.title,
      kind: CompletionItemKind.Snippet,
      detail: `cm-${template.topic} · ${template.id}${source === 'workspace' ? ' (workspace)' : ''}`,
      documentation: {
        kind: MarkupKind.Markdown,
        value: `${template.description}\n\n${template.body.length > PREVIEW_LENGTH ? `${template.body.slice(0, PREVIEW_LENGTH)}…` : template.body}`,
      },
      filterText: `cm-${template.topic} ${template.title} ${template.id}`,
      sortText: `z${String(template.order).padStart(4, '0')}`,
      textEdit: { range: lineRange, newText: main.newText },
      additionalTextEdits: others.map((e) => lspEdit(document, e)),
    });
  }
  return items;
}
