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
  const add = (span: Span | undefined, type: TokenType, ...modifiers: TokenModifier[]) => {
    if (!span || span.end <= span.start) return;
    if (within && (span.end <= within.start || span.start >= within.end)) return;
    tokens.push({ span, type, modifiers });
  };

  const layout = frontMatterLayout(doc);
  for (const entry of layout.sections.get('fields')?.entries ?? []) {
    add(entry.keySpan, 'property', 'declaration');
    add(entry.typeSpan, 'type');
  }
  for (const spans of layout.valueKeys.values()) for (const span of spans) add(span, 'property');

  for (const placeholder of doc.placeholders) {
    const field = doc.fields.get(placeholder.name);
    const modifiers: TokenModifier[] = [];
    if (placeholder.inlineType !== undefined) modifiers.push('declaration');
    if (field && field.value === undefined) modifiers.push('unfilled');
    add(placeholder.nameSpan, 'variable', ...modifiers);
    add(placeholder.typeSpan, 'type');
    add(placeholder.filterSpan, 'function');
  }
  for (const blank of doc.blanks) add(blank.span, 'string', 'blank');
  for (const clause of doc.clauses) {
    add(clause.numberSpan, 'number');
    add(clause.labelSpan, 'macro', 'declaration');
  }
  for (const reference of doc.references) add(reference.labelSpan, 'macro');

  tokens.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  let covered = 0;
  const pieces: SemanticToken[] = [];
  for (const token of tokens) {
    if (token.span.start < covered) continue;
    covered = token.span.end;
    for (const piece of splitAtLineBreaks(doc.text, token)) if (!within || piece.span.start >= within.start) pieces.push(piece);
  }
  return pieces;
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
