import type { PercentMention, Span } from '../model.js';
import type { Check, CheckContext } from './types.js';
import { setFieldValueEdit } from '../edits/setFieldValue.js';
import { labelBefore } from '../parse/scan/shape.js';
import { itemMarkerAt } from '../values/schedules.js';
import { declaredGroups, writtenInstalments } from '../facts/instalmentGroups.js';
import { knownSum, namesInstalment, roundTotal, type DeclaredInstalments } from '../values/instalments.js';

/** Instalments of a payment, declared as a group or written as 首期…%/二期…%/尾款…%, must total 100%. */
export const percentSum: Check = {
  id: 'percent-sum',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'Percentages that share out a whole (payment instalments, a declared sum group) do not add up to the total.',
      sum: 'These instalments add up to {sum}%, not {total}%: {parts}.',
      groupSum: 'The fields of group "{group}" add up to {sum}, not {total}: {parts}.',
      remaining: 'Only one instalment is still open; it must be {value}% for the instalments to total {total}%.',
      groupRemaining: 'Only "{name}" in group "{group}" is still open; it must be {value} for the group to total {total}.',
      member: 'Part of the group: {part}.',
      setRemaining: 'Set the open instalment to {value}%',
      setField: 'Set "{name}" to {value}',
    },
    'zh-CN': {
      summary: '分配整体的百分比（分期付款、声明的合计组）之和不等于合计值。',
      sum: '各期比例合计为 {sum}%，而非 {total}%：{parts}。',
      groupSum: '合计组“{group}”的字段合计为 {sum}，而非 {total}：{parts}。',
      remaining: '仅剩一期比例未填，应为 {value}%，各期合计方为 {total}%。',
      groupRemaining: '合计组“{group}”中仅“{name}”未填，应为 {value}，合计方为 {total}。',
      member: '同组比例：{part}。',
      setRemaining: '将未填的一期设为 {value}%',
      setField: '将“{name}”设为 {value}',
    },
  },
  run(context) {
    for (const group of declaredGroups(context.doc)) checkDeclaredGroup(context, group);
    for (const mentions of writtenInstalments(context.doc)) checkWrittenInstalments(context, mentions);
  },
};

function checkDeclaredGroup({ doc, report }: CheckContext, { group, parts }: DeclaredInstalments): void {
  const sum = knownSum(parts);
  let openCount = 0;
  for (const p of parts) if (p.value === undefined) openCount++;
  if (!(openCount === 0 && sum !== group.total) && !(openCount === 1 && sum <= group.total)) return;
  // Only for a group that is reported: naming every member of every group cost more than the check.
  const fields = parts.map((p) => p.field);
  const values = parts.map((p) => p.value);
  const listed = fields.map((f, i) => `${f.name} ${values[i] ?? '?'}`).join(' + ');
  const spanOf = (i: number): Span => fields[i]!.value?.span ?? fields[i]!.declaration;
  const related = fields.map((f, i) => ({ span: spanOf(i), key: 'member', args: { part: `${f.name} ${values[i] ?? '?'}` } }));
  if (openCount === 0) {
    report({
      span: group.declaration ?? spanOf(fields.length - 1),
      key: 'groupSum',
      args: { group: group.name, sum, total: group.total, parts: listed },
      related,
    });
  } else {
    const open = fields[values.findIndex((v) => v === undefined)]!;
    const value = roundTotal(group.total - sum);
    const edit = setFieldValueEdit(doc, open, String(value));
    report({
      span: open.declaration,
      key: 'groupRemaining',
      args: { group: group.name, name: open.name, value, total: group.total },
      severity: 'info',
      related,
      fixes: edit ? [{ key: 'setField', args: { name: open.name, value }, edits: [edit], safe: true }] : [],
    });
  }
}

function checkWrittenInstalments({ doc, report }: CheckContext, mentions: readonly PercentMention[]): void {
  let raw = 0;
  let openCount = 0;
  for (const m of mentions) {
    if (m.value === undefined) openCount++;
    else raw += m.value;
  }
  const sum = roundTotal(raw);
  const knownCount = mentions.length - openCount;
  const total = openCount === 0 && sum !== 100;
  const remaining = openCount === 1 && knownCount >= 1 && sum <= 100;
  if (!total && !remaining) return;
  const part = (m: PercentMention) => {
    const label = displayLabel(doc.text, m);
    const value = `${m.value ?? '?'}%`;
    return (label.after ? `${value} ${label.text}` : `${label.text} ${value}`).trim();
  };
  const named = mentions.map(part);
  const related = mentions.map((m, i) => ({ span: m.span, key: 'member', args: { part: named[i]! } }));
  if (total) {
    // Point at the last instalment: the balance is what drafters adjust.
    report({ span: mentions[mentions.length - 1]!.span, key: 'sum', args: { sum, total: 100, parts: named.join(' + ') }, related, data: { sum, total: 100 } });
  } else {
    const target = mentions.find((m) => m.value === undefined)!;
    const value = roundTotal(100 - sum);
    const field = target.fieldName ? doc.fields.get(target.fieldName) : undefined;
    const edit = field ? setFieldValueEdit(doc, field, String(value)) : { span: target.valueSpan, newText: String(value) };
    report({
      span: target.span,
      key: 'remaining',
      args: { value, total: 100 },
      severity: 'info',
      related,
      fixes: edit ? [{ key: 'setRemaining', args: { value }, edits: [edit], safe: true }] : [],
      data: { value },
    });
  }
}

/**
 * What a drafter calls the instalment: its cell's row label, its list item's
 * number (`(b)`), the words before it (`首期支付`),
 * or the words after it when they name it and the words before do not
 * (`30% upon signing, 40% on delivery`).
 */
function displayLabel(text: string, mention: PercentMention): { text: string; after: boolean } {
  const cell = cellBefore(text, mention.span.start);
  if (cell !== undefined) return { text: cell, after: false };
  // An item of a list schedule is named by its number: (a) 25%, （二）30%.
  const marker = itemMarkerAt(text, mention.span.start);
  if (marker !== undefined) return { text: marker, after: false };
  const before = labelBefore(text, mention.span.start, 10);
  const after = wordsAfter(text, mention.span.end);
  if (before && (namesInstalment(before) || !namesInstalment(after))) return { text: before, after: false };
  return { text: after, after: true };
}

/** In a table row `| 首期 | 30% |`, the cell before the percentage's cell names it. */
function cellBefore(text: string, start: number): string | undefined {
  let i = start;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (text[i - 1] !== '|') return undefined;
  const end = i - 1;
  let from = end;
  while (from > 0 && text[from - 1] !== '|' && text[from - 1] !== '\n' && text[from - 1] !== '\r' && end - from < 40) from--;
  const cell = text.slice(from, end).trim();
  return cell === '' ? undefined : cell.slice(0, 16);
}

/** Up to four words after a percentage, to the next punctuation or number, without a trailing "and". */
function wordsAfter(text: string, from: number): string {
  const clause = /^[^，,；;。.|\n\r\d０-９]*/.exec(text.slice(from, from + 60))![0];
  const words = clause.trim().split(/\s+/).slice(0, 4);
  while (words.length > 0 && /^(?:and|or|plus|和|及|以及|与)$/i.test(words[words.length - 1]!)) words.pop();
  return words.join(' ').slice(0, 24);
}
