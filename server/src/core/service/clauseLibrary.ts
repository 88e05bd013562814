/**
 * The clause library as an editor offers it: each template with the text it
 * will read as, and one inserted by id at the cursor with its declarations.
 */
import type { ContractDocument, Locale, TextEdit } from '../model.js';
import { findClause, listClauses, type ClauseListing, type LibraryTemplate } from '../clauses/library.js';
import { insertClauseEdits } from '../clauses/insertClause.js';
import { parseContract } from '../parse/parseContract.js';
import { renderContract } from '../render/renderContract.js';
import { textContent } from '../render/safety.js';

export interface ClauseChoice extends ClauseListing {
  /** The clause as it reads once inserted (numbers, references and gaps rendered), as plain text. */
  readonly rendered: string;
}

/** The templates written in `locale`, in contract order, each with its rendered text. */
export function clauseChoices(templates: readonly LibraryTemplate[], locale: Locale): ClauseChoice[] {
  return listClauses(templates, locale).map((item) => ({ ...item, rendered: renderedText(item.body) }));
}

/** The edits that insert template `id` at `offset`, in the contract's language when the library has it in both. */
export function insertClauseById(doc: ContractDocument, templates: readonly LibraryTemplate[], id: string, offset: number): TextEdit[] | undefined {
  const template = findClause(templates, id, doc.contractLocale);
  return template && insertClauseEdits(doc, template, offset);
}

/** A clause's text as the preview would show it: no `##`, labels or braces, each gap as ［name］. */
function renderedText(body: string): string {
  const { tree } = renderContract(parseContract(body, { foreignTemplates: false }), []);
  return tree.children
    .filter((node) => !(node.type === 'element' && node.tagName === 'section' && String(node.properties.className).includes('cm-summary')))
    .map((node) => (node.type === 'element' ? textContent(node) : ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
