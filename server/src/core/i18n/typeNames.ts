import type { Locale } from '../model.js';

/**
 * What a reader calls each field type, in the one catalogue the preview, hover
 * and completion all use; the type id itself (`money`) stays in code spans.
 */
const TYPE_NAMES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    text: 'text',
    number: 'number',
    money: 'amount',
    percent: 'percentage',
    date: 'date',
    duration: 'duration',
    party: 'party',
    choice: 'option',
  },
  'zh-CN': {
    text: '文本',
    number: '数字',
    money: '金额',
    percent: '百分比',
    date: '日期',
    duration: '期限',
    party: '当事方',
    choice: '选项',
  },
};

/** A field type named for people (`money` → amount, 金额); an unknown id is shown as written. */
export function typeName(locale: Locale, type: string): string {
  return TYPE_NAMES[locale][type] ?? type;
}
