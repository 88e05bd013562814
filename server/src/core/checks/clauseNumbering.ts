import type { Clause, ContractDocument } from '../model.js';
import type { Check, TextEdit } from './types.js';
import { formatNumber } from '../parse/scan/clauseMarkers.js';
import { encodeChineseOrdinal } from '../numbers/chineseOrdinal.js';

/** Sibling clauses of one style must count 1, 2, 3…: no gap (一、二、四), no repeat (一、二、二). */
export const clauseNumbering: Check = {
  id: 'clause-numbering',
  defaultSeverity: 'warning',
  messages: {
    en: {
      summary: 'Clause numbers skip a number or repeat one.',
      gap: 'Unexpected clause number {found}, expected {expected} (the previous one is {previous}).',
      duplicate: 'Clause number {found} is used twice in a row; expected {expected}.',
      start: 'Unexpected first clause number {found}, expected {expected}.',
      renumber: 'Renumber these clauses in order',
    },
    'zh-CN': {
      summary: '条款编号跳号或重号。',
      gap: '条款编号“{found}”有误，应为“{expected}”（上一条为“{previous}”）。',
      duplicate: '条款编号“{found}”重复，应为“{expected}”。',
      start: '首个条款编号“{found}”有误，应为“{expected}”。',
      renumber: '按顺序重新编号这些条款',
    },
  },
  run({ doc, report }) {
    for (const siblings of siblingRuns(doc)) {
      const first = siblings[0]!;
      // A Markdown list may deliberately start elsewhere; other styles start at 1.
      const startAt = first.container === 'listItem' ? first.ordinal : 1;
      const edits: TextEdit[] = [];
      siblings.forEach((clause, i) => {
        const expected = startAt + i;
        if (clause.ordinal === expected) return;
        edits.push({ span: clause.numberSpan, newText: numberFor(clause, expected) });
        edits.push(...descendantEdits(doc, clause, numberFor(clause, expected)));
      });
      if (edits.length === 0) continue;
      siblings.forEach((clause, i) => {
        const expected = startAt + i;
        if (clause.ordinal === expected) return;
        const previous = siblings[i - 1];
        const key = i === 0 ? 'start' : previous && previous.ordinal === clause.ordinal ? 'duplicate' : 'gap';
        report({
          span: clause.markerSpan,
          key,
          args: { found: clause.number, expected: numberFor(clause, expected), previous: previous?.number ?? '' },
          fixes: [{ key: 'renumber', edits, safe: true }],
        });
      });
    }
  },
};

/** Groups clauses that share a parent and a numbering style, in document order. */
function siblingRuns(doc: ContractDocument): Clause[][] {
  const runs = new Map<string, Clause[]>();
  for (const clause of doc.clauses) {
    const level = clause.style === 'decimal-multi' ? `decimal-${clause.path.length}` : clause.style === 'decimal' ? 'decimal-1' : clause.style;
    const key = `${clause.parent ?? -1}|${level}|${clause.container === 'heading' ? 'h' : 'p'}|${clause.depth}`;
    if (!runs.has(key)) runs.set(key, []);
    runs.get(key)!.push(clause);
  }
  return [...runs.values()];
}

function numberFor(clause: Clause, ordinal: number): string {
  if (clause.style === 'decimal-multi') return [...clause.path.slice(0, -1), ordinal].join('.');
  return formatNumber(clause.style, ordinal, clause.number, encodeChineseOrdinal);
}

/** `3.1` and `3.1.2` written under clause 3 follow it when it becomes 4, or they would point back at 3. */
function descendantEdits(doc: ContractDocument, clause: Clause, newNumber: string): TextEdit[] {
  if (!/^\d+(?:\.\d+)*$/.test(newNumber)) return [];
  const oldPath = clause.style === 'decimal-multi' ? clause.path : [clause.ordinal];
  const newPath = newNumber.split('.').map(Number);
  return doc.clauses
    .filter(
      (c) =>
        c.style === 'decimal-multi' &&
        c.span.start > clause.span.start &&
        c.span.start < clause.sectionEnd &&
        c.path.length > oldPath.length &&
        oldPath.every((part, i) => c.path[i] === part),
    )
    .map((c) => ({ span: c.numberSpan, newText: [...newPath, ...c.path.slice(oldPath.length)].join('.') }));
}
