import type { Check } from './types.js';

/** A placeholder whose field is declared but has no value yet. */
export const unfilledField: Check = {
  id: 'unfilled-field',
  defaultSeverity: 'warning',
  messages: {
    en: {
      summary: 'A placeholder refers to a field that has no value yet.',
      unfilled: 'Field "{name}" ({type}) has no value yet.',
    },
    'zh-CN': {
      summary: '占位符引用的字段尚无取值。',
      unfilled: '字段“{name}”（{type}）尚未填写。',
    },
  },
  run({ doc, report }) {
    for (const placeholder of doc.placeholders) {
      const field = doc.fields.get(placeholder.name);
      if (!field || field.value !== undefined) continue;
      report({
        span: placeholder.span,
        key: 'unfilled',
        args: { name: field.name, type: field.type },
        data: { field: field.name, type: field.type },
      });
    }
  },
};
