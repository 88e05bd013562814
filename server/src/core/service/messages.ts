/**
 * Every string an editor shows a user about a contract (action titles, hovers,
 * the code lens, rename errors, the outline), in English and 简体中文, chosen
 * by the message locale (`doc.locale`).
 */
import type { Locale } from '../model.js';
import { format } from '../i18n/messages.js';

const MESSAGES = {
  en: {
    // Code actions
    fixAll: 'Fix all safe Clausemark problems',
    blankToPlaceholder: 'Turn the legacy blank into the typed placeholder {placeholder}',
    extractField: 'Extract "{value}" ({count} occurrences) into the field {name}',
    // Code lens
    gapsOne: '1 gap',
    gapsMany: '{count} gaps',
    problemsOne: '1 problem',
    problemsMany: '{count} problems',
    // Rename
    renameNothing: 'Only a field name or a clause label can be renamed here.',
    renameBadField: '"{name}" is not a valid field name: use letters, digits, "_" , "-" or "." and start with a letter or digit.',
    renameBadLabel: '"{name}" is not a valid clause label: use letters, digits, "_" or "-".',
    renameFieldClash: 'A field named "{name}" already exists.',
    renameLabelClash: 'A clause is already labelled "{name}".',
    renameBrokenFrontMatter: 'The front matter does not parse; fix it before renaming a field.',
    // Hover
    field: 'Field',
    type: 'Type',
    value: 'Value',
    noValue: 'not filled in yet',
    unreadableValue: '"{raw}" (does not read as {type})',
    fromData: 'from the data file',
    declaredFrontMatter: 'declared in the front matter, line {line}',
    declaredInline: 'declared inline, line {line}',
    uses: 'used {count} times',
    usesOne: 'used once',
    usesNone: 'not used in the text',
    options: 'Options',
    group: 'Sum group',
    description: 'Description',
    amount: 'Amount',
    inWords: 'In words',
    wordsAgree: 'The words agree with the figure.',
    wordsDisagree: 'The words say {words}, the figure {figure}: they disagree.',
    wordsDerived: 'The words are generated from the field, so they always agree.',
    wordsMissing: 'No amount in words is written.',
    wordsUnread: 'The words cannot be read as a number.',
    figureOpen: 'The figure is not filled in yet.',
    clause: 'Clause {number}',
    clauseMissing: 'No clause is labelled "{label}".',
    blank: 'Legacy blank',
    blankExpects: 'Expects: {type}',
    blankExpectsUnknown: 'Expects: text (nothing around it says more)',
    blankLabel: 'For: {label}',
    blankHint: 'Fill it in, or turn it into a typed placeholder with the refactoring "{action}".',
    statedElsewhere: 'Also stated',
    statedAt: 'line {line}: {value}',
    statedAgrees: 'agrees',
    statedDisagrees: '**disagrees**',
    // Symbols
    parties: 'Parties',
    fields: 'Fields',
    // Inlay hints
    inWordsHint: '({words})',
    referenceHint: '→ {number}',
  },
  'zh-CN': {
    fixAll: '修复所有可安全修复的 Clausemark 问题',
    blankToPlaceholder: '将旧式空白改为带类型的占位符 {placeholder}',
    extractField: '将“{value}”（共 {count} 处）提取为字段 {name}',
    gapsOne: '1 处待填',
    gapsMany: '{count} 处待填',
    problemsOne: '1 个问题',
    problemsMany: '{count} 个问题',
    renameNothing: '此处只能重命名字段名或条款标签。',
    renameBadField: '“{name}”不是有效的字段名：请使用文字、数字、“_”、“-”或“.”，并以文字或数字开头。',
    renameBadLabel: '“{name}”不是有效的条款标签：请使用文字、数字、“_”或“-”。',
    renameFieldClash: '已存在名为“{name}”的字段。',
    renameLabelClash: '已有条款使用标签“{name}”。',
    renameBrokenFrontMatter: '前言无法解析，请先修正前言再重命名字段。',
    field: '字段',
    type: '类型',
    value: '取值',
    noValue: '尚未填写',
    unreadableValue: '“{raw}”（无法识别为 {type}）',
    fromData: '来自数据文件',
    declaredFrontMatter: '在前言第 {line} 行声明',
    declaredInline: '在正文第 {line} 行内联声明',
    uses: '正文使用 {count} 次',
    usesOne: '正文使用 1 次',
    usesNone: '正文未使用',
    options: '选项',
    group: '合计组',
    description: '说明',
    amount: '金额',
    inWords: '大写',
    wordsAgree: '大写与小写一致。',
    wordsDisagree: '大写为 {words}，小写为 {figure}，二者不一致。',
    wordsDerived: '大写由字段生成，始终与小写一致。',
    wordsMissing: '未写大写金额。',
    wordsUnread: '大写无法识别为金额。',
    figureOpen: '金额尚未填写。',
    clause: '条款 {number}',
    clauseMissing: '没有条款带有标签“{label}”。',
    blank: '旧式空白',
    blankExpects: '应填：{type}',
    blankExpectsUnknown: '应填：文本（上下文未说明类型）',
    blankLabel: '用于：{label}',
    blankHint: '请填写，或使用重构“{action}”将其改为带类型的占位符。',
    statedElsewhere: '其他写到此项的位置',
    statedAt: '第 {line} 行：{value}',
    statedAgrees: '一致',
    statedDisagrees: '**不一致**',
    parties: '当事方',
    fields: '字段',
    inWordsHint: '（大写：{words}）',
    referenceHint: '→ {number}',
  },
};

export type MessageKey = keyof (typeof MESSAGES)['en'];

/** An editor message in `locale`, with `{name}` slots filled. */
export function t(locale: Locale, key: MessageKey, args?: Readonly<Record<string, string | number>>): string {
  return format(MESSAGES, locale, key, args);
}

const TYPE_NAMES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    text: 'text',
    number: 'number',
    money: 'money',
    percent: 'percentage',
    date: 'date',
    duration: 'duration',
    party: 'party',
    choice: 'choice',
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

/** A field type named for people (`money` → 金额); the type id itself stays in code spans. */
export function typeName(locale: Locale, type: string): string {
  return TYPE_NAMES[locale][type] ?? type;
}
