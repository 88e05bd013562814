import type { Root, RootContent } from 'mdast';
import type {
  AmountMention,
  Blank,
  BlockModel,
  Clause,
  ContractDocument,
  ContractFacts,
  Field,
  FieldValue,
  Locale,
  ParseIssue,
  PercentMention,
  Placeholder,
  SignatureLine,
  Span,
} from '../model.js';
import { resolveLocale } from '../i18n/messages.js';
import { INPUT_LIMIT_TEXT, exceedsInputLimit } from '../limits.js';
import { extractBlock, type ExtractedBlock } from './block.js';
import { emptyMeta, readDataValues, readFrontMatter, type FrontMatterModel } from '../frontMatter/readFrontMatter.js';
import { closedFrontMatterEnd, parseMarkdownStructure } from './markdown.js';
import { parseTypedValue } from '../values/parseTypedValue.js';
import { numericValue } from '../values/numericValue.js';
import { NESTING_LIMIT, nestsTooDeep } from './nesting.js';
import { typeFromLabel } from './scan/gapStyles.js';
import { plainBlocks } from './plainChunks.js';
import { copyClause, each, moveAmount, movePercent } from './moveFacts.js';
import { movedModel, pushFacts, relisted, type FactLists, type ModelShell } from './movedModels.js';
import { readNow, startOf, type ReadBlocks } from './readBlocks.js';
import { recordShift } from './blockOrigin.js';
import { bodyWindows, closedAtItsEnd } from './bodyWindows.js';

export interface ParseOptions {
  /** Forces the locale messages are written in; otherwise the contract's own, else a guess. */
  readonly locale?: Locale | undefined;
  /**
   * Reads the data file a contract names in `data:` (relative to the contract).
   * The core does no I/O: the CLI and the server pass their own reader, which
   * decides what a contract may read (see docs/security.md).
   */
  readonly readDataFile?: ((path: string) => DataFileRead) | undefined;
  /**
   * False for a clause body or snippet, a fragment of a Clausemark contract
   * whose `{{…}}` are placeholders although it has no front matter of its own.
   */
  readonly foreignTemplates?: boolean | undefined;
  /** Where Markdown is skipped (`MARKDOWN_LIMIT` unless given): tests lower it to read small texts as plain chunks. */
  readonly markdownLimit?: number | undefined;
  /** How long a window of the body grows before it is cut (`MARKDOWN_WINDOW` unless given): tests shorten it to cut small texts. */
  readonly markdownWindow?: number | undefined;
}

/** Why a reader declined to read a data file, each said to the user in its own words. */
export type DataFileRefusal = 'untrusted' | 'outside' | 'notFile' | 'tooLarge';

/** A data file's text, undefined when it cannot be read, or the reason it was not read. */
export type DataFileRead = string | undefined | { readonly refused: DataFileRefusal };

/**
 * Above this many UTF-16 units the Markdown parser is skipped: remark's cost
 * grows faster than the input (≈2 s per MB here), and a 10 MB paste must not
 * freeze an editor. The text scanners still run; a `document-limits` note says so.
 */
export const MARKDOWN_LIMIT = 2_000_000;

/** Parses a contract into its typed model. Never throws on any input. */
export function parseContract(text: string, options: ParseOptions = {}): ContractDocument {
  if (exceedsInputLimit(text.length)) return readWhole(overLimitDocument(text, options), options);
  if (text.includes('\u0000')) {
    return readWhole(assemble(text, undefined, readNow([]), options, [limitIssue(text, 'binary')]), options);
  }
  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = offset ? text.slice(1) : text;
  const whole = {
    type: 'paragraph',
    children: [],
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: body.length } },
  } as RootContent;
  const limit = parseMode(text, options) === 'plain' ? 'tooLarge' : nestsTooDeep(body) ? 'tooDeep' : undefined;
  // Read without Markdown, the front matter still declares the fields and parties the text refers to.
  const plainFrontMatter = limit === 'tooLarge' ? frontMatterOf(text, offset) : undefined;
  const chunks = limit === 'tooLarge' ? plainBlocks(text, plainFrontMatter?.frontMatter.span.end ?? offset, text.length) : undefined;
  if (chunks !== undefined) {
    const plainIssues = [limitIssue(text, 'tooLarge', options)];
    const read = readNow(chunks);
    const doc = assemble(text, plainFrontMatter, read, options, plainIssues);
    PARSE_STATE.set(doc, { frontMatter: plainFrontMatter, read, options, plainIssues });
    return doc;
  }
  if (limit !== undefined) {
    return readWhole(assemble(text, undefined, readNow([extractBlock(text, whole, offset)]), options, [limitIssue(text, limit, options)]), options);
  }
  let bodyRead: BodyRead;
  try {
    bodyRead = readWindows(text, body, offset, bodyWindows(body, options.markdownWindow));
  } catch {
    // Thousands of nested quotes or emphasis markers overflow the stack of the
    // recursive tree tools (remark-gfm's transforms, our own walk): read the text plainly.
    return readWhole(assemble(text, undefined, readNow([extractBlock(text, whole, offset)]), options, [limitIssue(text, 'tooDeep')]), options);
  }
  const { frontMatter, blocks } = bodyRead;
  const read = readNow(blocks);
  const doc = assemble(text, frontMatter, read, options, []);
  PARSE_STATE.set(doc, { frontMatter, read, options });
  return doc;
}

