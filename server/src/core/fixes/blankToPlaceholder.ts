import type { Blank, ContractDocument } from '../model.js';
import type { TextEdit } from '../checks/types.js';

/** Per set of taken names, the next number to try for each base name. */
const nextNumbers = new WeakMap<Set<string>, Map<string, number>>();

/**
 * The edit that turns a legacy blank into a typed, inline-declared placeholder
 * named after the words before it (`地址:____` → `{{地址: text}}`). Names already
 * used get a number, so a second `地址` becomes `地址2`; `taken` is updated.
 */
export function placeholderForBlank(doc: ContractDocument, blank: Blank, taken: Set<string>): TextEdit {
  const base = fieldNameFrom(blank.label) ?? (doc.locale === 'zh-CN' ? '待填' : 'blank');
  let name = base;
  if (taken.has(name)) {
    // Resume numbering where the last blank with this label stopped: counting
    // from 2 for every blank is quadratic when a long file repeats a label.
    let counters = nextNumbers.get(taken);
    if (!counters) nextNumbers.set(taken, (counters = new Map()));
    let n = counters.get(base) ?? 2;
    while (taken.has(`${base}${n}`)) n++;
    name = `${base}${n}`;
    counters.set(base, n + 1);
  }
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
