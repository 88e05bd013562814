import type { Check } from './types.js';
import { clauseNumberText } from '../render/clauseNumber.js';

/** A reference's link text should show its clause's current number: `[三](#ip)`. */
export const referenceNumber: Check = {
  id: 'reference-number',
  defaultSeverity: 'warning',
  messages: {
    en: {
      summary: 'The text of a clause reference does not show the clause number it points to.',
      stale: 'The reference shows "{text}", but clause "{label}" is numbered {number}.',
      empty: 'The reference to clause "{label}" has no text; it is numbered {number}.',
      update: 'Show {number}',
    },
    'zh-CN': {
      summary: '条款引用显示的编号与被引用条款的编号不符。',
      stale: '引用显示为“{text}”，但条款“{label}”的编号是 {number}。',
      empty: '对条款“{label}”的引用没有文字，其编号是 {number}。',
      update: '改为 {number}',
    },
  },
  run({ doc, report }) {
    const byLabel = new Map<string, (typeof doc.clauses)[number]>();
    for (const clause of doc.clauses) if (clause.label !== undefined && !byLabel.has(clause.label)) byLabel.set(clause.label, clause);
    for (const reference of doc.references) {
      const clause = byLabel.get(reference.label);
      if (!clause) continue;
      const number = clauseNumberText(doc, clause);
      if (reference.text.trim() === number) continue;
      report({
        span: reference.textSpan.start === reference.textSpan.end ? reference.span : reference.textSpan,
        key: reference.text.trim() === '' ? 'empty' : 'stale',
        args: { text: reference.text, label: reference.label, number },
        fixes: [{ key: 'update', args: { number }, edits: [{ span: reference.textSpan, newText: number }], safe: true }],
      });
    }
  },
};
