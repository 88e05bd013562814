import type { Blank, ContractDocument } from '../model.js';
import type { TextEdit } from '../checks/types.js';

/**
 * The edit that turns a legacy blank into a typed, inline-declared placeholder
 * named after the words before it (`地址:____` → `{{地址: text}}`). Names already
 * used get a number, so a second `地址` becomes `地址2`; `taken` is updated.
 */
export function placeholderForBlank(doc: ContractDocument, blank: Blank, taken: Set<string>): TextEdit {
  const base = fieldNameFrom(blank.label) ?? (doc.locale === 'zh-CN' ? '待填' : 'blank');
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  const type = blank.expects ?? 'text';
  return { span: blank.span, newText: `{{${name}: ${type}}}` };
}

function fieldNameFrom(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const cleaned = label
    .replace(/[^\p{L}\p{N}_ -]/gu, '')
    .replace(/(?:为|是|于|不少于|不低于|支付|约定|采用)$/u, '')
    .trim()
    .replace(/\s+/g, '_');
  return cleaned === '' || /^\d/.test(cleaned) ? undefined : cleaned.slice(0, 24);
}
