import type { BlockModel, ContractDocument } from '../model.js';
import { CONTEXT_REACH, extractBlock, markReadsAround, readsAround, type ExtractedBlock } from './block.js';
import type { FrontMatterModel } from '../frontMatter/readFrontMatter.js';
import { closedFrontMatterEnd, parseMarkdownStructure } from './markdown.js';
import { PARSE_STATE, RESOLVED, assemble, parseContract, parseMode, type ParseOptions } from './parseContract.js';
import { firstIndex, reparsePlainBlocks } from './plainChunks.js';
import { recordShift } from './blockOrigin.js';
import { recordLastEdit } from './lastEdit.js';
import {
  at,
  each,
  moveAmount,
  moveBlank,
  moveChoice,
  moveClause,
  moveDate,
  moveDefinedTerm,
  moveDuration,
  moveEntityName,
  moveIssue,
  moveNumberPair,
  movePartyMention,
  movePercent,
  movePeriod,
  movePlaceholder,
  movePreambleParty,
  moveRawAmount,
  moveRawPercent,
  moveReference,
  moveSignatureLine,
  moveSuppression,
  moveTickGroup,
  type Every,
} from './moveFacts.js';

/** One text change: replace `[start, end)` of the previous text with `text`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Blocks whose extent never depends on their neighbours; edits among them reparse locally. */
const SELF_CONTAINED = new Set(['paragraph', 'heading', 'thematicBreak', 'table']);
/**
 * Blocks an edit reparses locally, in a window that no list borders and whose
 * next block starts its line: a list then ends where it ended, as the items of
 * numbered clauses (`1.`, `2.`) in most contracts do.
 */
const LOCAL = new Set([...SELF_CONTAINED, 'list']);
// Constructs that can reach past a blank line or change how distant text parses.
// (Indented lines are not among them: code blocks are only fenced in a contract, and a list that could take
// them in is inside the window or borders none.)
const REACHING = /^ {0,3}(?:```|~~~|<|\[[^\]\n]*\]:|>|---)|\$\$/m;
const REACHING_OR_LIST = /^ {0,3}(?:```|~~~|<|\[[^\]\n]*\]:|[-+*] |\d{1,9}[.)] |>|---|\s{4})|\$\$/m;
const OPENING_FENCE = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n|$)/;
/** How many blocks the window may grow by to find its edges; past that, the whole text is parsed again. */
const WINDOW_GROWTH = 16;

/** Whether `offset` is the first character of its line. */
function startsLine(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  return offset === 0 || previous === 0x0a || previous === 0x0d || previous === 0xfeff;
}

/**
 * Applies one change and reparses only the top-level blocks it touched (with
 * those whose context it reaches, and one neighbour on each side), reusing every other block. Falls back to a full
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
    if (blocks && state?.plainIssues)
      blocks = plainFrontMatterKept(text, next, state.frontMatter, change)
        ? reparsePlainBlocks(text, next, blocks, change, shiftBlock, state.frontMatter?.frontMatter.span.end)
        : undefined;
    else blocks = blocks && state ? reparseBlocks(text, next, state.frontMatter, blocks, change) : undefined;
    text = next;
  }
  // An edit across the Markdown limit changes how the whole text is read.
  if (!state || !blocks || parseMode(text, parseOptions) !== (state.plainIssues ? 'plain' : 'markdown')) return parseContract(text, parseOptions);
  if (blocks === state.blocks && text === previous.text) return previous;
  // The blocks before the first edited one are the previous document's own objects: its lists for them are reused.
  let keep = 0;
  while (keep < blocks.length && keep < state.blocks.length && blocks[keep] === state.blocks[keep]) keep++;
  const doc = assemble(text, state.frontMatter, blocks, parseOptions, state.plainIssues ?? [], { doc: previous, keep });
  PARSE_STATE.set(doc, { frontMatter: state.frontMatter, blocks, options: parseOptions, plainIssues: state.plainIssues });
  if (changes.length === 1) recordLastEdit(doc, previous.text, changes[0]!);
  return doc;
}

/**
 * Whether a change leaves the plain reading's front matter as it was: it must
 * start after the front matter, or after the first line when there is none
 * (where a `---` would open one), and must not close one left open.
 */
