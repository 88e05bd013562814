import type { Nodes, RootContent } from 'mdast';
import type { Blank, BlockModel, Clause, ClauseReference, Span } from '../model.js';
import { linesIn, nonBlankLineAbove } from '../text/lines.js';
import { lastAtOrBefore } from '../text/lineIndex.js';
import { scanAmounts, type RawAmount } from './scan/amounts.js';
import { scanBlanks } from './scan/blanks.js';
import type { Around } from './scan/around.js';
import { isSignatureLine, scanTickGroups, tickedGroups } from './scan/gapStyles.js';
import { labelBefore } from './scan/shape.js';
import { scanChoices } from './scan/choices.js';
import { matchClauseMarker } from './scan/clauseMarkers.js';
import { scanDates } from './scan/dates.js';
import { scanPartyMentions } from './scan/parties.js';
import { scanPercents, type RawPercent } from './scan/percents.js';
import { scanPlaceholders } from './scan/placeholders.js';
import { BLANK_CHAR, PLACEHOLDER_CHAR, fillRanges, maskRanges } from './scan/shape.js';
import { scanSuppressions } from './scan/suppressions.js';
import { scanNumberPairs } from './scan/numberWords.js';
import { scanDurations } from './scan/durations.js';
import { scanPeriods } from './scan/periods.js';
import { scanEntityNames } from './scan/entityNames.js';
import { scanDefinedTerms } from './scan/definedTerms.js';
import { scanPreambleParties, scanSignatureLines } from './scan/signatures.js';

/**
 * A block as read from its own source. Percentages and amounts keep their raw
 * form because placeholders in them are resolved only once all fields are known.
 */
export interface ExtractedBlock extends Omit<BlockModel, 'percents' | 'amounts'> {
  readonly rawPercents: readonly RawPercent[];
  readonly rawAmounts: readonly RawAmount[];
}

export { CONTEXT_REACH } from './scan/around.js';

/**
 * The blocks whose facts read the text around them (see scan/around.ts),
 * marked on the block itself, hidden from keys, JSON and deep equality as the
 * resolved model is: only these can change when an edit leaves them whole.
 */
const READ_AROUND = Symbol('readAround');

export function readsAround(block: ExtractedBlock): boolean {
  return (block as unknown as Record<symbol, unknown>)[READ_AROUND] === true;
}

function markReadsAround(block: ExtractedBlock): void {
  Object.defineProperty(block, READ_AROUND, { value: true });
}

const SKIPPED = new Set(['yaml', 'code', 'thematicBreak', 'definition', 'math']);
// The look-behind starts a match only at the first of a run of spaces, keeping a long line linear.
const LABEL = /(?<![ \t])[ \t]*\{#([\p{L}\p{N}_-]{1,64})\}[ \t]*$/u;
const CONTAINER_PREFIX = /[ \t]*>[ \t]?|[ \t]+/y;

/**
 * Extracts everything the checks need from one top-level block. Offsets are
 * absolute: `offset` is added to the tree's positions (the BOM shift).
 */
export function extractBlock(text: string, node: RootContent, offset: number): ExtractedBlock {
  const read = { around: false };
  const block = compactLists(readBlock(text, node, offset, read));
  if (read.around) markReadsAround(block);
  return block;
}

/** The text around `span`, noting in `read` whether any was asked for. */
function aroundOf(text: string, span: Span, read: { around: boolean }): Around {
  return {
    before(length) {
      read.around = true;
      return text.slice(Math.max(0, span.start - length), span.start);
    },
    after(length) {
      read.around = true;
      return text.slice(span.end, span.end + length);
    },
  };
}

// Most of a block's twenty fact lists are empty: one shared list for them all
// saves some 500 bytes a block (30 MB over 60,000 blocks), and being frozen it
// makes any change in place fail loudly instead of reaching every other block.
// A list filled by `push` keeps room for 17 items; a copy holds just its own.
const NONE: readonly never[] = Object.freeze([]);

function compactLists(block: ExtractedBlock): ExtractedBlock {
  const record = block as unknown as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (Array.isArray(value)) record[key] = value.length === 0 ? NONE : value.slice();
  }
  return block;
}