interface BodyRead {
  readonly frontMatter: FrontMatterModel | undefined;
  readonly blocks: ExtractedBlock[];
}

/**
 * The front matter and blocks of `body` (`text` past its BOM, `offset` long),
 * each window parsed on its own, or with the next ones while its last block
 * may still be open. Those are taken in twice as many each time: a fence
 * typed above the rest of a long contract and left open runs to its end, and
 * reading it again one window longer each time made that keystroke quadratic
 * (6.6 s at 300 KB); doubling reads it at most about twice. `parse` is for tests.
 */
export function readWindows(
  text: string,
  body: string,
  offset: number,
  windows: ReadonlyArray<readonly [number, number]>,
  parse: (source: string) => Root = parseMarkdownStructure,
): BodyRead {
  let frontMatter: FrontMatterModel | undefined;
  const blocks: ExtractedBlock[] = [];
  for (let w = 0; w < windows.length; w++) {
    const start = windows[w]![0];
    let source = start === 0 && windows.length === 1 ? body : body.slice(start, windows[w]![1]);
    let tree = parse(source);
    for (let more = 1; w + 1 < windows.length && !closedAtItsEnd(tree.children[tree.children.length - 1], source); more *= 2) {
      w = Math.min(windows.length - 1, w + more);
      source = body.slice(start, windows[w]![1]);
      tree = parse(source);
    }
    for (const node of tree.children) {
      if (node.type === 'yaml' && frontMatter === undefined && start === 0 && node.position?.start.offset === 0) {
        frontMatter = readFrontMatter(text, { start: offset, end: node.position.end.offset! + offset });
        continue;
      }
      blocks.push(extractBlock(text, node, offset + start));
    }
  }
  return { frontMatter, blocks };
}

/**
 * A document read whole, as binary data, too large or too deep: no block of
 * it can be reused, so its state has none and the next edit parses the text
 * again, with the options this one was read with (a data file reader, a
 * locale), not without them.
 */
function readWhole(doc: ContractDocument, options: ParseOptions): ContractDocument {
  PARSE_STATE.set(doc, { frontMatter: undefined, read: readNow([]), options });
  return doc;
}

/** What an incremental reparse needs from the previous parse (see `reparseContract`). */
export interface ParseState {
  readonly frontMatter: FrontMatterModel | undefined;
  /** The blocks as they were read, and how far each has moved since. */
  readonly read: ReadBlocks;
  readonly options: ParseOptions;
  /** Set when the body was read as plain chunks (see `plainChunks.ts`): the issues that say so. */
  readonly plainIssues?: readonly ParseIssue[] | undefined;
}

/**
 * How `parseContract` reads a text: not at all (over the input limit), as plain
 * chunks (over the Markdown limit), or with its Markdown structure.
 */
/** The front matter that opens the body at `offset`, found as remark-frontmatter finds it; undefined without a closed one. */
function frontMatterOf(text: string, offset: number): FrontMatterModel | undefined {
  const end = closedFrontMatterEnd(text, offset);
  return end === 0 ? undefined : readFrontMatter(text, { start: offset, end });
}

export function parseMode(text: string, options: ParseOptions): 'over' | 'plain' | 'markdown' {
  if (exceedsInputLimit(text.length)) return 'over';
  const bodyLength = text.length - (text.charCodeAt(0) === 0xfeff ? 1 : 0);
  return bodyLength > (options.markdownLimit ?? MARKDOWN_LIMIT) ? 'plain' : 'markdown';
}

/** Kept beside each fully parsed document, so the model type itself stays plain data. */
export const PARSE_STATE = new WeakMap<ContractDocument, ParseState>();

/**
 * A document too large to look at: no blocks, no front matter, no data file,
 * one `document-limits` issue. The language is guessed from the first
 * characters only; everything else would be per-character work on the whole.
 */
