import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import { semanticTokenSpans, TOKEN_MODIFIERS, TOKEN_TYPES } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { perAnalysis } from '../perAnalysis.js';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

export const semanticTokens = perAnalysis(({ doc, document }: Analysis): SemanticTokens => {
  const builder = new SemanticTokensBuilder();
  for (const { span, type, modifiers } of semanticTokenSpans(doc)) {
    const start = document.positionAt(span.start);
    const bits = modifiers.reduce((sum, m) => sum | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
    builder.push(start.line, start.character, span.end - span.start, TOKEN_TYPES.indexOf(type), bits);
  }
  return builder.build();
});