function readBlock(text: string, node: RootContent, offset: number, read: { around: boolean }): ExtractedBlock {
  const span = { start: node.position!.start.offset! + offset, end: node.position!.end.offset! + offset };
  const empty = emptyBlock(span, node.type);
  if (node.type === 'thematicBreak') {
    // A line of underscores is a line to sign on, or to write in, by the lines above and below it.
    read.around = true;
    return { ...empty, blanks: signatureLine(text, span) };
  }
  if (SKIPPED.has(node.type)) return empty;
  const source = text.slice(span.start, span.end);
  if (node.type === 'html') return { ...empty, suppressions: scanSuppressions(source, span.start) };

  const masks: Span[] = [];
  const references: ClauseReference[] = [];
  const orderedItems = new Map<number, string>();
  collect(node, text, offset, masks, references, orderedItems);
  const around = aroundOf(text, span, read);
  const masked = maskRanges(source, span.start, masks);
  const { placeholders, issues } = scanPlaceholders(masked, span.start);
  const withPlaceholders = fillRanges(
    masked,
    span.start,
    placeholders.map((p) => p.span),
    PLACEHOLDER_CHAR,
  );
  const blanks = scanBlanks(withPlaceholders, span.start, node.type, around);
  const shaped = fillRanges(
    withPlaceholders,
    span.start,
    blanks.map((b) => b.span),
    BLANK_CHAR,
  );
  const wholeBlockIsOneGroup = node.type === 'list' || node.type === 'table';
  const sentenceOf = sentenceStarts(shaped);
  const lineSentenceOf = sentenceStarts(shaped, true);
  const dates = scanDates(withPlaceholders, span.start);

  return {
    span,
    type: node.type,
    placeholders,
    blanks,
    clauses: node.type === 'table' ? [] : findClauses(withPlaceholders, source, span, node.type, orderedItems),
    references,
    rawPercents: scanPercents(shaped, span.start, wholeBlockIsOneGroup ? () => 0 : sentenceOf),
    rawAmounts: scanAmounts(shaped, source, span.start),
    dates,
    choices: scanChoices(shaped, span.start),
    tickGroups: tickedGroups(scanTickGroups(withPlaceholders, around), span.start),
    partyMentions: scanPartyMentions(withPlaceholders, span.start),
    suppressions: scanSuppressions(source, span.start),
    issues,
    numberPairs: scanNumberPairs(shaped, span.start),
    durations: scanDurations(shaped, span.start, lineSentenceOf),
    periods: scanPeriods(withPlaceholders, span.start, dates, lineSentenceOf),
    entityNames: scanEntityNames(shaped, span.start),
    definedTerms: scanDefinedTerms(shaped, span.start),
    // Before blanks are masked: an empty label such as `甲方（盖章）：` is itself a gap, and still names its party.
    signatureLines: scanSignatureLines(withPlaceholders, span.start),
    preambleParties: node.type === 'heading' ? [] : scanPreambleParties(withPlaceholders, span.start),
  };
}

/**
 * CommonMark reads a line of underscores as a thematic break, but under
 * `甲方（盖章）：` or above `(Signature)` it is the line to sign on.
 */
function signatureLine(text: string, span: Span): Blank[] {
  const source = text.slice(span.start, span.end);
  const run = /[_＿](?:[ \t]*[_＿])*/.exec(source);
  if (!run || /[^_＿ \t]/.test(source)) return [];
  const start = span.start + run.index;
  const end = start + run[0].length;
  if (isSignatureLine(text, start, end))
    return [{ span: { start, end }, kind: 'underscore', style: 'signature-line', expects: undefined, label: labelBefore(text, start) }];
  // Indented four or more, it was never a rule: a blank line to write on, under a label above it.
  let lineStart = span.start;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  const indent = text.slice(lineStart, start);
  if (indent.length >= 4 || indent.includes('\t'))
    return [{ span: { start, end }, kind: 'underscore', style: 'underscore', expects: undefined, label: labelBefore(text, start) }];
  // A long line of underscores under `## 第七条 其他约定` is the space left to write the terms in;
  // a Markdown author's rule is `---` or a short `___`. (Under a colon line it is a signature line, above.)
  const heading = end - start >= MIN_WRITE_IN_LINE ? /^#{1,6}\s+(.*?)\s*#*$/.exec(nonBlankLineAbove(text, start)) : null;
  const label = heading?.[1]!.replace(/^第[一二三四五六七八九十百零\d]+条\s*/, '').slice(-24);
  if (label) return [{ span: { start, end }, kind: 'underscore', style: 'underscore', expects: undefined, label }];
  return [];
}

