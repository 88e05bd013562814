import type { Check } from './types.js';

/** One name, two declarations: a second front-matter key, or an inline type that contradicts it. */
export const duplicateField: Check = {
  id: 'duplicate-field',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'A field is declared more than once.',
      duplicate: 'Field "{name}" is declared twice; the first declaration is the one used.',
      conflict: 'Field "{name}" is declared here as {type}, but as {firstType} where it was first declared.',
      first: 'First declared here.',
    },
    'zh-CN': {
      summary: '字段重复声明。',
      duplicate: '字段“{name}”重复声明，以第一次声明为准。',
      conflict: '字段“{name}”在此声明为 {type}，与首次声明的 {firstType} 不一致。',
      first: '首次声明之处。',
    },
  },
  run({ doc, report }) {
    for (const [name, declarations] of doc.declarations) {
      const first = declarations[0]!;
      const related = [{ span: first.declaration, key: 'first' }];
      for (const later of declarations.slice(1)) {
        if (later.declaredIn === 'front-matter') {
          report({ span: later.declaration, key: 'duplicate', args: { name }, related });
        } else if (later.type !== first.type) {
          report({ span: later.declarationSpan, key: 'conflict', args: { name, type: later.type, firstType: first.type }, related });
        }
      }
    }
  },
};
