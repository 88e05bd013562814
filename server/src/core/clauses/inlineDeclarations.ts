import type { Placeholder } from '../model.js';
import { parseContract } from '../parse/parseContract.js';
import { applyEdits } from '../edits/applyEdits.js';
import type { TemplateField } from './template.js';

/** A field's type as written inside a placeholder: `money`, `choice(甲方所有|双方共有)`. */
export function inlineTypeText(field: TemplateField): string {
  return field.type === 'choice' && field.options ? `choice(${field.options.join('|')})` : field.type;
}

/**
 * The placeholders of a body in order, each marked when it is the first use
 * of its name, which is where an inline declaration belongs.
 */
export function placeholdersWithFirstUse(body: string): Array<{ placeholder: Placeholder; first: boolean }> {
  const seen = new Set<string>();
  return parseContract(body, { foreignTemplates: false }).placeholders.map((placeholder) => {
    const first = !seen.has(placeholder.name);
    seen.add(placeholder.name);
    return { placeholder, first };
  });
}

/**
 * Declares `fields` inline in `body`: the first use of each becomes
 * `{{name: type}}` (`{{name: type | 大写}}` when filtered), so the clause is
 * still typed where its declarations cannot go into the front matter.
 */
export function declareInline(body: string, fields: readonly TemplateField[]): string {
  if (fields.length === 0) return body;
  const byName = new Map(fields.map((f) => [f.name, f]));
  const edits = placeholdersWithFirstUse(body).flatMap(({ placeholder, first }) => {
    const field = byName.get(placeholder.name);
    if (!first || !field || placeholder.inlineType !== undefined) return [];
    return [{ span: { start: placeholder.nameSpan.end, end: placeholder.nameSpan.end }, newText: `: ${inlineTypeText(field)}` }];
  });
  return applyEdits(body, edits);
}