const MIN_WRITE_IN_LINE = 8;

function emptyBlock(span: Span, type: string): ExtractedBlock {
  return {
    span,
    type,
    placeholders: [],
    blanks: [],
    clauses: [],
    references: [],
    rawPercents: [],
    rawAmounts: [],
    dates: [],
    choices: [],
    tickGroups: [],
    partyMentions: [],
    suppressions: [],
    issues: [],
    numberPairs: [],
    durations: [],
    periods: [],
    entityNames: [],
    definedTerms: [],
    signatureLines: [],
    preambleParties: [],
  };
}

/**
 * One plain walk over the block: what to hide from the text scanners (code,
 * HTML, URLs), the clause references, and where ordered list items start.
 */
function collect(node: Nodes, text: string, offset: number, masks: Span[], references: ClauseReference[], orderedItems: Map<number, string>): void {
  const start = (node.position?.start.offset ?? 0) + offset;
  const end = (node.position?.end.offset ?? 0) + offset;
  switch (node.type) {
    case 'html':
      // `<<Party>>` is a template token, not the HTML tag `<Party>` inside angle brackets.
      if (text[start - 1] === '<' && text[end] === '>' && /^<[\p{L}_][\p{L}\p{N}_ .-]*>$/u.test(node.value)) return;
      masks.push({ start, end });
      return;
    case 'inlineCode':
    case 'code':
    case 'image':
    case 'imageReference':
    case 'definition':
      masks.push({ start, end });
      return;
    case 'link': {
      const children = node.children;
      const textStart = children.length > 0 ? children[0]!.position!.start.offset! + offset : text.indexOf('[', start) + 1;
      const textEnd = children.length > 0 ? children[children.length - 1]!.position!.end.offset! + offset : textStart;
      const isAutolink = children.length === 1 && children[0]!.type === 'text' && children[0].value === node.url;
      // The destination is never contract text; an autolink is all destination.
      masks.push(isAutolink ? { start, end } : { start: textEnd, end });
      if (node.url.startsWith('#') && node.url.length > 1) {
        const hash = text.indexOf('#', textEnd);
        const label = safeDecode(node.url.slice(1));
        references.push({
          span: { start, end },
          label,
          labelSpan: hash >= 0 && hash < end ? { start: hash + 1, end: Math.min(hash + 1 + node.url.length - 1, end) } : { start, end },
          text: text.slice(textStart, textEnd),
          textSpan: { start: textStart, end: textEnd },
        });
      }
      for (const child of children) collect(child, text, offset, masks, references, orderedItems);
      return;
    }
    case 'list':
      if (node.ordered) {
        for (const item of node.children) {
          const itemStart = item.position!.start.offset! + offset;
          orderedItems.set(itemStart, 'ordered');
        }
      }
      break;
    default:
      break;
  }
  if ('children' in node) {
    for (const child of node.children as Nodes[]) collect(child, text, offset, masks, references, orderedItems);
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const LIST_MARKER = /^(\d{1,9})([.)])[ \t]+/;
const BULLET = /^[-*+][ \t]+(?:\[[ xX]\][ \t]+)?/;

/** Numbered clauses: each line of the block that starts with a clause number. */
function findClauses(masked: string, source: string, span: Span, type: string, orderedItems: ReadonlyMap<number, string>): Clause[] {
  const clauses: Clause[] = [];
  let previousAlpha = 0;
  let previousLineWasClause = false;
  let lineNumber = -1;
  for (const line of linesIn(masked, 0, masked.length)) {
    lineNumber++;
    let pos = line.start;
    const lineText = () => masked.slice(pos, line.end);
    // Container prefixes: indentation, block quotes. Matched in place: slicing
    // the rest of the line per prefix is quadratic on a line of `> > > …`.
    for (;;) {
      CONTAINER_PREFIX.lastIndex = pos;
      const m = CONTAINER_PREFIX.exec(masked);
      if (!m || m[0].length === 0 || pos + m[0].length > line.end) break;
      pos += m[0].length;
    }
    let container: Clause['container'] = 'paragraph';
    if (type === 'heading') {
      const m = /^#{1,6}[ \t]+/.exec(lineText());
      if (m) pos += m[0].length;
      container = 'heading';
    }
    let marker: ReturnType<typeof matchClauseMarker>;
    if (orderedItems.has(span.start + pos)) {
      const m = LIST_MARKER.exec(lineText());
      if (m) {
        marker = {
          marker: m[1]! + m[2]!,
          number: m[1]!,
          numberOffset: 0,
          style: m[2] === '.' ? 'decimal' : 'arabic-half-paren',
          ordinal: Number(m[1]),
          path: [Number(m[1])],
          length: m[0].length,
        };
        container = 'listItem';
      }
    } else {
      const bullet = BULLET.exec(lineText());
      if (bullet) {
        pos += bullet[0].length;
        container = 'listItem';
      }
    }
    marker ??= matchClauseMarker(lineText(), previousAlpha);
    // A hard-wrapped paragraph can start a line with "(c)" or "2." by accident:
    // a continuation line is a clause only after another clause line, or in the
    // Chinese styles that are never produced by wrapping.
    const wrapped: boolean =
      type === 'paragraph' && lineNumber > 0 && !previousLineWasClause && marker !== undefined && !['cjk', 'cjk-paren', 'article'].includes(marker.style);
    previousLineWasClause = marker !== undefined && !wrapped;
    if (!marker || wrapped) continue;
    if (marker.style === 'alpha-paren') previousAlpha = marker.ordinal;
    const rest = masked.slice(pos + marker.length, line.end);
    const label = LABEL.exec(rest);
    const rawRest = source.slice(pos + marker.length, line.end);
    // Only the start of a long line can be a title; cleaning it all would cost more than the line.
    const titleText = (label ? rawRest.slice(0, label.index) : rawRest).replace(/[ \t]#+[ \t]*$/, '').slice(0, TITLE_SOURCE_LIMIT);
    const absolute = span.start + pos;
    clauses.push({
      span: { start: span.start + line.start, end: span.start + line.end },
      marker: marker.marker,
      markerSpan: { start: absolute, end: absolute + marker.marker.length },
      number: marker.number,
      numberSpan: { start: absolute + marker.numberOffset, end: absolute + marker.numberOffset + marker.number.length },
      style: marker.style,
      ordinal: marker.ordinal,
      path: marker.path,
      depth: 0,
      title: cleanTitle(titleText),
      label: label?.[1],
      labelSpan: label
        ? {
            start: absolute + marker.length + label.index + label[0].indexOf('{'),
            end: absolute + marker.length + label.index + label[0].indexOf('}') + 1,
          }
        : undefined,
      parent: undefined,
      container,
      sectionEnd: span.end,
    });
  }
  return clauses;
}

const TITLE_SOURCE_LIMIT = 480;

/** Outline titles read as plain text: emphasis markers and marker characters go. */
function cleanTitle(title: string): string {
  return title
    .replace(/(\*\*|__|\*)(.+?)\1/g, '$2')
    .replace(/[\uE000-\uE002]/g, '…')
    .trim()
    .slice(0, 120);
}

/**
 * Maps an index to the start of its sentence: after the last 。！？ or a full
 * stop followed by a space (and, `byLine`, a line break). Boundaries are found once, then looked up by binary search.
 */
function sentenceStarts(text: string, byLine = false): (index: number) => number {
  // Found on the first look-up: most blocks hold no percentage or duration to look up.
  let starts: number[] | undefined;
  return (index) => {
    starts ??= boundaries(text, byLine);
    return starts[lastAtOrBefore(starts, index)]!;
  };
}

function boundaries(text: string, byLine: boolean): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '。' || c === '！' || c === '？' || c === '!' || c === '?') starts.push(i + 1);
    // Facts that pair across clauses (a term, a deadline) end at a line: list items are clauses of their own.
    else if (byLine && (c === '\n' || c === '\r')) starts.push(i + 1);
    else if (c === '.' && /\s/.test(text[i + 1] ?? '') && (byLine || !/\d/.test(text[i - 1] ?? ''))) starts.push(i + 1);
  }
  return starts;
}