export function overLimitDocument(text: string, options: ParseOptions): ContractDocument {
  const issue: ParseIssue = { span: { start: 0, end: 0 }, code: 'document-limits', key: 'overLimit', args: { limit: INPUT_LIMIT_TEXT } };
  const empty = assemble('', undefined, readNow([]), { locale: options.locale ?? 'en' }, [issue]);
  const head = text.slice(0, 4096);
  return { ...empty, text, locale: resolveLocale(options.locale, undefined, head), contractLocale: resolveLocale(undefined, undefined, head) };
}

/** Whether a document was too large to be checked at all (see `overLimitDocument`). */
export function isOverLimit(doc: ContractDocument): boolean {
  return doc.issues.some((issue) => issue.code === 'document-limits' && issue.key === 'overLimit');
}

function limitIssue(text: string, key: string, options: ParseOptions = {}): ParseIssue {
  return {
    span: { start: 0, end: Math.min(text.length, 1) },
    code: 'document-limits',
    key,
    args: { limit: key === 'tooDeep' ? NESTING_LIMIT : (options.markdownLimit ?? MARKDOWN_LIMIT) },
  };
}

/**
 * Builds the document from its front matter and blocks. Kept separate from
 * block extraction so an edit can replace a few blocks and re-assemble.
 */
