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

/** The outline of a contract, in document order. */
export function outline(doc: ContractDocument): OutlineEntry[] {
  const { locale } = doc;
  const entries: OutlineEntry[] = [];
  const byIndex: OutlineEntry[] = [];
  doc.clauses.forEach((clause, index) => {
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
