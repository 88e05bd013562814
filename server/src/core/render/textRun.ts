import type { ElementContent } from 'hast';
import type { PlacedProblem } from './problemMarks.js';
import { TOKEN_CHARS, TOKEN_PATTERN, decodeTokenIndex, type OffsetMap, type Token } from './substitute.js';
import { element, text } from './tokenElements.js';

/** One piece of a text node: plain characters or one token, with the original range it covers. */
interface Piece {
  readonly start: number;
  readonly end: number;
  readonly nodes: ElementContent[];
  /** Indices (into the node's problems) of the problems that cover this piece. */
  readonly cover: string;
}

export interface TextRunContext {
  readonly source: string;
  readonly map: OffsetMap;
  readonly tokens: readonly Token[];
  /** What a token reads as. */
  tokenNodes(token: Token): ElementContent[];
}

/**
 * Rewrites one text node: tokens become the values, gaps and references they
 * stand for, and the problems given to this node wrap the text they cover in
 * `<mark>`. Overlapping problems share one mark per stretch so marks never nest.
 *
 * @param value the text node's value
 * @param range where the node stands in the substituted source, when known
 */
export function renderTextRun(
  value: string,
  range: { start: number; end: number } | undefined,
  problems: readonly PlacedProblem[] | undefined,
  context: TextRunContext,
): ElementContent[] {
  const origin = problems && problems.length > 0 && range ? originalOffsets(value, range, context) : undefined;
  const pieces: Piece[] = [];

  const pushText = (from: number, to: number) => {
    if (from >= to) return;
    if (origin === undefined) {
      pieces.push({ start: 0, end: 0, nodes: [plainText(value.slice(from, to))], cover: '' });
      return;
    }
    // Split where the set of covering problems changes.
    let runStart = from;
    let runCover = coverAt(problems!, origin[from]!, origin[from]! + 1);
    for (let i = from + 1; i <= to; i++) {
      const cover = i < to ? coverAt(problems!, origin[i]!, origin[i]! + 1) : undefined;
      if (cover === runCover) continue;
      pieces.push({ start: origin[runStart]!, end: origin[i - 1]! + 1, nodes: [plainText(value.slice(runStart, i))], cover: runCover });
      runStart = i;
      runCover = cover!;
    }
  };

  let last = 0;
  for (const match of value.matchAll(TOKEN_PATTERN)) {
    pushText(last, match.index);
    last = match.index + match[0].length;
    const token = context.tokens[decodeTokenIndex(match[1]!)];
    if (token === undefined) continue;
    const nodes = context.tokenNodes(token);
    const cover = origin === undefined ? '' : coverAt(problems!, token.span.start, Math.max(token.span.end, token.span.start + 1));
    pieces.push({ start: token.span.start, end: token.span.end, nodes, cover });
  }
  pushText(last, value.length);
  return group(pieces, problems ?? []);
}

/** Wraps consecutive pieces with the same covering problems in one mark. */
function group(pieces: readonly Piece[], problems: readonly PlacedProblem[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (let i = 0; i < pieces.length;) {
    const cover = pieces[i]!.cover;
    let j = i;
    const nodes: ElementContent[] = [];
    while (j < pieces.length && pieces[j]!.cover === cover) nodes.push(...pieces[j++]!.nodes);
    if (cover === '') out.push(...nodes);
    else
      out.push(
        markElement(
          cover.split(',').map((k) => problems[Number(k)]!.problem),
          nodes,
        ),
      );
    i = j;
  }
  return out;
}

function markElement(covering: readonly PlacedProblem['problem'][], children: ElementContent[]) {
  const error = covering.some((p) => p.severity === 'error');
  return element(
    'mark',
    {
      className: ['cm-problem', error ? 'cm-error' : 'cm-warning'],
      dataOffset: Math.min(...covering.map((p) => p.span.start)),
      dataCheck: [...new Set(covering.map((p) => p.checkId))].join(' '),
      title: covering.map((p) => p.message).join('\n'),
    },
    children,
  );
}

function coverAt(problems: readonly PlacedProblem[], start: number, end: number): string {
  let key = '';
  for (let k = 0; k < problems.length; k++) {
    const range = problems[k]!;
    if (range.start < end && range.end > start) key += key === '' ? String(k) : `,${k}`;
  }
  return key;
}

/** Text between tokens; a token the parser split (which should not happen) must not leak its characters. */
function plainText(value: string): ElementContent {
  return text(value.replace(TOKEN_CHARS, ''));
}

/**
 * The original offset of each character of a text node. Markdown drops
 * escapes, decodes entities and trims indentation, so the node's value is
 * walked against its source and the two are kept in step.
 */
function originalOffsets(value: string, range: { start: number; end: number }, context: TextRunContext): Int32Array {
  const out = new Int32Array(value.length);
  const from = range.start;
  const to = range.end;
  const source = context.source;
  let j = from;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (j < to && source[j] === c) {
      out[i] = j++;
    } else if (source[j] === '\\' && source[j + 1] === c && j + 1 < to) {
      out[i] = j;
      j += 2;
    } else if (source[j] === '&' && entityEnd(source, j, to) > 0) {
      out[i] = j;
      // An entity may decode to a surrogate pair.
      if (/[\uD800-\uDBFF]/.test(c) && i + 1 < value.length) out[++i] = j;
      j = entityEnd(source, j, to);
    } else {
      // Skip what Markdown left out (indentation, `>` of a quote), a little at most.
      let k = j;
      while (k < to && k - j < 64 && source[k] !== c) k++;
      if (k < to && source[k] === c) {
        out[i] = k;
        j = k + 1;
      } else {
        out[i] = Math.min(j, to - 1);
      }
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = context.map.toOriginal(out[i]!);
  return out;
}

function entityEnd(source: string, at: number, to: number): number {
  const match = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.exec(source.slice(at, Math.min(at + 40, to)));
  return match ? at + match[0].length : -1;
}
