/**
 * The clause library as custom requests: the "Insert Clause…" picker lists
 * templates, inserts one at the cursor with its declarations, and "New
 * Contract" composes a whole agreement.
 */
import type { TextEdit } from 'vscode-languageserver';
import { findClause, insertClauseEdits, newContractText, type LibraryTemplate } from '../../core/index.js';
import type { InsertClauseParams, NewContractParams } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { lspEdit } from '../convert.js';

export { listClauses as clauseList } from '../../core/index.js';

export function insertClause(analysis: Analysis, params: InsertClauseParams, templates: readonly LibraryTemplate[]): TextEdit[] | null {
  const template = findClause(templates, params.id, analysis.doc.contractLocale);
  if (!template) return null;
  return insertClauseEdits(analysis.doc, template, analysis.document.offsetAt(params.position)).map((edit) => lspEdit(analysis.document, edit));
}

export function newContract(params: NewContractParams, templates: readonly LibraryTemplate[]): { text: string } {
  return { text: newContractText(templates, params.locale === 'en' ? 'en' : 'zh-CN', { ids: params.ids, title: params.title }) };
}
