/**
 * Semantic tokens, so any editor can colour what the contract language adds
 * to Markdown. The legend is documented in docs/protocol.md.
 */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { Span } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { frontMatterLayout } from '../frontMatterLayout.js';

const TOKEN_TYPES = ['variable', 'property', 'type', 'string', 'number', 'macro', 'function'] as const;
const TOKEN_MODIFIERS = ['declaration', 'blank', 'unfilled'] as const;
type TokenType = (typeof TOKEN_TYPES)[number];
type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

interface Token {
  readonly span: Span;
  readonly type: TokenType;
  readonly modifiers: readonly TokenModifier[];
}

export function semanticTokens(analysis: Analysis): SemanticTokens {
  const { doc, document } = analysis;
  const tokens: Token[] = [];
  const add = (span: Span | undefined, type: TokenType, ...modifiers: TokenModifier[]) => {
    if (span && span.end > span.start) tokens.push({ span, type, modifiers });
  };

  const layout = frontMatterLayout(doc);
  for (const entry of layout.fields?.entries ?? []) {
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
  const builder = new SemanticTokensBuilder();
  let covered = 0;
  for (const token of tokens) {
    if (token.span.start < covered) continue; // tokens may not overlap
    covered = token.span.end;
    const type = TOKEN_TYPES.indexOf(token.type);
    const modifiers = token.modifiers.reduce((bits, m) => bits | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
    // A token may not cross a line break: emit one piece per line.
    const start = document.positionAt(token.span.start);
    const end = document.positionAt(token.span.end);
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : document.offsetAt({ line: line + 1, character: 0 }) - document.offsetAt({ line, character: 0 });
      if (to > from) builder.push(line, from, to - from, type, modifiers);
    }
  }
  return builder.build();
}
