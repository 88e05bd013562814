import type { Locale } from '../model.js';
import { format, type LocalizedCatalogue, type MessageArgs } from '../i18n/messages.js';

/** Everything the rendered contract says in its own voice, in both languages. */
const RENDER_MESSAGES: LocalizedCatalogue = {
  en: {
    summary: '{gaps} · {problems} open',
    gapsOne: '1 gap',
    gapsMany: '{count} gaps',
    problemsOne: '1 problem',
    problemsMany: '{count} problems',
    gapLabel: '[{label}]',
    blankTitle: 'To fill in: {label}',
    blankTitleTyped: 'To fill in: {label} ({type})',
    blankUnnamed: 'gap',
    placeholderTitle: 'Field {name} ({type}) has no value yet',
    placeholderTitleDescribed: '{label}: field {name} ({type}) has no value yet',
    valueTitle: 'Field {name} ({type})',
    unknownFieldTitle: 'Field {name} is not declared',
    brokenReference: 'No clause is labelled "{label}"',
    partiesCaption: 'Parties',
    partyKey: 'Party',
    partyRole: 'Role',
    partyName: 'Name',
    partyNameMissing: '(not filled in)',
    htmlOmitted: '(HTML omitted)',
    linkRemoved: '[link removed]',
    untitled: 'Untitled contract',
    footnotes: 'Notes',
    footnoteBack: 'Back to reference {reference}',
  },
  'zh-CN': {
    summary: '尚有 {gaps}、{problems}',
    gapsOne: '1 处待填',
    gapsMany: '{count} 处待填',
    problemsOne: '1 个问题',
    problemsMany: '{count} 个问题',
    gapLabel: '［{label}］',
    blankTitle: '待填写：{label}',
    blankTitleTyped: '待填写：{label}（{type}）',
    blankUnnamed: '待填',
    placeholderTitle: '字段“{name}”（{type}）尚未填写',
    placeholderTitleDescribed: '{label}：字段“{name}”（{type}）尚未填写',
    valueTitle: '字段“{name}”（{type}）',
    unknownFieldTitle: '字段“{name}”未声明',
    brokenReference: '没有条款带有标签“{label}”',
    partiesCaption: '合同当事方',
    partyKey: '当事方',
    partyRole: '角色',
    partyName: '名称',
    partyNameMissing: '（尚未填写）',
    htmlOmitted: '（此处 HTML 未显示）',
    linkRemoved: '［链接已移除］',
    untitled: '未命名合同',
    footnotes: '注释',
    footnoteBack: '返回引用处 {reference}',
  },
};

// A contract repeats the same few titles thousands of times (one per value or
// gap); filling a template each time was a noticeable share of a render.
const MEMO_LIMIT = 10_000;
const memo = new Map<string, string>();

/** A rendering string in `locale`. */
export function renderMessage(locale: Locale, key: string, args?: MessageArgs): string {
  let memoKey = `${locale}\u0000${key}`;
  if (args) for (const name in args) memoKey += `\u0000${name}\u0001${args[name]}`;
  const known = memo.get(memoKey);
  if (known !== undefined) return known;
  const message = format(RENDER_MESSAGES, locale, key, args);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(memoKey, message);
  return message;
}

/** `尚有 3 处待填、1 个问题` / `3 gaps · 1 problem open`. */
export function summaryText(locale: Locale, gaps: number, problems: number): string {
  return renderMessage(locale, 'summary', {
    gaps: renderMessage(locale, gaps === 1 ? 'gapsOne' : 'gapsMany', { count: gaps }),
    problems: renderMessage(locale, problems === 1 ? 'problemsOne' : 'problemsMany', { count: problems }),
  });
}