export function assemble(
  text: string,
  frontMatter: FrontMatterModel | undefined,
  read: ReadBlocks,
  options: ParseOptions,
  extraIssues: readonly ParseIssue[],
  previous?: Unchanged,
): ContractDocument {
  let blocks = read.blocks;
  const deltas = read.deltas;
  const meta = frontMatter?.meta ?? emptyMeta();
  const parties = frontMatter?.parties ?? [];
  const issues: ParseIssue[] = [...extraIssues, ...(frontMatter?.issues ?? [])];
  const foreign = frontMatter === undefined && options.foreignTemplates !== false && !writtenForClausemark(text, blocks);
  if (foreign) blocks = blocks.map((block, i) => foreignSlotsAsGaps(text, block, deltas[i]!));
  const before = previous === undefined ? undefined : ASSEMBLY.get(previous.doc);
  // The previous document's lists are reused for its first `keep` blocks only when they were read the same way.
  const reuse =
    before !== undefined && before.foreign === foreign && previous!.keep > 0
      ? { ...before, doc: previous!.doc, keep: previous!.keep, tail: previous!.tail }
      : undefined;
  const keep = reuse?.keep ?? 0;
  const counts = reuse === undefined ? undefined : countFacts(reuse.doc, reuse.keep, reuse.leadIssues);
  // Every list but the percentages and amounts (resolved below): the unchanged blocks' part is the previous
  // document's, and the later blocks' facts are added on, those of the moved blocks moved into their models on the way.
  const facts = factPrefixes(reuse === undefined ? undefined : { ...reuse, counts: counts! });
  const shells: Array<ModelShell | undefined> = [];
  for (let i = keep; i < blocks.length; i++) {
    const d = deltas[i]!;
    if (d === 0) {
      pushFacts(blocks[i]!, facts);
      shells.push(undefined);
    } else shells.push(movedModel(blocks[i]!, d, facts));
  }
  const placeholders = facts.placeholders;

  const dataValues = loadData(meta.dataFile, options, frontMatter, issues);
  const valueContext = {
    partyKeys: parties.map((p) => p.key),
    partyNames: parties.flatMap((p) => (p.name ? [p.name] : [])),
  };
  const valueFor = (field: Field): FieldValue | undefined => {
    const data = dataValues.get(field.name);
    const listed = frontMatter?.values.get(field.name);
    const raw = data ?? listed?.raw ?? field.value?.raw;
    if (raw === undefined) return undefined;
    const source = data !== undefined ? 'data' : 'front-matter';
    const span = data !== undefined ? undefined : (listed?.span ?? field.value?.span);
    if (data === undefined && listed === undefined && field.value) return field.value;
    return {
      raw,
      parsed: parseTypedValue(field.type, raw, { ...valueContext, options: field.options, currency: field.currency ?? meta.currency }),
      span,
      source,
    };
  };

  const declarationsInOrder: Field[] = [];
  for (const field of frontMatter?.declarations ?? []) declarationsInOrder.push({ ...field, value: valueFor(field) });
  for (const p of placeholders) {
    if (p.inlineType === undefined) continue;
    const inline: Field = {
      name: p.name,
      type: p.inlineType,
      declaration: p.nameSpan,
      declarationSpan: p.span,
      declaredIn: 'inline',
      value: undefined,
      options: p.options,
      group: undefined,
      currency: meta.currency,
      description: undefined,
    };
    declarationsInOrder.push({ ...inline, value: valueFor(inline) });
  }
  const declarations = new Map<string, Field[]>();
  const fields = new Map<string, Field>();
  for (const field of declarationsInOrder) {
    if (!declarations.has(field.name)) declarations.set(field.name, []);
    declarations.get(field.name)!.push(field);
    if (!fields.has(field.name)) fields.set(field.name, field);
  }

  const key = resolutionKey(fields);
  const reads = fieldReads(fields);
  // The unchanged blocks' models, resolved against the same field values, are the previous document's.
  const kept = reuse !== undefined && reuse.key === key ? reuse.keep : 0;
  const blockModels: BlockModel[] = kept > 0 ? reuse!.doc.blocks.slice(0, kept) : [];
  if (kept < keep) {
    // Resolved anew from the first block: only the percentages and amounts differ.
    facts.percents = [];
    facts.amounts = [];
  }
  for (let i = kept; i < blocks.length; i++) {
    const b = blocks[i]!;
    const d = deltas[i]!;
    // The model where the block was read, resolved once for as long as the block is only moved.
    let origin = RESOLVED.get(b);
    if (origin !== undefined && origin.key !== key && origin.read === reads(origin.names).read) origin.key = key;
    if (origin === undefined || origin.key !== key) {
      const placeholderAt = placeholdersByStart(b);
      const names: string[] = [];
      const valueOf = (name: string | undefined) => {
        if (name === undefined) return undefined;
        names.push(name);
        return fields.get(name)?.value?.parsed;
      };
      const model = {
        ...stripRaw(b),
        percents: b.rawPercents.map((raw) => resolvePercent(raw, placeholderAt, valueOf)),
        amounts: b.rawAmounts.map((raw) => resolveAmount(raw, placeholderAt, valueOf)),
      };
      RESOLVED.set(b, (origin = { key, model, ...reads(names) }));
    }
    let model = origin.model;
    if (d !== 0) {
      // The previous document's model of an unchanged block already stands here, its facts moved.
      const shell = i < keep ? relisted(reuse!.doc.blocks[i]!) : shells[i - keep]!;
      shell.percents = each(model.percents, d, movePercent);
      shell.amounts = each(model.amounts, d, moveAmount);
      recordShift(shell, model, d);
      model = shell;
    }
    blockModels.push(model);
    for (const p of model.percents) facts.percents.push(p);
    for (const a of model.amounts) facts.amounts.push(a);
  }
  const same = kept > 0 ? { ...reuse!, counts: counts! } : undefined;
  const clauses = nestedClauses(facts.clauses, counts?.clauses ?? 0, text);
  const signature = findSignatureStart(text, { blocks, deltas }, facts.signatureLines[0], same);

  const doc: ContractDocument = {
    text,
    frontMatter: frontMatter?.frontMatter,
    meta,
    parties,
    fields,
    declarations,
    groups: frontMatter?.groups ?? [],
    blocks: blockModels,
    placeholders,
    blanks: facts.blanks,
    clauses,
    references: facts.references,
    percents: facts.percents,
    amounts: facts.amounts,
    dates: facts.dates,
    choices: facts.choices,
    tickGroups: facts.tickGroups,
    partyMentions: facts.partyMentions,
    suppressions: facts.suppressions,
    issues: issues.length === 0 ? facts.issues : [...issues, ...facts.issues],
    numberPairs: facts.numberPairs,
    durations: facts.durations,
    periods: facts.periods,
    entityNames: facts.entityNames,
    definedTerms: facts.definedTerms,
    signatureLines: facts.signatureLines,
    preambleParties: facts.preambleParties,
    signatureStart: signature.start,
    locale: resolveLocale(options.locale, meta.locale, text),
    contractLocale: resolveLocale(undefined, meta.locale, text),
  };
  ASSEMBLY.set(doc, { foreign, key, leadIssues: issues.length, signatureHeading: signature.heading });
  return doc;
}

/**
 * The previous version of a document, whose first `keep` blocks are the very
 * objects the new one starts with, where they were, and whose last `tail`
 * blocks are those it ends with, moved or not.
 */
export interface Unchanged {
  readonly doc: ContractDocument;
  readonly keep: number;
  readonly tail: number;
}

/**
 * How a document was assembled, for the next version to reuse what only its
 * unchanged first blocks decided: whether its blocks were read as foreign
 * templates, the field values their amounts were resolved against, how many
 * issues come before the blocks' own, and which block opens the signature page.
 */
interface Assembly {
  readonly foreign: boolean;
  readonly key: string;
  readonly leadIssues: number;
  readonly signatureHeading: number;
}

const ASSEMBLY = new WeakMap<ContractDocument, Assembly>();

type FactKey = keyof ContractFacts;

/**
 * How many facts of each kind the first `keep` blocks of `doc` hold: where
 * their part of each document list ends. Counted over the blocks before
 * `keep` or, when fewer, those after it, taken from each list's length.
 * Each list named in full, as a key read through a variable is several times
 * slower over thousands of blocks.
 */
