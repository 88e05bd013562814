import type { ContractDocument } from '../model.js';
import type { TextEdit } from '../model.js';
import { applyEdits } from '../edits/applyEdits.js';
import { parseContract } from '../parse/parseContract.js';
import type { ClauseTemplate } from './template.js';

// What a template adds to a field's name to say which bound it is: 准确率下限 is the contract's 准确率.
const ZH_QUALIFIER = /(?:下限|上限|最低值|最高值|要求)$/;
const EN_QUALIFIER = /^(?:min|max|minimum|maximum)[_-]|[_-](?:min|max|minimum|maximum|limit)$/i;

/**
 * The template as it reads in this contract: a field the contract already
 * has under the template field's bare name and of the same type (the
 * contract's `准确率` for the template's `准确率下限`) is used as it is, not
 * declared a second time. Fields in a sum group keep their own names, since
 * the group names them.
 */
export function reuseContractFields(doc: ContractDocument, template: ClauseTemplate): ClauseTemplate {
  const renamed = new Map<string, string>();
  for (const field of template.fields) {
    if (field.group !== undefined || doc.fields.has(field.name)) continue;
    const bare = field.name.replace(ZH_QUALIFIER, '').replace(EN_QUALIFIER, '');
    if (bare === field.name || bare === '') continue;
    const existing = doc.fields.get(bare);
    if (existing && existing.type === field.type && !template.fields.some((f) => f.name === bare)) renamed.set(field.name, bare);
  }
  if (renamed.size === 0) return template;
  const edits: TextEdit[] = parseContract(template.body, { foreignTemplates: false })
    .placeholders.filter((p) => renamed.has(p.name))
    .map((p) => ({ span: p.nameSpan, newText: renamed.get(p.name)! }));
  return { ...template, body: applyEdits(template.body, edits), fields: template.fields.filter((f) => !renamed.has(f.name)) };
}
