import type { Check } from './types.js';
import { closestName } from '../text/editDistance.js';

/** A placeholder that names no declared field and declares no type itself. */
export const undefinedField: Check = {
  id: 'undefined-field',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'A placeholder refers to a field that is not declared.',
      undefined: 'Field "{name}" is not declared: add it under `fields:` in the front matter or give it a type, {{{name}: text}}.',
      suggest: 'Field "{name}" is not declared. Did you mean "{suggestion}"?',
      rename: 'Change to "{suggestion}"',
    },
    'zh-CN': {
      summary: '占位符引用了未声明的字段。',
      undefined: '字段“{name}”未声明：请在前言的 `fields:` 下声明，或写明类型，如 {{{name}: text}}。',
      suggest: '字段“{name}”未声明。是否应为“{suggestion}”？',
      rename: '改为“{suggestion}”',
    },
  },
  run({ doc, report }) {
    for (const placeholder of doc.placeholders) {
      if (doc.fields.has(placeholder.name)) continue;
      const suggestion = closestName(placeholder.name, doc.fields.keys());
      report({
        span: placeholder.nameSpan,
        key: suggestion ? 'suggest' : 'undefined',
        args: { name: placeholder.name, suggestion: suggestion ?? '' },
        fixes: suggestion ? [{ key: 'rename', args: { suggestion }, edits: [{ span: placeholder.nameSpan, newText: suggestion }], safe: false }] : [],
      });
    }
  },
};
