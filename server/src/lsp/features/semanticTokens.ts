/**
 * Semantic tokens for the whole document, or for a range: on a long file an
 * editor asks for the lines on screen first and colours them before the
 * whole answer is in. The whole list is kept per analysis with absolute
 * positions, so a range asked after it is a binary search and a slice; one
 * asked before it is found for the range alone.
 */
import type { Range, SemanticTokens, SemanticTokensLegend, SemanticTokensRangeParams } from 'vscode-languageserver';
import { semanticTokenSpans, TOKEN_MODIFIERS, TOKEN_TYPES, type Span } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { PositionCursor, spanOf } from '../convert.js';
import { perAnalysis } from '../perAnalysis.js';

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

/** Five numbers per token, in document order: line, character, length, type, modifier bits. */
const FIELDS = 5;

const TYPE_INDEX = new Map<string, number>(TOKEN_TYPES.map((type, i) => [type, i]));
const MODIFIER_BIT = new Map<string, number>(TOKEN_MODIFIERS.map((modifier, i) => [modifier, 1 << i]));

const absoluteTokens = perAnalysis((analysis: Analysis): Uint32Array => absolute(analysis));

function absolute({ doc, document }: Analysis, within?: Span): Uint32Array {
  const spans = semanticTokenSpans(doc, within);
  const tokens = new Uint32Array(spans.length * FIELDS);
  // The spans come in document order: a cursor finds each start from the one before.
  const positions = new PositionCursor(document);
  let at = 0;
  for (const { span, type, modifiers } of spans) {
    const start = positions.at(span.start);
    tokens[at++] = start.line;
    tokens[at++] = start.character;
    tokens[at++] = span.end - span.start;
    tokens[at++] = TYPE_INDEX.get(type)!;
    let bits = 0;
    for (const modifier of modifiers) bits |= MODIFIER_BIT.get(modifier)!;
    tokens[at++] = bits;
  }
  return tokens;
}

export const semanticTokens = perAnalysis((analysis: Analysis): SemanticTokens => {
  const tokens = absoluteTokens(analysis);
  return encode(tokens, 0, tokens.length / FIELDS);
});

/**
 * The tokens that start inside `range`, encoded as the protocol wants them:
 * relative to the one before. Cut from the whole list when it is known, else
 * found for the range alone (the editor asks for the whole list next).
 */
export function semanticTokensRange(analysis: Analysis, { range }: SemanticTokensRangeParams): SemanticTokens {
  const tokens = absoluteTokens.known(analysis) ?? absolute(analysis, spanOf(analysis.document, range));
  return encode(tokens, firstAtOrAfter(tokens, range.start), firstAtOrAfter(tokens, range.end));
}

/** The index of the first token starting at or after `position`. */
function firstAtOrAfter(tokens: Uint32Array, position: Range['start']): number {
  let low = 0;
  let high = tokens.length / FIELDS;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const line = tokens[middle * FIELDS]!;
    const before = line < position.line || (line === position.line && tokens[middle * FIELDS + 1]! < position.character);
    if (before) low = middle + 1;
    else high = middle;
  }
  return low;
}

function encode(tokens: Uint32Array, from: number, to: number): SemanticTokens {
  const data = new Array<number>((to - from) * FIELDS);
  let line = 0;
  let character = 0;
  for (let i = from, out = 0; i < to; i++, out += FIELDS) {
    const at = i * FIELDS;
    const tokenLine = tokens[at]!;
    const tokenCharacter = tokens[at + 1]!;
    data[out] = tokenLine - line;
    data[out + 1] = tokenLine === line ? tokenCharacter - character : tokenCharacter;
    data[out + 2] = tokens[at + 2]!;
    data[out + 3] = tokens[at + 3]!;
    data[out + 4] = tokens[at + 4]!;
    line = tokenLine;
    character = tokenCharacter;
  }
  return { data };
}
