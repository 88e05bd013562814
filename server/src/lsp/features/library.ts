/**
 * "Insert Clause…": a template of the clause library inserted at the cursor
 * with its declarations (the picker's list is the core's `clauseChoices`).
 */
import type { TextEdit } from 'vscode-languageserver';
import { insertClauseById, type LibraryTemplate } from '../../core/index.js';
import type { InsertClauseParams } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { lspEdit } from '../convert.js';

export function insertClause(analysis: Analysis, params: InsertClauseParams, templates: readonly LibraryTemplate[]): TextEdit[] | null {
  const edits = insertClauseById(analysis.doc, templates, params.id, analysis.document.offsetAt(params.position));
  return edits?.map((edit) => lspEdit(analysis.document, edit)) ?? null;
}