function countFacts(doc: ContractDocument, keep: number, leadIssues: number): Record<FactKey, number> {
  const blocks = doc.blocks;
  const fromEnd = keep > blocks.length - keep;
  const c = countBetween(blocks, fromEnd ? keep : 0, fromEnd ? blocks.length : keep);
  if (!fromEnd) return c;
  return {
    placeholders: doc.placeholders.length - c.placeholders,
    blanks: doc.blanks.length - c.blanks,
    clauses: doc.clauses.length - c.clauses,
    references: doc.references.length - c.references,
    percents: doc.percents.length - c.percents,
    amounts: doc.amounts.length - c.amounts,
    dates: doc.dates.length - c.dates,
    choices: doc.choices.length - c.choices,
    tickGroups: doc.tickGroups.length - c.tickGroups,
    partyMentions: doc.partyMentions.length - c.partyMentions,
    suppressions: doc.suppressions.length - c.suppressions,
    issues: doc.issues.length - leadIssues - c.issues,
    numberPairs: doc.numberPairs.length - c.numberPairs,
    durations: doc.durations.length - c.durations,
    periods: doc.periods.length - c.periods,
    entityNames: doc.entityNames.length - c.entityNames,
    definedTerms: doc.definedTerms.length - c.definedTerms,
    signatureLines: doc.signatureLines.length - c.signatureLines,
    preambleParties: doc.preambleParties.length - c.preambleParties,
  };
}

function countBetween(blocks: readonly BlockModel[], from: number, to: number): Record<FactKey, number> {
  const c: Record<FactKey, number> = {
    placeholders: 0,
    blanks: 0,
    clauses: 0,
    references: 0,
    percents: 0,
    amounts: 0,
    dates: 0,
    choices: 0,
    tickGroups: 0,
    partyMentions: 0,
    suppressions: 0,
    issues: 0,
    numberPairs: 0,
    durations: 0,
    periods: 0,
    entityNames: 0,
    definedTerms: 0,
    signatureLines: 0,
    preambleParties: 0,
  };
  for (let i = from; i < to; i++) {
    const b = blocks[i]!;
    c.placeholders += b.placeholders.length;
    c.blanks += b.blanks.length;
    c.clauses += b.clauses.length;
    c.references += b.references.length;
    c.percents += b.percents.length;
    c.amounts += b.amounts.length;
    c.dates += b.dates.length;
    c.choices += b.choices.length;
    c.tickGroups += b.tickGroups.length;
    c.partyMentions += b.partyMentions.length;
    c.suppressions += b.suppressions.length;
    c.issues += b.issues.length;
    c.numberPairs += b.numberPairs.length;
    c.durations += b.durations.length;
    c.periods += b.periods.length;
    c.entityNames += b.entityNames.length;
    c.definedTerms += b.definedTerms.length;
    c.signatureLines += b.signatureLines.length;
    c.preambleParties += b.preambleParties.length;
  }
  return c;
}

// A heading or a short line of its own that opens the signature page (签署页, Signatures); 签署日期 is a date label, not one.
const SIGNATURE_HEADING =
  /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?[ \t]*(?:[一二三四五六七八九十]+、|\d+\.?)?[ \t]*(?:签署页|签字页|签章页|签署栏|签字栏|签字盖章页?|签署盖章页?|(?:签署|签字|签章|盖章)[ \t]*[:：]?[ \t]*(?:\*\*)?[ \t]*$|Signatures?(?: Page)?[ \t]*:?[ \t]*(?:\*\*)?[ \t]*$|Execution(?: Page)?[ \t]*(?:\*\*)?[ \t]*$|Signature Page|IN WITNESS WHEREOF)/i;

const SIGNATURE_WORD = /[签盖]|signature|execution|in witness/i;

/**
 * Where the signature page begins: its heading (and the index of its block),
 * else its first signature line. Whether a block is that heading is read from
 * its own text only, so among the blocks the previous version shares, the
 * heading it found (or none) is still the first: only the blocks between
 * are looked at.
 */
function findSignatureStart(
  text: string,
  read: ReadBlocks,
  firstSignatureLine: SignatureLine | undefined,
  previous: { readonly doc: ContractDocument; readonly keep: number; readonly tail: number; readonly signatureHeading: number } | undefined,
): { start: number | undefined; heading: number } {
  const count = read.blocks.length;
  const found = (heading: number) => ({ start: startOf(read, heading), heading });
  if (previous === undefined) return firstHeading(text, read, 0, count) ?? { start: firstSignatureLine?.span.start, heading: -1 };
  const { keep, tail, signatureHeading: heading } = previous;
  if (heading >= 0 && heading < keep) return found(heading);
  const between = firstHeading(text, read, keep, count - tail);
  if (between !== undefined) return between;
  const tailStart = previous.doc.blocks.length - tail;
  if (heading >= tailStart) return found(heading + count - previous.doc.blocks.length);
  // Past a heading that an edit removed, the shared blocks were never looked at.
  const after = heading >= 0 ? firstHeading(text, read, count - tail, count) : undefined;
  return after ?? { start: firstSignatureLine?.span.start, heading: -1 };
}

