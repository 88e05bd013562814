import type { Blank, ClauseReference, Clause, ContractDocument, Placeholder, Span } from '../model.js';

/**
 * What a token in the substituted source stands for. Tokens keep Markdown
 * away from contract syntax: CommonMark reads `____年__月__日` as emphasis and
 * splits `{{rate: choice(a|b)}}` at `|` inside a table, so each such span is
 * swapped for a run of private-use characters that Markdown treats as a word.
 */
export type Token =
  | { readonly kind: 'placeholder'; readonly span: Span; readonly placeholder: Placeholder }
  | { readonly kind: 'blank'; readonly span: Span; readonly blank: Blank }
  | { readonly kind: 'reference'; readonly span: Span; readonly reference: ClauseReference; readonly clause: Clause | undefined }
  | { readonly kind: 'label'; readonly span: Span; readonly clause: Clause }
  /** A private-use character the contract itself holds, kept apart from our tokens. */
  | { readonly kind: 'literal'; readonly span: Span; readonly text: string };

const TOKEN_OPEN = '\uE100';
const TOKEN_CLOSE = '\uE101';
const DIGIT_ZERO = 0xe110;
/** Every character a token is made of, so the contract's own ones can be set apart. */
export const TOKEN_CHARS = /[\uE100-\uE11F]/g;
/** A whole token; the index is written with private-use digits so no digit touches the text around. */
export const TOKEN_PATTERN = /\uE100([\uE110-\uE119]+)\uE101/g;

function encodeToken(index: number): string {
  let digits = '';
  for (const d of String(index)) digits += String.fromCharCode(DIGIT_ZERO + Number(d));
  return TOKEN_OPEN + digits + TOKEN_CLOSE;
}

/** The index written inside a token matched by `TOKEN_PATTERN`. */
export function decodeTokenIndex(digits: string): number {
  let value = 0;
  for (let i = 0; i < digits.length; i++) value = value * 10 + (digits.charCodeAt(i) - DIGIT_ZERO);
  return value;
}

/** One stretch of the substituted source: copied from the original, or a token standing for `[origStart, origEnd)`. */
interface Segment {
  readonly sub: number;
  readonly subEnd: number;
  readonly origStart: number;
  readonly origEnd: number;
  readonly copied: boolean;
}

/**
 * Maps offsets in the substituted source back to the original text. Inside a
 * copied stretch the mapping is exact; inside a token every offset maps to
 * the token's original start (or end, for an exclusive end offset).
 */
export class OffsetMap {
  constructor(private readonly segments: readonly Segment[], private readonly originalLength: number) {}

  /** The original offset of the character at `sub`. */
  toOriginal(sub: number): number {
    const segment = this.find(sub);
    if (!segment) return this.originalLength;
    return segment.copied ? segment.origStart + (sub - segment.sub) : segment.origStart;
  }

  /** The original offset for an exclusive end at `sub`. */
  toOriginalEnd(sub: number): number {
    if (sub <= 0) return this.toOriginal(0);
    const segment = this.find(sub - 1);
    if (!segment) return this.originalLength;
    return segment.copied ? segment.origStart + (sub - segment.sub) : segment.origEnd;
  }

  private find(sub: number): Segment | undefined {
    const segments = this.segments;
    let low = 0;
    let high = segments.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const segment = segments[mid]!;
      if (sub < segment.sub) high = mid - 1;
      else if (sub >= segment.subEnd) low = mid + 1;
      else return segment;
    }
    return undefined;
  }
}

export interface SubstitutedSource {
  /** The text Markdown parses: the original with tokens in place of contract syntax and without a BOM. */
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly map: OffsetMap;
}

/**
 * Builds the source Markdown parses. References are tokenised only when they
 * point at a clause label or would be reported as broken, so an ordinary link
 * to a heading stays a link.
 */
export function substituteSource(doc: ContractDocument): SubstitutedSource {
  const text = doc.text;
  const candidates: Token[] = [];
  for (const placeholder of doc.placeholders) candidates.push({ kind: 'placeholder', span: placeholder.span, placeholder });
  for (const blank of doc.blanks) candidates.push({ kind: 'blank', span: blank.span, blank });

  const labelled = new Map<string, Clause>();
  for (const clause of doc.clauses) {
    if (clause.label === undefined || clause.labelSpan === undefined) continue;
    if (!labelled.has(clause.label)) labelled.set(clause.label, clause);
    candidates.push({ kind: 'label', span: labelWithSpaces(text, clause.labelSpan), clause });
  }
  for (const reference of doc.references) {
    const clause = labelled.get(reference.label);
    if (clause === undefined && !isClauseLabelReference(doc, labelled, reference)) continue;
    candidates.push({ kind: 'reference', span: reference.span, reference, clause });
  }
  for (const match of text.matchAll(TOKEN_CHARS)) {
    candidates.push({ kind: 'literal', span: { start: match.index, end: match.index + 1 }, text: match[0] });
  }
  // Outer spans first, so a reference swallows a blank written inside its text.
  candidates.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);

  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tokens: Token[] = [];
  const segments: Segment[] = [];
  const parts: string[] = [];
  let sub = 0;
  let copiedUpTo = bom;
  const copy = (to: number) => {
    if (to <= copiedUpTo) return;
    parts.push(text.slice(copiedUpTo, to));
    segments.push({ sub, subEnd: sub + (to - copiedUpTo), origStart: copiedUpTo, origEnd: to, copied: true });
    sub += to - copiedUpTo;
    copiedUpTo = to;
  };
  for (const candidate of candidates) {
    if (candidate.span.start < copiedUpTo) continue;
    copy(candidate.span.start);
    const token = encodeToken(tokens.length);
    tokens.push(candidate);
    parts.push(token);
    segments.push({ sub, subEnd: sub + token.length, origStart: candidate.span.start, origEnd: candidate.span.end, copied: false });
    sub += token.length;
    copiedUpTo = candidate.span.end;
  }
  copy(text.length);
  return { text: parts.join(''), tokens, map: new OffsetMap(segments, text.length) };
}

/**
 * The `{#label}` with the spaces around it: left behind, two trailing spaces
 * would turn into a hard line break.
 */
function labelWithSpaces(text: string, span: Span): Span {
  let start = span.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = span.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return { start, end };
}

/** Mirrors the `clause-reference` check: what it would report as broken is shown as broken. */
function isClauseLabelReference(doc: ContractDocument, labelled: ReadonlyMap<string, Clause>, reference: ClauseReference): boolean {
  if (labelled.has(reference.label)) return true;
  return !(doc.clauses.every((c) => c.label === undefined) && !/^[\p{L}\p{N}_-]+$/u.test(reference.label));
}
