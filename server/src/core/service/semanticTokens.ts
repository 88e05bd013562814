/**
 * What the contract language adds to Markdown, as coloured spans: declared and
 * used field names, types, filters, blanks, clause numbers and labels. The
 * legend is documented in docs/protocol.md.
 */
import type { ContractDocument, Span } from '../model.js';
import { frontMatterLayout } from '../frontMatter/layout.js';

export const TOKEN_TYPES = ['variable', 'property', 'type', 'string', 'number', 'macro', 'function'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'blank', 'unfilled'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  readonly span: Span;
  readonly type: TokenType;
  readonly modifiers: readonly TokenModifier[];
}

/**
 * Every token in document order, none overlapping another (the first of two
 * overlapping wins) nor crossing a line break. With `within`, only the tokens
 * starting inside it, as the whole list has them: an editor asks for the lines
 * on screen first, and on a long contract those are a few dozen of tens of
 * thousands. Tokens reaching into it are weighed too, so one that overlaps the
 * window's edge is kept or dropped as in the whole list.
 */
export function semanticTokenSpans(doc: ContractDocument, within?: Span): SemanticToken[] {
  const tokens: SemanticToken[] = [];
  // Tens of thousands of tokens on a long contract: each list of modifiers is one shared constant.
  const add = (span: Span | undefined, type: TokenType, modifiers: readonly TokenModifier[] = NO_MODIFIERS) => {
    if (!span || span.end <= span.start) return;
    if (within && (span.end <= within.start || span.start >= within.end)) return;
    tokens.push({ span, type, modifiers });
  };

  const layout = frontMatterLayout(doc);
  for (const entry of layout.sections.get('fields')?.entries ?? []) {
    add(entry.keySpan, 'property', DECLARATION);
    add(entry.typeSpan, 'type');
  }
  for (const spans of layout.valueKeys.values()) for (const span of spans) add(span, 'property');

  for (const placeholder of doc.placeholders) {
    const field = doc.fields.get(placeholder.name);
    const declares = placeholder.inlineType !== undefined;
    const unfilled = field !== undefined && field.value === undefined;
    add(placeholder.nameSpan, 'variable', declares ? (unfilled ? DECLARATION_UNFILLED : DECLARATION) : unfilled ? UNFILLED : NO_MODIFIERS);
    add(placeholder.typeSpan, 'type');
    add(placeholder.filterSpan, 'function');
  }
  for (const blank of doc.blanks) add(blank.span, 'string', BLANK);
  for (const clause of doc.clauses) {
    add(clause.numberSpan, 'number');
    add(clause.labelSpan, 'macro', DECLARATION);
  }
  for (const reference of doc.references) add(reference.labelSpan, 'macro');

  tokens.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  let covered = 0;
  const pieces: SemanticToken[] = [];
  for (const token of tokens) {
    if (token.span.start < covered) continue;
    covered = token.span.end;
    // Nearly every token stands on one line: it is kept as it is.
    if (!crossesLineBreak(doc.text, token.span)) {
      if (!within || token.span.start >= within.start) pieces.push(token);
      continue;
    }
    for (const piece of splitAtLineBreaks(doc.text, token)) if (!within || piece.span.start >= within.start) pieces.push(piece);
  }
  return pieces;
}

const NO_MODIFIERS: readonly TokenModifier[] = Object.freeze([]);
const DECLARATION: readonly TokenModifier[] = Object.freeze(['declaration'] as const);
const UNFILLED: readonly TokenModifier[] = Object.freeze(['unfilled'] as const);
const DECLARATION_UNFILLED: readonly TokenModifier[] = Object.freeze(['declaration', 'unfilled'] as const);
const BLANK: readonly TokenModifier[] = Object.freeze(['blank'] as const);

/** Whether a line break stands inside `span` before its last character (where splitAtLineBreaks would cut). */
function crossesLineBreak(text: string, span: Span): boolean {
  for (let i = span.start; i < span.end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** Editors draw a token on one line: one piece per line, each keeping the line break it crosses. */
function splitAtLineBreaks(text: string, token: SemanticToken): SemanticToken[] {
  const pieces: SemanticToken[] = [];
  let start = token.span.start;
  for (let i = start; i < token.span.end - 1; i++) {
    if (text[i] !== '\n' && text[i] !== '\r') continue;
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (i + 1 >= token.span.end) break;
    pieces.push({ ...token, span: { start, end: i + 1 } });
    start = i + 1;
  }
  pieces.push(start === token.span.start ? token : { ...token, span: { start, end: token.span.end } });
  return pieces;
}
