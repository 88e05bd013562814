import type { Placeholder } from '../model.js';
import type { Check, CheckInput } from './types.js';
import type { BlockFacts } from './rigidInput.js';
import { blockLists } from './blockLists.js';

/** A field declared in the front matter that no placeholder uses. */
export const unusedField: Check = {
  id: 'unused-field',
  defaultSeverity: 'warning',
  messages: {
    en: {
      summary: 'A field is declared but never used in the text.',
      unused: 'Field "{name}" is declared but no placeholder uses it.',
    },
    'zh-CN': {
      summary: '字段已声明但正文未使用。',
      unused: '字段“{name}”已声明，但正文中没有占位符使用它。',
    },
  },
  // The names placeholders use, and the declarations (which sit in the front matter, where a body edit never moves them).
  reads(doc) {
    const items = blockLists(doc, (block) => block.placeholders, doc.placeholders.length);
    if (items === undefined) return undefined;
    let declared = `${doc.meta.effective ?? ''}\u0000`;
    for (const field of doc.fields.values())
      if (field.declaredIn === 'front-matter') declared += `${field.name}\u0001${field.declaration.start}\u0001${field.declaration.end}\u0000`;
    return namesUsed(declared, items);
  },
  run({ doc, report }) {
    const used = new Set(doc.placeholders.map((p) => p.name));
    if (doc.meta.effective !== undefined) used.add(doc.meta.effective);
    for (const field of doc.fields.values()) {
      if (field.declaredIn !== 'front-matter' || used.has(field.name)) continue;
      report({ span: field.declaration, key: 'unused', args: { name: field.name } });
    }
  },
};

/** Placeholders by block, for their names alone: no offset of theirs is reported. */
function namesUsed(context: string, items: Array<BlockFacts<readonly Placeholder[]>>): CheckInput<BlockFacts<readonly Placeholder[]>> {
  return {
    context,
    items,
    offsets: () => {},
    same: ({ facts: a }, { facts: b }) => a === b || (a.length === b.length && a.every((p, i) => p.name === b[i]!.name)),
  };
}
