import type { Check } from './types.js';

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
  run({ doc, report }) {
    const used = new Set(doc.placeholders.map((p) => p.name));
    if (doc.meta.effective !== undefined) used.add(doc.meta.effective);
    for (const field of doc.fields.values()) {
      if (field.declaredIn !== 'front-matter' || used.has(field.name)) continue;
      report({ span: field.declaration, key: 'unused', args: { name: field.name } });
    }
  },
};
