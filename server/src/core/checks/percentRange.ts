import type { Check } from './types.js';

/** A percentage below 0 or above 100 is a typo in a contract (a rate, a share, a threshold). */
export const percentRange: Check = {
  id: 'percent-range',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'A percentage is outside 0–100%.',
      literal: 'Unexpected {value}%, expected a percentage between 0% and 100%.',
      field: 'Field "{name}" is {value}%; expected a percentage between 0% and 100%.',
    },
    'zh-CN': {
      summary: '百分比超出 0–100% 的范围。',
      literal: '百分比 {value}% 超出 0%–100% 的范围。',
      field: '字段“{name}”为 {value}%，超出 0%–100% 的范围。',
    },
  },
  run({ doc, report }) {
    for (const mention of doc.percents) {
      if (mention.fieldName !== undefined || mention.value === undefined) continue;
      if (mention.value < 0 || mention.value > 100) report({ span: mention.valueSpan, key: 'literal', args: { value: mention.value } });
    }
    for (const field of doc.fields.values()) {
      const parsed = field.value?.parsed;
      if (field.type !== 'percent' || parsed?.kind !== 'percent') continue;
      if (parsed.value < 0 || parsed.value > 100) {
        report({ span: field.value?.span ?? field.declaration, key: 'field', args: { name: field.name, value: parsed.value } });
      }
    }
  },
};
