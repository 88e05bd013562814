import type { BlockModel, Clause, ContractDocument, Placeholder, Span } from '../model.js';
import { extractBlock, type ExtractedBlock } from './block.js';
import type { FrontMatterModel } from '../frontMatter/readFrontMatter.js';
import { parseMarkdownStructure } from './markdown.js';
import { PARSE_STATE, RESOLVED, assemble, parseContract, parseMode, type ParseOptions } from './parseContract.js';
import { reparsePlainBlocks } from './plainChunks.js';
import { recordShift } from './blockOrigin.js';

/** One text change: replace `[start, end)` of the previous text with `text`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Blocks whose extent never depends on their neighbours; edits among them reparse locally. */
const SELF_CONTAINED = new Set(['paragraph', 'heading', 'thematicBreak', 'table']);
// Constructs that can reach past a blank line or change how distant text parses.
const REACHING = /^ {0,3}(?:```|~~~|<|\[[^\]\n]*\]:|[-+*] |\d{1,9}[.)] |>|---|\s{4})|\$\$/m;

/**
 * Applies one change and reparses only the top-level blocks it touched (with
 * one neighbour on each side), reusing every other block. Falls back to a full
 * parse whenever locality cannot be guaranteed: the front matter, code fences,
 * HTML, lists, block quotes or link definitions in reach. The result equals
 * `parseContract(newText)`; the tests hold it to that.
 */
export function reparseContract(previous: ContractDocument, change: TextChange, options?: ParseOptions): ContractDocument {
  return reparseWithChanges(previous, [change], options);
}

/**
 * Applies several changes in order, as an LSP `didChange` lists them, and
 * assembles the document once at the end.
 */
export function reparseWithChanges(previous: ContractDocument, changes: readonly TextChange[], options?: ParseOptions): ContractDocument {
  const state = PARSE_STATE.get(previous);
  let text = previous.text;
  const parseOptions = options ?? state?.options ?? {};
  let blocks: readonly ExtractedBlock[] | undefined = state && (options === undefined || options === state.options) ? state.blocks : undefined;
  for (const change of changes) {
    const next = text.slice(0, change.start) + change.text + text.slice(change.end);
    if (blocks && state?.plainIssues) blocks = reparsePlainBlocks(text, next, blocks, change, shiftBlock);
    else blocks = blocks && state ? reparseBlocks(text, next, state.frontMatter, blocks, change) : undefined;
    text = next;
  }
  // An edit across the Markdown limit changes how the whole text is read.
  if (!state || !blocks || parseMode(text, parseOptions) !== (state.plainIssues ? 'plain' : 'markdown')) return parseContract(text, parseOptions);
  if (blocks === state.blocks && text === previous.text) return previous;
  const doc = assemble(text, state.frontMatter, blocks, parseOptions, state.plainIssues ?? []);
  PARSE_STATE.set(doc, { frontMatter: state.frontMatter, blocks, options: parseOptions, plainIssues: state.plainIssues });
  return doc;
}

/**
 * The blocks of `text` (the previous text with `change` applied), reusing the
 * previous blocks outside the change; undefined when only a full parse is safe.
 */
function reparseBlocks(
  previousText: string,
  text: string,
  frontMatter: FrontMatterModel | undefined,
  blocks: readonly ExtractedBlock[],
  change: TextChange,
): readonly ExtractedBlock[] | undefined {
  const previous = { text: previousText };
  const full = () => undefined;
  const bodyStart = frontMatter ? frontMatter.frontMatter.span.end : previousText.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (change.start < bodyStart + 1 || blocks.length === 0) return full();

  // The touched blocks, widened by one block each side so merges and splits are seen.
  let first = blocks.findIndex((b) => b.span.end >= change.start);
  if (first < 0) first = blocks.length - 1;
  let last = first;
  while (last + 1 < blocks.length && blocks[last + 1]!.span.start <= change.end) last++;
  first = Math.max(0, first - 1);
  last = Math.min(blocks.length - 1, last + 1);
  // Grow the window until it starts and ends at blank lines: a heading right
  // after a paragraph line could otherwise turn into that paragraph's last line.
  const BLANK_BEFORE = /(?:^|\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)[ \t]*$/;
  for (
    let guard = 0;
    first > 0 && !BLANK_BEFORE.test(previous.text.slice(Math.max(bodyStart, blocks[first]!.span.start - 64), blocks[first]!.span.start));
    guard++
  ) {
    if (guard > 8) return full();
    first--;
  }
  for (
    let guard = 0;
    last + 1 < blocks.length && !BLANK_BEFORE.test(previous.text.slice(Math.max(0, blocks[last + 1]!.span.start - 64), blocks[last + 1]!.span.start));
    guard++
  ) {
    if (guard > 8) return full();
    last++;
  }
  for (let i = first; i <= last; i++) if (!SELF_CONTAINED.has(blocks[i]!.type)) return full();
  // Neighbours just outside the window must not be able to absorb it (a list swallowing a paragraph).
  if (first > 0 && !SELF_CONTAINED.has(blocks[first - 1]!.type)) return full();
  if (last + 1 < blocks.length && !SELF_CONTAINED.has(blocks[last + 1]!.type)) return full();

  const windowStart = first === 0 ? bodyStart : blocks[first]!.span.start;
  const oldWindowEnd = last === blocks.length - 1 ? previous.text.length : blocks[last + 1]!.span.start;
  const delta = change.text.length - (change.end - change.start);
  const newWindowEnd = oldWindowEnd + delta;
  if (change.end > oldWindowEnd) return full();
  const windowText = text.slice(windowStart, newWindowEnd);
  const oldWindowText = previous.text.slice(windowStart, oldWindowEnd);
  if (REACHING.test(windowText) || REACHING.test(oldWindowText) || /^\s*---/.test(windowText)) return full();
  // The window must end on a blank line (or the end of the text) so the next block starts afresh.
  if (newWindowEnd < text.length && !/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)[ \t]*$/.test(windowText)) return full();

  const fresh: ExtractedBlock[] = [];
  try {
    const tree = parseMarkdownStructure(windowText);
    for (const node of tree.children) {
      if (!SELF_CONTAINED.has(node.type)) return full();
      fresh.push(extractBlock(text, node, windowStart));
    }
  } catch {
    return full(); // a window nested too deeply: the full parse reports it
  }
  const after = blocks.slice(last + 1).map((b) => shiftBlock(b, delta));
  return [...blocks.slice(0, first), ...fresh, ...after];
}

/**
 * A copy of a block with every offset moved by `delta`, and of its resolved
 * model when it has one, so the assembler need not resolve it again. Both
 * share the shifted fact lists, as a freshly resolved model would. After an
 * edit near the start every later block passes through here: each copy is
 * made by `copy` (see there), and only spans and offsets are new objects.
 */
function shiftBlock(block: ExtractedBlock, delta: number): ExtractedBlock {
  if (delta === 0) return block;
  const shifted = copy(block);
  shifted.span = at(block.span, delta);
  shifted.placeholders = each(block.placeholders, delta, shiftPlaceholder);
  shifted.blanks = each(block.blanks, delta, (x, d) => (x.fill === undefined ? shiftSpanOnly(x, d) : with3(copy(x), x, d, 'span', 'fill')));
  shifted.clauses = each(block.clauses, delta, shiftClause);
  shifted.references = each(block.references, delta, (r, d) => with3(copy(r), r, d, 'span', 'labelSpan', 'textSpan'));
  shifted.rawPercents = each(block.rawPercents, delta, (p, d) => {
    const out = with3(copy(p), p, d, 'span', 'valueSpan');
    if (p.placeholderAt !== undefined) out.placeholderAt = p.placeholderAt + d;
    out.sentenceStart = p.sentenceStart + d;
    return out;
  });
  shifted.rawAmounts = each(block.rawAmounts, delta, shiftAmount);
  shifted.dates = each(block.dates, delta, shiftSpanOnly);
  shifted.choices = each(block.choices, delta, (c, d) => with3(copy(c), c, d, 'span', 'numberSpan'));
  shifted.partyMentions = each(block.partyMentions, delta, shiftSpanOnly);
  shifted.suppressions = each(block.suppressions, delta, shiftSpanOnly);
  shifted.issues = each(block.issues, delta, shiftSpanOnly);
  // Fact lists without their own mover above (and any added later) are shifted the generic way.
  const record = shifted as unknown as Record<string, unknown>;
  for (const key in block) {
    if (!HANDLED.has(key) && Array.isArray(record[key])) record[key] = shiftAny(record[key], delta);
  }
  const resolved = RESOLVED.get(block);
  if (resolved !== undefined) {
    // Built in the order the assembler builds a model: the block's keys without the raw lists, then the resolved ones.
    const model: Record<string, unknown> = {};
    for (const key in shifted) if (key !== 'rawPercents' && key !== 'rawAmounts') model[key] = (shifted as unknown as Record<string, unknown>)[key];
    model['percents'] = each(resolved.model.percents, delta, (p, d) => {
      const out = with3(copy(p), p, d, 'span', 'valueSpan');
      out.sentence = p.sentence + d;
      return out;
    });
    model['amounts'] = each(resolved.model.amounts, delta, shiftAmount);
    RESOLVED.set(shifted, { key: resolved.key, model: model as unknown as BlockModel });
    recordShift(model as unknown as BlockModel, resolved.model, delta);
  }
  return shifted;
}

const HANDLED = new Set([
  'placeholders',
  'blanks',
  'clauses',
  'references',
  'rawPercents',
  'rawAmounts',
  'dates',
  'choices',
  'partyMentions',
  'suppressions',
  'issues',
]);
const OFFSET_KEYS = new Set(['sentenceStart', 'placeholderAt', 'sectionEnd', 'sentence']);

/** Moves every span (an object of exactly `start` and `end`) and named offset in plain data; shares what holds none. */
function shiftAny(value: unknown, delta: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const moved = shiftAny(value[i], delta);
      if (moved !== value[i]) (out ??= value.slice())[i] = moved;
    }
    return out ?? value;
  }
  const record = value as Record<string, unknown>;
  if (isSpan(record)) return { start: record['start'] + delta, end: record['end'] + delta };
  let out: Record<string, unknown> | undefined;
  for (const key in record) {
    const v = record[key];
    const moved = typeof v === 'number' ? (OFFSET_KEYS.has(key) ? v + delta : v) : shiftAny(v, delta);
    if (moved !== v) (out ??= copy(record))[key] = moved;
  }
  return out ?? record;
}

function isSpan(record: Record<string, unknown>): record is { start: number; end: number } {
  if (typeof record['start'] !== 'number' || typeof record['end'] !== 'number') return false;
  let keys = 0;
  for (const _ in record) if (++keys > 2) return false;
  return true;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A shallow copy made key by key. Unlike `{ ...o }` (whose copies of copies
 * each get a new hidden class in V8, so that after a few keystrokes every
 * check reading them slowed down), this gives every copy of a kind of fact the
 * same shape; unlike a literal listing the fields, it keeps fields added later.
 */
function copy<T extends object>(o: T): Mutable<T> {
  const out = {} as Record<string, unknown>;
  for (const key in o) out[key] = (o as Record<string, unknown>)[key];
  return out as Mutable<T>;
}

function at(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

function each<T>(list: readonly T[], delta: number, move: (item: T, delta: number) => T): T[] {
  if (list.length === 0) return list as T[];
  const out = new Array<T>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = move(list[i]!, delta);
  return out;
}

/** Moves the named spans (those present) of `out`, a copy of `from`. */
function with3<T extends object>(out: Mutable<T>, from: T, d: number, ...keys: string[]): Mutable<T> {
  const target = out as Record<string, unknown>;
  for (const key of keys) {
    const span = (from as Record<string, unknown>)[key] as Span | undefined;
    if (span !== undefined) target[key] = at(span, d);
  }
  return out;
}

function shiftSpanOnly<T extends { readonly span: Span }>(x: T, d: number): T {
  const out = copy(x);
  out.span = at(x.span, d);
  return out as T;
}

function shiftPlaceholder(p: Placeholder, d: number): Placeholder {
  return with3(copy(p), p, d, 'span', 'nameSpan', 'typeSpan', 'filterSpan');
}

function shiftClause(c: Clause, d: number): Clause {
  const out = with3(copy(c), c, d, 'span', 'markerSpan', 'numberSpan', 'labelSpan');
  out.sectionEnd = c.sectionEnd + d;
  return out;
}

function shiftAmount<T extends { readonly span: Span; readonly figureSpan: Span; readonly words: { readonly span: Span } | undefined }>(a: T, d: number): T {
  const out = with3(copy(a), a, d, 'span', 'figureSpan') as Mutable<T>;
  if (a.words !== undefined) out.words = with3(copy(a.words), a.words, d, 'span') as T['words'];
  return out as T;
}
