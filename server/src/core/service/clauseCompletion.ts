/**
 * Clause templates as completions on an otherwise empty body line: the item
 * replaces the line with the clause (numbered for its place) and adds the
 * parties, fields and groups it needs to the front matter.
 */
import type { ContractDocument, Span } from '../model.js';
import type { LibraryTemplate } from '../clauses/library.js';
import { insertClauseEdits } from '../clauses/insertClause.js';
import { parseContract } from '../parse/parseContract.js';
import { lineStartOf, nextLineStart, type CompletionCandidate } from './completion.js';

/** How much of a clause's text its documentation shows. */
const PREVIEW_LENGTH = 600;

/** The library's clauses in the contract's language, each as it would be inserted in place of the line at `replace`. */
export function clauseCandidates(doc: ContractDocument, replace: Span, templates: readonly LibraryTemplate[]): CompletionCandidate[] {
  const ofLocale = templates.filter((t) => t.template.locale === doc.contractLocale);
  if (ofLocale.length === 0) return [];
  const lineStart = lineStartOf(doc.text, replace.start);
  const content = doc.text.slice(lineStart, nextLineStart(doc.text, replace.start)).replace(/(?:\r\n|\r|\n)$/, '');
  const contentEnd = lineStart + content.length;
  // Work on the text with this line emptied: the clause takes the line's place.
  const emptied = parseContract(doc.text.slice(0, lineStart) + doc.text.slice(contentEnd), { locale: doc.locale });

  const items: CompletionCandidate[] = [];
  for (const { template, source } of ofLocale) {
    const edits = insertClauseEdits(emptied, template, lineStart);
    const main = edits.find((e) => e.span.start === lineStart && e.span.end === lineStart);
    const others = edits.filter((e) => e !== main);
    // Everything else must sit before the line (the front matter), where both texts agree.
    if (!main || others.some((e) => e.span.end > lineStart)) continue;
    items.push({
      label: template.title,
      kind: 'clause',
      detail: `cm-${template.topic} · ${template.id}${source === 'workspace' ? ' (workspace)' : ''}`,
      documentation: `${template.description}\n\n${template.body.length > PREVIEW_LENGTH ? `${template.body.slice(0, PREVIEW_LENGTH)}…` : template.body}`,
      markdown: true,
      filterText: `cm-${template.topic} ${template.title} ${template.id}`,
      sortText: `z${String(template.order).padStart(4, '0')}`,
      replace: { start: lineStart, end: contentEnd },
      newText: main.newText,
      additionalEdits: others,
    });
  }
  return items;
}
