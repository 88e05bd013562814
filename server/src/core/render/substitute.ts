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
  constructor(
    private readonly segments: readonly Segment[],
    private readonly originalLength: number,
  ) {}

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

  /** The substituted offset of an original offset; inside a token, the token's start. */
  toSubstituted(orig: number): number {
    const segments = this.segments;
    let low = 0;
    let high = segments.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const segment = segments[mid]!;
      if (orig < segment.origStart) high = mid - 1;
      else if (orig >= segment.origEnd) low = mid + 1;
      else return segment.copied ? segment.sub + (orig - segment.origStart) : segment.sub;
    }
    // Before the first segment (a BOM) or at the very end.
    return orig <= (segments[0]?.origStart ?? 0) ? 0 : (segments[segments.length - 1]?.subEnd ?? 0);
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

/** One top-level block of the contract as it stands in the substituted source. */
export interface SubstitutedBlock {
  /** The block in the original text. */
  readonly span: Span;
  /** Where the block's text starts in the substituted source: the start of its first line, so columns stay right. */
  readonly sliceStart: number;
  readonly sliceEnd: number;
  /** The tokens in this block, by the index written inside each (indices restart in every block). */
  readonly tokens: readonly Token[];
}

export interface SubstitutedSource {
  /** The text Markdown parses: the original with tokens in place of contract syntax and without a BOM. */
  readonly text: string;
  readonly blocks: readonly SubstitutedBlock[];
  readonly map: OffsetMap;
}

/**
 * Builds the source Markdown parses. References are tokenised only when they
 * point at a clause label or would be reported as broken, so an ordinary link
 * to a heading stays a link. Token indices count within each block, so a
 * block's substituted text does not change when an edit elsewhere adds a
 * token: that text is the key of the block cache (see `blockCache.ts`).
 */
export function substituteSource(doc: ContractDocument): SubstitutedSource {
  const text = doc.text;
  const candidates: Token[] = [];
  for (const placeholder of doc.placeholders) candidates.push({ kind: 'placeholder', span: placeholder.span, placeholder });
  // A label's empty value (`甲方（盖章）：`) keeps its label: the gap box stands where the value goes.
  for (const blank of doc.blanks) candidates.push({ kind: 'blank', span: blank.fill ?? blank.span, blank });

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

  const docBlocks = doc.blocks;
  const blockTokens: Token[][] = docBlocks.map(() => []);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
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
  let block = 0;
  for (const candidate of candidates) {
    if (candidate.span.start < copiedUpTo) continue;
    while (block < docBlocks.length && docBlocks[block]!.span.end <= candidate.span.start) block++;
    const owner = docBlocks[block];
    // Only what stands inside a block is rendered; anything else (the front matter) is left as written.
    if (owner === undefined || candidate.span.start < owner.span.start || candidate.span.end > owner.span.end) continue;
    copy(candidate.span.start);
    const token = encodeToken(blockTokens[block]!.length);
    blockTokens[block]!.push(candidate);
    parts.push(token);
    segments.push({ sub, subEnd: sub + token.length, origStart: candidate.span.start, origEnd: candidate.span.end, copied: false });
    sub += token.length;
    copiedUpTo = candidate.span.end;
  }
  copy(text.length);
  const map = new OffsetMap(segments, text.length);
  const blocks = docBlocks.map((b, index) => ({
    span: b.span,
    sliceStart: map.toSubstituted(lineStart(text, b.span.start)),
    sliceEnd: map.toSubstituted(b.span.end),
    tokens: blockTokens[index]!,
  }));
  return { text: parts.join(''), blocks, map };
}

/** The start of the line `offset` stands on, when only indentation comes before it. */
function lineStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return at === 0 || text[at - 1] === '\n' || text[at - 1] === '\r' || text.charCodeAt(at - 1) === 0xfeff ? at : offset;
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
