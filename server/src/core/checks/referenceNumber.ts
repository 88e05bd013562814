import type { Span } from '../model.js';
import type { Check } from './types.js';
import { clauseNumberText } from '../clauseNumber.js';

// `[Section 3](#x)`, `[clause 2.1](#x)`: the word is the author's; only the number after it is checked.
const NUMBER_WORD = /^(?:section|clause|article|paragraph|sec\.|art\.|§)\s*/i;

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
      // An article is cited by its bare number too: 第[三](#x)条, Article [3](#x), [Section 3](#x).
      const bare = clause.style === 'article' ? clause.number : number.replace(NUMBER_WORD, '');
      const shown = shownNumber(reference.text, reference.textSpan);
      if (shown.number === number || shown.number === bare) continue;
      const keepsBare = shown.afterWord || (clause.style === 'article' && shown.number !== '' && !shown.number.startsWith('第'));
      const replacement = keepsBare ? bare : number;
      report({
        span: reference.textSpan.start === reference.textSpan.end ? reference.span : reference.textSpan,
        key: shown.number === '' && !shown.afterWord ? 'empty' : 'stale',
        args: { text: reference.text, label: reference.label, number },
        fixes: [{ key: 'update', args: { number: replacement }, edits: [{ span: shown.span, newText: replacement }], safe: true }],
      });
    }
  },
};

/** The number a reference's text shows (after a `Section`/`Clause`/`§` word, if any) and where it stands. */
function shownNumber(text: string, textSpan: Span): { number: string; span: Span; afterWord: boolean } {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const word = NUMBER_WORD.exec(trimmed)?.[0] ?? '';
  if (trimmed === '') return { number: '', span: textSpan, afterWord: false };
  const start = textSpan.start + lead + word.length;
  return { number: trimmed.slice(word.length), span: { start, end: textSpan.start + lead + trimmed.length }, afterWord: word !== '' };
}
