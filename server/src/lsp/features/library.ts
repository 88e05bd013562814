/**
 * The clause library as custom requests: the "Insert Clause…" picker lists
 * templates, inserts one at the cursor with its declarations, and "New
 * Contract" composes a whole agreement.
 */
import type { TextEdit } from 'vscode-languageserver';
import {
  findClause,
  insertClauseEdits,
  listClauses,
  newContractText,
  parseContract,
  renderContract,
  textContent,
  type LibraryTemplate,
  type Locale,
} from '../../core/index.js';
import type { ClauseTemplateItem, InsertClauseParams, NewContractParams } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { lspEdit } from '../convert.js';

export function clauseList(templates: readonly LibraryTemplate[], locale: Locale): ClauseTemplateItem[] {
  return listClauses(templates, locale).map((item) => ({ ...item, rendered: renderedText(item.body) }));
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

export function insertClause(analysis: Analysis, params: InsertClauseParams, templates: readonly LibraryTemplate[]): TextEdit[] | null {
  const template = findClause(templates, params.id, analysis.doc.contractLocale);
  if (!template) return null;
  return insertClauseEdits(analysis.doc, template, analysis.document.offsetAt(params.position)).map((edit) => lspEdit(analysis.document, edit));
}

export function newContract(params: NewContractParams, templates: readonly LibraryTemplate[]): { text: string } {
  return { text: newContractText(templates, params.locale === 'en' ? 'en' : 'zh-CN', { ids: params.ids, title: params.title, size: params.size }) };
}
