import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import { semanticTokenSpans, TOKEN_MODIFIERS, TOKEN_TYPES } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { perAnalysis } from '../perAnalysis.js';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

export const semanticTokens = perAnalysis((analysis: Analysis): SemanticTokens => {
  const { document } = analysis;
  const builder = new SemanticTokensBuilder();
  for (const token of semanticTokenSpans(analysis.doc)) {
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
});
