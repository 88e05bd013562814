import type { Check } from './types.js';
import { closestName } from '../text/editDistance.js';

/** A link to `#label` that no clause carries, or one label on two clauses. */
export const clauseReference: Check = {
  id: 'clause-reference',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'A clause reference points at a label no clause has.',
      unknown: 'No clause is labelled "{label}". Label a clause with {#{label}} at the end of its heading line.',
      suggest: 'No clause is labelled "{label}". Did you mean "{suggestion}"?',
      duplicateLabel: 'The label "{label}" is on more than one clause; references to it are ambiguous.',
      rename: 'Change to "{suggestion}"',
      firstLabel: 'Also labelled here.',
    },
    'zh-CN': {
      summary: '条款引用指向不存在的条款标签。',
      unknown: '没有条款带有标签“{label}”。请在条款标题行末尾写 {#{label}} 来标注。',
      suggest: '没有条款带有标签“{label}”。是否应为“{suggestion}”？',
      duplicateLabel: '标签“{label}”被多个条款使用，引用会产生歧义。',
      rename: '改为“{suggestion}”',
      firstLabel: '该标签也出现在此。',
    },
  },
  run({ doc, report }) {
    const labels = new Map<string, number>();
    doc.clauses.forEach((clause, index) => {
      if (clause.label === undefined) return;
      const first = labels.get(clause.label);
      if (first === undefined) labels.set(clause.label, index);
      else
        report({
          span: clause.labelSpan!,
          key: 'duplicateLabel',
          args: { label: clause.label },
          related: [{ span: doc.clauses[first]!.labelSpan!, key: 'firstLabel' }],
        });
    });
    for (const reference of doc.references) {
      if (labels.has(reference.label)) continue;
      // A fragment link to a heading slug is ordinary Markdown, not a clause reference.
      if (doc.clauses.every((c) => c.label === undefined) && !/^[\p{L}\p{N}_-]+$/u.test(reference.label)) continue;
      const suggestion = closestName(reference.label, labels.keys());
      report({
        span: reference.labelSpan,
        key: suggestion ? 'suggest' : 'unknown',
        args: { label: reference.label, suggestion: suggestion ?? '' },
        fixes: suggestion ? [{ key: 'rename', args: { suggestion }, edits: [{ span: reference.labelSpan, newText: suggestion }], safe: false }] : [],
      });
    }
  },
};
