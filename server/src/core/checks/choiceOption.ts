import type { Check } from './types.js';

/** A choice outside the options offered: 第4种 of three, or a choice field's value not among its options. */
export const choiceOption: Check = {
  id: 'choice-option',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'A choice is not one of the options offered.',
      number: 'Unexpected option {chosen}, expected 1 to {count}: the sentence offers {count} options.',
      field: 'Field "{name}" is "{value}", expected one of: {options}.',
    },
    'zh-CN': {
      summary: '所选项不在可选范围内。',
      number: '所选“第{chosen}种”超出范围：本句仅列出 {count} 种方案（应为 1 至 {count}）。',
      field: '字段“{name}”的取值“{value}”不在可选项中：{options}。',
    },
  },
  run({ doc, report }) {
    for (const choice of doc.choices) {
      if (choice.chosen === undefined || choice.optionCount === undefined) continue;
      if (choice.chosen >= 1 && choice.chosen <= choice.optionCount) continue;
      report({ span: choice.numberSpan, key: 'number', args: { chosen: choice.chosen, count: choice.optionCount } });
    }
    for (const field of doc.fields.values()) {
      if (field.type !== 'choice' || !field.value || field.value.parsed !== undefined) continue;
      if (!field.options || field.options.length === 0) continue;
      report({
        span: field.value.span ?? field.declaration,
        key: 'field',
        args: { name: field.name, value: field.value.raw, options: field.options.join(doc.locale === 'zh-CN' ? '、' : ', ') },
      });
    }
  },
};