function firstHeading(text: string, read: ReadBlocks, from: number, to: number): { start: number; heading: number } | undefined {
  const { blocks, deltas } = read;
  for (let b = from; b < to; b++) {
    const block = blocks[b]!;
    if (block.type !== 'heading' && block.type !== 'paragraph') continue;
    const start = block.span.start + deltas[b]!;
    const head = text.slice(start, Math.min(block.span.end + deltas[b]!, start + 40));
    // Every signature heading holds one of these; most blocks hold none, and the test runs on each block after an edit.
    if (!SIGNATURE_WORD.test(head)) continue;
    const firstLine = head.split(/\r\n|\r|\n/)[0]!;
    if (SIGNATURE_HEADING.test(firstLine) && (block.type === 'heading' || firstLine.trim().length <= 24)) return { start, heading: b };
  }
  return undefined;
}

/**
 * Front matter, even one that does not close, or a placeholder with a type
 * (`{{x: text}}`, even a misspelt one) says the text was written for Clausemark.
 */
function writtenForClausemark(text: string, blocks: readonly ExtractedBlock[]): boolean {
  if (/^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/.test(text)) return true;
  return blocks.some((b) => b.placeholders.some((p) => p.inlineType !== undefined) || b.issues.some((i) => i.key === 'unknownType'));
}

/**
 * In a document without Clausemark front matter or typed placeholders,
 * `{{buyer}}` or `{{price*0.7}}` is another tool's template slot (Handlebars,
 * Jinja, a mail merge): a gap to fill, not an undeclared field or bad syntax.
 */
function foreignSlotsAsGaps(text: string, block: ExtractedBlock, d: number): ExtractedBlock {
  const foreign = block.placeholders;
  // Only a slot whose name is an expression (`{{price*0.7}}`) is foreign; an unclosed or empty `{{` stays a syntax error.
  const badSyntax = block.issues.filter((i) => i.code === 'placeholder-syntax' && i.key === 'badName' && text.startsWith('{{', i.span.start + d));
  if (foreign.length === 0 && badSyntax.length === 0) return block;
  // Where the block was read: the text is read `d` further on.
  const slots: Blank[] = [...foreign.map((p) => p.span), ...badSyntax.map((i) => i.span)].map((span) => {
    const name = /[\p{L}_][\p{L}\p{N}_]*/u.exec(text.slice(span.start + d + 2, span.end + d - 2))?.[0];
    const label = name?.replace(/_/g, ' ');
    const after = text.slice(span.end + d, span.end + d + 3);
    return {
      span,
      kind: 'bracket',
      style: 'foreign-template',
      expects: typeFromLabel(label) ?? (/^\s*[%％]/.test(after) ? 'percent' : undefined),
      label,
    };
  });
  return {
    ...block,
    placeholders: [],
    issues: block.issues.filter((i) => !badSyntax.includes(i)),
    blanks: [...block.blanks, ...slots].sort((a, b) => a.span.start - b.span.start),
  };
}

/**
 * The start of each list of facts of the document: the unchanged first
 * blocks' part of the previous document's, a slice of each.
 */
function factPrefixes(previous: { doc: ContractDocument; counts: Record<FactKey, number>; leadIssues: number } | undefined): FactLists {
  const prefix = <K extends FactKey>(key: K, offset = 0): Array<ContractFacts[K][number]> =>
    previous === undefined || previous.counts[key] === 0
      ? []
      : (previous.doc[key].slice(offset, offset + previous.counts[key]) as Array<ContractFacts[K][number]>);
  return {
    placeholders: prefix('placeholders'),
    blanks: prefix('blanks'),
    clauses: prefix('clauses'),
    references: prefix('references'),
    percents: prefix('percents'),
    amounts: prefix('amounts'),
    dates: prefix('dates'),
    choices: prefix('choices'),
    tickGroups: prefix('tickGroups'),
    partyMentions: prefix('partyMentions'),
    suppressions: prefix('suppressions'),
    issues: prefix('issues', previous?.leadIssues ?? 0),
    numberPairs: prefix('numberPairs'),
    durations: prefix('durations'),
    periods: prefix('periods'),
    entityNames: prefix('entityNames'),
    definedTerms: prefix('definedTerms'),
    signatureLines: prefix('signatureLines'),
    preambleParties: prefix('preambleParties'),
  };
}

