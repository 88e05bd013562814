import type { Check } from './types.js';

const EXAMPLES: Record<string, string> = {
  number: '12', money: '500000 / USD 120,000', percent: '30%', date: '2026-03-01', duration: '30 days / 30日', party: '甲方 / Client', text: '…', choice: '…',
};

/** A field's value that cannot be read as its declared type. */
export const fieldType: Check = {
  id: 'field-type',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'A field value does not fit the field type.',
      wrong: 'Unexpected value "{value}" for field "{name}", expected a {type} (e.g. {example}).',
      party: 'Unexpected value "{value}" for party field "{name}", expected one of the declared parties: {parties}.',
    },
    'zh-CN': {
      summary: '字段取值与字段类型不符。',
      wrong: '字段“{name}”的取值“{value}”不是有效的 {type}（例如 {example}）。',
      party: '当事方字段“{name}”的取值“{value}”不是已声明的当事方：{parties}。',
    },
  },
  run({ doc, report }) {
    for (const field of doc.fields.values()) {
      const value = field.value;
      if (!value || value.parsed !== undefined || field.type === 'choice') continue;
      const span = value.span ?? field.declaration;
      if (field.type === 'party') {
        report({ span, key: 'party', args: { name: field.name, value: value.raw, parties: doc.parties.map((p) => p.key).join(', ') } });
      } else {
        report({ span, key: 'wrong', args: { name: field.name, value: value.raw, type: field.type, example: EXAMPLES[field.type] ?? '' } });
      }
    }
  },
};
