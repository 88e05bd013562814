import type { Check } from './types.js';

/** A field's value that cannot be read as its declared type. */
export const fieldType: Check = {
  id: 'field-type',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'A field value does not fit the field type.',
      wrong: 'Unexpected value "{value}" for field "{name}", expected {expected} (e.g. {example}).',
      party: 'Unexpected value "{value}" for party field "{name}", expected one of the declared parties: {parties}.',
      expected_number: 'a number',
      example_number: '12 or 1,200',
      expected_money: 'an amount of money',
      example_money: '500000, 500,000.50 or USD 120,000',
      expected_percent: 'a percentage',
      example_percent: '30 or 30%',
      expected_date: 'a date',
      example_date: '2026-03-01 or March 1, 2026',
      expected_duration: 'a duration',
      example_duration: '30 days or 10 business days',
    },
    'zh-CN': {
      summary: '字段取值与字段类型不符。',
      wrong: '字段“{name}”的取值“{value}”不是有效的{expected}（{type}，例如 {example}）。',
      party: '当事方字段“{name}”的取值“{value}”不是已声明的当事方：{parties}。',
      expected_number: '数字',
      example_number: '12、1,200',
      expected_money: '金额',
      example_money: '500000、50万元、伍拾万元整',
      expected_percent: '百分比',
      example_percent: '30 或 30%',
      expected_date: '日期',
      example_date: '2026-03-01、2026年3月1日',
      expected_duration: '期限',
      example_duration: '30日、十五个工作日、3个月',
    },
  },
  run({ doc, report, t }) {
    for (const field of doc.fields.values()) {
      const value = field.value;
      if (!value || value.parsed !== undefined || field.type === 'choice') continue;
      const span = value.span ?? field.declaration;
      if (field.type === 'party') {
        report({
          span,
          key: 'party',
          args: { name: field.name, value: value.raw, parties: doc.parties.map((p) => p.key).join(doc.locale === 'zh-CN' ? '、' : ', ') },
        });
      } else {
        // Text always fits and choices are choice-option's, so every type here has a description.
        const args = { name: field.name, value: value.raw, type: field.type, expected: t(`expected_${field.type}`), example: t(`example_${field.type}`) };
        report({ span, key: 'wrong', args });
      }
    }
  },
};