/**
 * A block's model once its percentages and amounts are resolved against the
 * fields, kept beside the extracted block, where it was read: an edit
 * elsewhere leaves most blocks (kept as read, see `readBlocks.ts`) with
 * nothing to resolve again, only to move. `key` names the field values the
 * resolution read.
 */
const RESOLVED = {
  get(block: ExtractedBlock): Resolved | undefined {
    return (block as { [RESOLVED_MODEL]?: Resolved })[RESOLVED_MODEL];
  },
  set(block: ExtractedBlock, resolved: Resolved): void {
    Object.defineProperty(block, RESOLVED_MODEL, { value: resolved, writable: true, configurable: true });
  },
};

interface Resolved {
  /** The field values last found to resolve the block this way (see `resolutionKey`). */
  key: string;
  readonly model: BlockModel;
  /** The fields the block's percentages and amounts read, and what they read of them: a value filled in elsewhere leaves the block's model as it was. */
  readonly names: readonly string[];
  readonly read: string;
}

/**
 * What the named fields hold, as one string, with the names: one object per
 * set of names, shared by every block resolved in the same assembly (most
 * blocks that read a field read the same few), so the blocks keep no copy each.
 */
function fieldReads(fields: ReadonlyMap<string, Field>): (names: readonly string[]) => { readonly names: readonly string[]; readonly read: string } {
  const none = { names: [] as readonly string[], read: '' };
  const seen = new Map<string, { readonly names: readonly string[]; readonly read: string }>();
  return (names) => {
    if (names.length === 0) return none;
    const id = names.join('\u0000');
    let found = seen.get(id);
    if (found === undefined) seen.set(id, (found = { names, read: JSON.stringify(names.map((name) => fields.get(name)?.value?.parsed ?? null)) }));
    return found;
  };
}

// On the block itself, unseen by keys, JSON and deep equality (see blockOrigin.ts for why not a WeakMap).
const RESOLVED_MODEL = Symbol('resolvedModel');

/** What resolving a percentage or an amount can read from the fields: each one's parsed value. */
function resolutionKey(fields: ReadonlyMap<string, Field>): string {
  const parts: unknown[] = [];
  for (const [name, field] of fields) parts.push(name, field.value?.parsed ?? null);
  return JSON.stringify(parts);
}

/**
 * The block's keys without its raw lists, then `percents` and `amounts` left
 * for the caller to set, as `{ ...stripRaw(b), percents, amounts }` does. That
 * spread only overwrites keys, so every model shares one hidden class in V8;
 * a spread followed by new keys gives each object a class of its own (8 MB
 * over a 1 MB contract's 12,700 blocks).
 */
export function stripRaw(block: ExtractedBlock): Omit<BlockModel, 'percents' | 'amounts'> {
  const out: Record<string, unknown> = {};
  for (const key in block) if (key !== 'rawPercents' && key !== 'rawAmounts') out[key] = (block as unknown as Record<string, unknown>)[key];
  out['percents'] = undefined;
  out['amounts'] = undefined;
  return out as unknown as Omit<BlockModel, 'percents' | 'amounts'>;
}

function loadData(
  dataFile: string | undefined,
  options: ParseOptions,
  frontMatter: FrontMatterModel | undefined,
  issues: ParseIssue[],
): ReadonlyMap<string, string> {
  if (dataFile === undefined || options.readDataFile === undefined) return new Map();
  const span: Span = frontMatter?.frontMatter.contentSpan ?? { start: 0, end: 0 };
  const source = options.readDataFile(dataFile);
  if (source === undefined) {
    issues.push({ span, code: 'front-matter-schema', key: 'dataMissing', args: { path: dataFile } });
    return new Map();
  }
  if (typeof source !== 'string') {
    const key = `data${source.refused[0]!.toUpperCase()}${source.refused.slice(1)}`;
    issues.push({ span, code: 'front-matter-schema', key, args: { path: dataFile } });
    return new Map();
  }
  const { values, error } = readDataValues(source);
  if (error !== undefined) issues.push({ span, code: 'front-matter-schema', key: 'dataInvalid', args: { path: dataFile, detail: error } });
  return values;
}

/**
 * The block's placeholders by where they start, for its percentages and
 * amounts to find those they hold (always in their own block's text). Built
 * on the first look-up: most blocks have none to look up.
 */
function placeholdersByStart(block: ExtractedBlock): (start: number) => Placeholder | undefined {
  let byStart: Map<number, Placeholder> | undefined;
  return (start) => {
    byStart ??= new Map(block.placeholders.map((p) => [p.span.start, p]));
    return byStart.get(start);
  };
}

