/**
 * The outline: clauses nested as they are numbered, then the parties and the
 * fields, each under its own group.
 */
import type { ContractDocument, Span } from '../model.js';
import { clauseNumberText } from '../clauseNumber.js';
import { t } from './messages.js';

export interface OutlineEntry {
  readonly name: string;
  readonly detail?: string;
  /** `clause` is a top-level clause, `subclause` a nested one; `group` holds parties or fields. */
  readonly kind: 'clause' | 'subclause' | 'group' | 'party' | 'field';
  /** The whole entry (a clause's section without the blank lines after it). */
  readonly span: Span;
  /** The part to select: the clause's line, the name of a party or field. */
  readonly selection: Span;
  readonly children: OutlineEntry[];
}

/**
 * The most entries an outline holds. An editor gets a range, a selection and a
 * name for each, for its outline, breadcrumbs and Go to Symbol: on a 1 MB
 * contract 10,000 entries took some 100 ms to build, send and read, longer than
 * analysing a keystroke. Past it the deepest clause levels are left out, as
 * many as it takes, and each clause shown says how many subclauses it holds.
 */
export const OUTLINE_LIMIT = 3_000;

/** The outline of a contract, in document order. */
export function outline(doc: ContractDocument): OutlineEntry[] {
  const { locale } = doc;
  const entries: OutlineEntry[] = [];
  const byIndex: OutlineEntry[] = [];
  const deepest = deepestLevelShown(doc);
  const leftOut = new Map<number, number>();
  doc.clauses.forEach((clause, index) => {
    if (clause.depth > deepest) {
      if (clause.parent !== undefined && byIndex[clause.parent] !== undefined) leftOut.set(clause.parent, (leftOut.get(clause.parent) ?? 0) + 1);
      return;
    }
    const entry: { -readonly [K in keyof OutlineEntry]: OutlineEntry[K] } = {
      name: `${clauseNumberText(doc, clause)} ${outlineTitle(clause.title)}`.trim() || clause.marker,
      kind: clause.depth === 0 ? 'clause' : 'subclause',
      span: { start: clause.span.start, end: trimEnd(doc.text, clause.span.start, clause.sectionEnd) },
      selection: clause.span,
      children: [],
    };
    if (clause.label) entry.detail = `#${clause.label}`;
    byIndex[index] = entry;
    const parent = clause.parent === undefined ? undefined : byIndex[clause.parent];
    (parent?.children ?? entries).push(entry);
  });
  for (const [index, count] of leftOut) {
    const entry = byIndex[index] as { detail?: string };
    const note = t(locale, 'subclausesLeftOut', { count });
    entry.detail = entry.detail === undefined ? note : `${entry.detail} · ${note}`;
  }

  const group = (name: string, children: OutlineEntry[], spans: Span[]) => {
    if (children.length === 0) return;
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end));
    entries.push({ name, kind: 'group', span: { start, end }, selection: { start, end: start }, children });
  };
  group(
    t(locale, 'parties'),
    doc.parties.map((party) => ({
      name: party.key,
      detail: [party.role, party.name].filter((s) => s !== undefined).join(' · '),
      kind: 'party',
      span: party.declaration,
      selection: party.declaration,
      children: [],
    })),
    doc.parties.map((p) => p.declaration),
  );
  const fields = [...doc.fields.values()];
  group(
    t(locale, 'fields'),
    fields.map((field) => ({
      name: field.name,
      detail: field.value?.raw === undefined ? field.type : `${field.type} = ${field.value.raw}`,
      kind: 'field',
      span: field.declarationSpan,
      selection: field.declaration,
      children: [],
    })),
    fields.map((f) => f.declarationSpan),
  );
  return entries.sort((a, b) => a.span.start - b.span.start);
}

/** The deepest clause level whose entries, with every level above it, the parties and the fields, fit in OUTLINE_LIMIT; top-level clauses always show. */
function deepestLevelShown(doc: ContractDocument): number {
  const perLevel: number[] = [];
  for (const clause of doc.clauses) perLevel[clause.depth] = (perLevel[clause.depth] ?? 0) + 1;
  // The parties and the fields, each under a group entry.
  let total = doc.parties.length + doc.fields.size + 2;
  for (let level = 0; level < perLevel.length; level++) {
    total += perLevel[level] ?? 0;
    if (total > OUTLINE_LIMIT) return Math.max(0, level - 1);
  }
  return perLevel.length;
}

/**
 * A clause's title as the outline shows it: a list item or paragraph clause
 * has its whole first sentence as title, and an outline entry, a breadcrumb
 * or a sticky-scroll line shows about thirty characters of it. Longer titles
 * end at their first sentence or clause mark, else after MAX_TITLE characters,
 * with an ellipsis; on a long contract the full sentences were a third of
 * every outline answer.
 */
export function outlineTitle(title: string): string {
  if (title.length <= MAX_TITLE) return title;
  for (let i = MIN_TITLE; i < MAX_TITLE; i++) {
    const c = title[i]!;
    // `.` `,` `:` end a clause only before a space: not in `1.5` or `1,000`.
    if (WIDE_STOPS.has(c) || (NARROW_STOPS.has(c) && title[i + 1] === ' ')) return `${title.slice(0, i)}…`;
  }
  // Counted in UTF-16 units; a cut never splits a character written as two.
  const cut = isHighSurrogate(title.charCodeAt(MAX_TITLE - 1)) ? MAX_TITLE - 1 : MAX_TITLE;
  return `${title.slice(0, cut).trimEnd()}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const MAX_TITLE = 30;
/** A stop this early would leave too little to recognise the clause by. */
const MIN_TITLE = 8;
const WIDE_STOPS = new Set(['。', '；', '，', '：', ';']);
const NARROW_STOPS = new Set(['.', ',', ':']);

/** A section's end without the blank lines before the next clause. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/** `\s` without a regular expression per character: ASCII and CJK blanks, the line breaks. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0x3000 ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x2028 ||
    c === 0x2029 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x1680 ||
    c === 0x202f ||
    c === 0x205f
  );
}