function plainFrontMatterKept(previousText: string, text: string, frontMatter: FrontMatterModel | undefined, change: TextChange): boolean {
  const offset = previousText.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (frontMatter !== undefined) return change.start > frontMatter.frontMatter.span.end;
  const head = previousText.slice(offset, offset + FIRST_LINE_READ);
  const lineBreak = head.search(/[\r\n]/);
  if (change.start <= offset + (lineBreak < 0 ? head.length : lineBreak)) return false;
  // Past what is read of a long first line, an edit could still shorten `---` and spaces to a fence.
  if (lineBreak < 0 && /^---[ \t]*$/.test(head)) return false;
  return closedFrontMatterEnd(text, offset) === 0;
}

// A first line longer than this is no fence; reading no further keeps the test constant.
const FIRST_LINE_READ = 256;

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
  // A `---` that opens no front matter makes remark-frontmatter read every later list and block quote as a
  // paragraph (micromark-extension-frontmatter): only a full parse reads lists as it does then.
  const local = frontMatter === undefined && OPENING_FENCE.test(previousText) ? SELF_CONTAINED : LOCAL;
  const reaching = local === LOCAL ? REACHING : REACHING_OR_LIST;
  if (change.start < bodyStart + 1 || blocks.length === 0) return full();

  // The blocks the change touches, and those near it (CONTEXT_REACH characters
  // each side, across any short block between) whose facts read the text
  // around them; widened by one block each side so merges and splits are seen.
  let first = firstIndex(blocks, (b) => b.span.end >= change.start);
  if (first >= blocks.length) first = blocks.length - 1;
  let last = Math.max(first, firstIndex(blocks, (b) => b.span.start > change.end) - 1);
  for (let i = first - 1; i >= 0 && blocks[i]!.span.end + CONTEXT_REACH >= change.start; i--) if (readsAround(blocks[i]!)) first = i;
  for (let i = last + 1; i < blocks.length && blocks[i]!.span.start - CONTEXT_REACH <= change.end; i++) if (readsAround(blocks[i]!)) last = i;
  first = Math.max(0, first - 1);
  last = Math.min(blocks.length - 1, last + 1);
  // Grow the window until nothing outside it can merge with what the edit makes
  // of it: it starts and ends at blank lines (a heading right after a paragraph
  // line could otherwise turn into that paragraph's last line), no list stands
  // next to it (a list takes in an item of its kind after a blank line), and the
  // block after it starts its line (an indented one can belong to a list item).
  const BLANK_BEFORE = /(?:^|\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)[ \t]*$/;
  const blankBefore = (block: ExtractedBlock) => BLANK_BEFORE.test(previous.text.slice(Math.max(bodyStart, block.span.start - 64), block.span.start));
  for (let guard = 0; ; guard++) {
    const before = first > 0 ? blocks[first - 1]! : undefined;
    const after = last + 1 < blocks.length ? blocks[last + 1]! : undefined;
    const growFirst = before !== undefined && (!blankBefore(blocks[first]!) || before.type === 'list');
    const growLast = after !== undefined && (!blankBefore(after) || after.type === 'list' || !startsLine(previous.text, after.span.start));
    if (!growFirst && !growLast) break;
    if (guard > WINDOW_GROWTH) return full();
    if (growFirst) first--;
    if (growLast) last++;
  }
  for (let i = first; i <= last; i++) if (!local.has(blocks[i]!.type)) return full();
  // Neighbours just outside the window must not be able to absorb it (a block quote taking in a paragraph).
  if (first > 0 && !SELF_CONTAINED.has(blocks[first - 1]!.type)) return full();
  if (last + 1 < blocks.length && !SELF_CONTAINED.has(blocks[last + 1]!.type)) return full();

  const windowStart = first === 0 ? bodyStart : blocks[first]!.span.start;
  const oldWindowEnd = last === blocks.length - 1 ? previous.text.length : blocks[last + 1]!.span.start;
  const delta = change.text.length - (change.end - change.start);
  const newWindowEnd = oldWindowEnd + delta;
  if (change.end > oldWindowEnd) return full();
  const windowText = text.slice(windowStart, newWindowEnd);
  const oldWindowText = previous.text.slice(windowStart, oldWindowEnd);
  if (reaching.test(windowText) || reaching.test(oldWindowText) || /^\s*---/.test(windowText)) return full();
  // The window must end on a blank line (or the end of the text) so the next block starts afresh.
  if (newWindowEnd < text.length && !/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)[ \t]*$/.test(windowText)) return full();

  const fresh: ExtractedBlock[] = [];
  try {
    const tree = parseMarkdownStructure(windowText);
    for (const node of tree.children) {
      if (!local.has(node.type)) return full();
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
 * share the moved fact lists, as a freshly resolved model would. After an
 * edit near the start every later block passes through here, so each kind of
 * fact has its own mover (see moveFacts.ts) rather than a generic walk.
 */
function shiftBlock(block: ExtractedBlock, delta: number): ExtractedBlock {
  if (delta === 0) return block;
  const d = delta;
  const placeholders = each(block.placeholders, d, movePlaceholder);
  const blanks = each(block.blanks, d, moveBlank);
  const clauses = each(block.clauses, d, moveClause);
  const references = each(block.references, d, moveReference);
  const dates = each(block.dates, d, moveDate);
  const choices = each(block.choices, d, moveChoice);
  const tickGroups = each(block.tickGroups, d, moveTickGroup);
  const partyMentions = each(block.partyMentions, d, movePartyMention);
  const suppressions = each(block.suppressions, d, moveSuppression);
  const issues = each(block.issues, d, moveIssue);
  const numberPairs = each(block.numberPairs, d, moveNumberPair);
  const durations = each(block.durations, d, moveDuration);
  const periods = each(block.periods, d, movePeriod);
  const entityNames = each(block.entityNames, d, moveEntityName);
  const definedTerms = each(block.definedTerms, d, moveDefinedTerm);
  const signatureLines = each(block.signatureLines, d, moveSignatureLine);
  const preambleParties = each(block.preambleParties, d, movePreambleParty);
  const span = at(block.span, d);
  // In the order extractBlock lists them, so a moved block reads as a fresh one would.
  const shifted: Every<ExtractedBlock> = {
    span,
    type: block.type,
    placeholders,
    blanks,
    clauses,
    references,
    rawPercents: each(block.rawPercents, d, moveRawPercent),
    rawAmounts: each(block.rawAmounts, d, moveRawAmount),
    dates,
    choices,
    tickGroups,
    partyMentions,
    suppressions,
    issues,
    numberPairs,
    durations,
    periods,
    entityNames,
    definedTerms,
    signatureLines,
    preambleParties,
  };
  if (readsAround(block)) markReadsAround(shifted);
  const resolved = RESOLVED.get(block);
  if (resolved !== undefined) {
    // In the order the assembler builds a model: the block's facts without the raw lists, then the resolved ones.
    const model: Every<BlockModel> = {
      span,
      type: block.type,
      placeholders,
      blanks,
      clauses,
      references,
      dates,
      choices,
      tickGroups,
      partyMentions,
      suppressions,
      issues,
      numberPairs,
      durations,
      periods,
      entityNames,
      definedTerms,
      signatureLines,
      preambleParties,
      percents: each(resolved.model.percents, d, movePercent),
      amounts: each(resolved.model.amounts, d, moveAmount),
    };
    RESOLVED.set(shifted, { key: resolved.key, model });
    recordShift(model, resolved.model, d);
  }
  return shifted;
}