function resolvePercent(
  raw: ExtractedBlock['rawPercents'][number],
  placeholderAt: (start: number) => Placeholder | undefined,
  valueOf: (name: string | undefined) => FieldValue['parsed'] | undefined,
): PercentMention {
  let value = raw.value;
  let fieldName: string | undefined;
  if (raw.placeholderAt !== undefined) {
    const placeholder = placeholderAt(raw.placeholderAt);
    fieldName = placeholder?.name;
    const parsed = valueOf(fieldName);
    value = parsed?.kind === 'percent' || parsed?.kind === 'number' ? parsed.value : undefined;
  }
  return {
    span: raw.span,
    value,
    valueSpan: raw.valueSpan,
    fieldName,
    label: raw.label,
    sentence: raw.sentenceStart,
    comparative: raw.comparative,
  };
}

function resolveAmount(
  raw: ExtractedBlock['rawAmounts'][number],
  placeholderAt: (start: number) => Placeholder | undefined,
  valueOf: (name: string | undefined) => FieldValue['parsed'] | undefined,
): AmountMention {
  let figure = raw.figure;
  let fieldName: string | undefined;
  if (raw.figureIsPlaceholder) {
    fieldName = placeholderAt(raw.figureSpan.start)?.name;
    const parsed = valueOf(fieldName);
    figure = numericValue(parsed, 'amount');
  }
  let words: AmountMention['words'];
  if (raw.words) {
    let value = raw.words.value;
    let derived = false;
    if (raw.words.isPlaceholder) {
      const placeholder = placeholderAt(raw.words.span.start);
      derived = placeholder?.filter !== undefined;
      const parsed = valueOf(placeholder?.name);
      value = numericValue(parsed, 'amount');
    }
    words = { text: raw.words.text, span: raw.words.span, language: raw.words.language, value, derived };
  }
  return { span: raw.span, figure, figureSpan: raw.figureSpan, currency: raw.currency, fieldName, words };
}

/**
 * The document's clauses, nested. `nestClauses` sets depth, parent and section
 * ends, so it works on copies: the blocks' clauses are shared with other
 * versions (`clauses` holds copies of those after the first `count`, see
 * `movedModels.ts`). The previous version's first `count` clauses (the
 * unchanged blocks') keep their depth and parent, and those whose section a
 * later one of them closed keep their section end too: those are shared as
 * they are. Only the chain still open after them (the last one and its
 * ancestors) is copied, to be closed by what follows.
 */
function nestedClauses(clauses: Clause[], count: number, text: string): Clause[] {
  const chain: number[] = [];
  for (let at = count > 0 ? count - 1 : undefined; at !== undefined; at = clauses[at]!.parent) chain.push(at);
  chain.reverse();
  for (const index of chain) clauses[index] = copyClause(clauses[index]!);
  nestClauses(clauses, text, count, chain);
  return clauses;
}

/**
 * Gives clauses their depth and parent the way word processors read mixed
 * numbering: the first style met is the outer level, a new style opens a
 * level below, and a style seen before closes the levels opened after it.
 * Starts at `from`, the clauses before it nested already, `open` the chain of
 * them still open (after a clause, both the level stack and the sections not
 * yet closed are exactly that clause and its ancestors).
 */
function nestClauses(clauses: Clause[], text: string, from = 0, open: number[] = []): void {
  const stack = open.map((index) => ({ key: levelKey(clauses[index]!, text), index }));
  for (let index = from; index < clauses.length; index++) {
    const clause = clauses[index]!;
    const key = levelKey(clause, text);
    const at = stack.findIndex((entry) => entry.key === key);
    if (at >= 0) stack.length = at;
    clause.depth = stack.length;
    clause.parent = stack.length > 0 ? stack[stack.length - 1]!.index : undefined;
    stack.push({ key, index });
  }
  // A section ends where the next clause at its level or an outer one begins.
  const sections = [...open];
  for (let index = from; index < clauses.length; index++) {
    const clause = clauses[index]!;
    while (sections.length > 0 && clauses[sections[sections.length - 1]!]!.depth >= clause.depth) {
      clauses[sections.pop()!]!.sectionEnd = clause.span.start;
    }
    sections.push(index);
  }
  for (const index of sections) clauses[index]!.sectionEnd = text.length;
}

function levelKey(clause: Clause, text: string): string {
  const parts = clause.style === 'decimal' || clause.style === 'decimal-multi' ? `decimal-${clause.path.length}` : clause.style;
  if (clause.container === 'heading') {
    const hashes = /^[ \t]*(#{1,6})/.exec(text.slice(clause.span.start, clause.span.start + 12));
    return `${parts}@h${hashes?.[1]!.length ?? 0}`;
  }
  return `${parts}@${clause.container}`;
}
