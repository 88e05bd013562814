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
    // Where each number of each style is first written, so a run can tell it goes on from an earlier one.
    const firstSeen = new Map<string, number>();
    for (const c of doc.clauses) if (!firstSeen.has(numberKey(c, c.ordinal))) firstSeen.set(numberKey(c, c.ordinal), c.span.start);
    for (const siblings of siblingRuns(doc)) {
      const first = siblings[0]!;
      // A Markdown list may deliberately start elsewhere; so may an excerpt in a quotation, and a
      // run that goes on counting from an earlier one (第二条 under a new chapter heading).
      const continues =
        first.ordinal !== 1 &&
        first.container !== 'listItem' &&
        (QUOTED.has(siblings) || (firstSeen.get(numberKey(first, first.ordinal - 1)) ?? Infinity) < first.span.start);
      const startAt = first.container === 'listItem' || continues ? first.ordinal : 1;
      const edits: TextEdit[] = [];
      siblings.forEach((clause, i) => {
        const expected = startAt + i;
        if (clause.ordinal === expected) return;
        edits.push({ span: clause.numberSpan, newText: numberFor(clause, expected) });
        edits.push(...descendantEdits(doc, clause, numberFor(clause, expected)));
      });
      if (edits.length === 0) continue;
      // One broken run is one problem, at its first wrong number: a document
      // numbered some other way must not draw a warning per item.
      const i = siblings.findIndex((clause, k) => clause.ordinal !== startAt + k);
      const clause = siblings[i]!;
      const previous = siblings[i - 1];
      const key = i === 0 ? 'start' : previous && previous.ordinal === clause.ordinal ? 'duplicate' : 'gap';
      report({
        span: clause.markerSpan,
        key,
        args: { found: clause.number, expected: numberFor(clause, startAt + i), previous: previous?.number ?? '' },
        fixes: [{ key: 'renumber', edits, safe: true }],
      });
    }
  },
};

/**
 * Groups clauses that share a parent and a numbering style, in document
 * order. A run restarts where a drafter restarts counting: at 1 again after a
 * heading (an outer one, for clauses that are headings themselves) or a
 * sentence that introduces a list ("as follows:", "如下："), and
 * anew in every schedule or annex and in every quotation (a quoted statute).
 */
const QUOTED = new WeakSet<Clause[]>();
const numberKey = (clause: Clause, ordinal: number) => `${clause.style}|${clause.path.length}|${ordinal}`;

function siblingRuns(doc: ContractDocument): Clause[][] {
  const current = new Map<string, Clause[]>();
  const runs: Clause[][] = [];
  const scopeOf = scopes(doc);
  for (const clause of doc.clauses) {
    const level = clause.style === 'decimal-multi' ? `decimal-${clause.path.length}` : clause.style === 'decimal' ? 'decimal-1' : clause.style;
    const scope = scopeOf(clause);
    const key = `${scope}|${clause.parent ?? -1}|${level}|${clause.container === 'heading' ? 'h' : 'p'}|${clause.depth}`;
    let run = current.get(key);
    if (run && clause.ordinal === 1 && restartsBetween(doc.text, run[run.length - 1]!, clause)) run = undefined;
    if (!run) {
      run = [];
      current.set(key, run);
      runs.push(run);
      if (scope.includes('q')) QUOTED.add(run);
    }
    run.push(clause);
  }
  return runs;
}

const SCHEDULE_HEADING = /^[ \t]*#{1,6}[ \t]+(?:\*\*)?(?:Schedule|Annex|Appendix|Exhibit|Attachment|附件|附表|附录)/i;
// Far apart is as good as separated; a bounded look keeps the check linear.
const RESTART_WINDOW = 20_000;
const INTRODUCES = /[:：][ \t*]*(?:[\r\n]|$)|如下|the following/i;
const HEADING_LINE = /(?:^|[\r\n])[ \t]{0,3}(#{1,6})[ \t]/g;

/** True when a heading or an introducing sentence stands between two clauses, so counting may start again. */
function restartsBetween(text: string, previous: Clause, clause: Clause): boolean {
  if (clause.span.start - previous.span.start > RESTART_WINDOW) return true;
  if (INTRODUCES.test(text.slice(previous.span.start, clause.span.start))) return true;
  const own = clause.container === 'heading' ? (/^[ \t]*(#{1,6})/.exec(text.slice(clause.span.start, clause.span.start + 8))?.[1]!.length ?? 7) : 7;
  for (const heading of text.slice(previous.span.end, clause.span.start).matchAll(HEADING_LINE)) if (heading[1]!.length < own) return true;
  return false;
}

/** Which schedule (counted by its heading) or which quotation a clause stands in. */
function scopes(doc: ContractDocument): (clause: Clause) => string {
  const boundaries: Array<{ start: number; end: number; scope: string }> = [];
  let schedule = 0;
  doc.blocks.forEach((block, index) => {
    if (block.type === 'heading' && SCHEDULE_HEADING.test(doc.text.slice(block.span.start, Math.min(block.span.end, block.span.start + 40)))) {
      schedule++;
      boundaries.push({ start: block.span.start, end: doc.text.length, scope: `s${schedule}` });
    } else if (block.type === 'blockquote') {
      boundaries.push({ start: block.span.start, end: block.span.end, scope: `q${index}` });
    }
  });
  let at = 0;
  let scope = 's0';
  let quote: { end: number; scope: string } | undefined;
  // Clauses come in document order, so one walk over the boundaries serves them all.
  return (clause) => {
    while (at < boundaries.length && boundaries[at]!.start <= clause.span.start) {
      const b = boundaries[at++]!;
      if (b.scope.startsWith('s')) scope = b.scope;
      else quote = b;
    }
    if (quote && clause.span.start < quote.end) return `${scope}${quote.scope}`;
    return scope;
  };
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
