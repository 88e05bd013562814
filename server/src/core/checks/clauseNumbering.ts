import type { Clause, ContractDocument } from '../model.js';
import { siblingRuns } from '../facts/numberingRuns.js';
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
    const runs = siblingRuns(doc);
    for (const { clauses: siblings, quoted } of runs.all) {
      const first = siblings[0]!;
      // A Markdown list may deliberately start elsewhere; so may an excerpt in a quotation, and a
      // run that goes on counting from an earlier one (第二条 under a new chapter heading).
      const continues =
        first.ordinal !== 1 && first.container !== 'listItem' && (quoted || (runs.firstAt(first, first.ordinal - 1) ?? Infinity) < first.span.start);
      const startAt = first.container === 'listItem' || continues ? first.ordinal : 1;
      // Most runs are in order: nothing is built for them.
      let wrong = -1;
      for (let i = 0; i < siblings.length && wrong < 0; i++) if (siblings[i]!.ordinal !== startAt + i) wrong = i;
      if (wrong < 0) continue;
      const edits: TextEdit[] = [];
      siblings.forEach((clause, i) => {
        const expected = startAt + i;
        if (clause.ordinal === expected) return;
        edits.push({ span: clause.numberSpan, newText: numberFor(clause, expected) });
        edits.push(...descendantEdits(doc, clause, numberFor(clause, expected)));
      });
      // One broken run is one problem, at its first wrong number: a document
      // numbered some other way must not draw a warning per item.
      const clause = siblings[wrong]!;
      const previous = siblings[wrong - 1];
      const key = wrong === 0 ? 'start' : previous && previous.ordinal === clause.ordinal ? 'duplicate' : 'gap';
      report({
        span: clause.markerSpan,
        key,
        args: { found: clause.number, expected: numberFor(clause, startAt + wrong), previous: previous?.number ?? '' },
        fixes: [{ key: 'renumber', edits, safe: true }],
      });
    }
  },
};

function numberFor(clause: Clause, ordinal: number): string {
  if (clause.style === 'decimal-multi') return [...clause.path.slice(0, -1), ordinal].join('.');
  return formatNumber(clause.style, ordinal, clause.number, encodeChineseOrdinal);
}

/** `3.1` and `3.1.2` written under clause 3 follow it when it becomes 4, or they would point back at 3. */
function descendantEdits(doc: ContractDocument, clause: Clause, newNumber: string): TextEdit[] {
  if (!/^\d+(?:\.\d+)*$/.test(newNumber)) return [];
  const oldPath = clause.style === 'decimal-multi' ? clause.path : [clause.ordinal];
  const newPath = newNumber.split('.').map(Number);
  // Clauses are in document order: the section's are those from the clause to its end, found by halving.
  const clauses = doc.clauses;
  let low = 0;
  let high = clauses.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (clauses[mid]!.span.start <= clause.span.start) low = mid + 1;
    else high = mid;
  }
  const edits: TextEdit[] = [];
  for (let i = low; i < clauses.length && clauses[i]!.span.start < clause.sectionEnd; i++) {
    const c = clauses[i]!;
    if (c.style === 'decimal-multi' && c.path.length > oldPath.length && oldPath.every((part, k) => c.path[k] === part))
      edits.push({ span: c.numberSpan, newText: [...newPath, ...c.path.slice(oldPath.length)].join('.') });
  }
  return edits;
}
