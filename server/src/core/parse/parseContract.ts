import type { RootContent } from 'mdast';
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
import { copyClause } from './moveFacts.js';

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
  if (exceedsInputLimit(text.length)) return overLimitDocument(text, options);
  if (text.includes('\u0000')) {
    return assemble(text, undefined, [], options, [limitIssue(text, 'binary')]);
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
    const doc = assemble(text, plainFrontMatter, chunks, options, plainIssues);
    PARSE_STATE.set(doc, { frontMatter: plainFrontMatter, blocks: chunks, options, plainIssues });
    return doc;
  }
  if (limit !== undefined) {
    return assemble(text, undefined, [extractBlock(text, whole, offset)], options, [limitIssue(text, limit, options)]);
  }
  let frontMatter: FrontMatterModel | undefined;
  const blocks: ExtractedBlock[] = [];
  try {
    const tree = parseMarkdownStructure(body);
    for (const node of tree.children) {
      if (node.type === 'yaml' && frontMatter === undefined && node.position?.start.offset === 0) {
        frontMatter = readFrontMatter(text, { start: offset, end: node.position.end.offset! + offset });
        continue;
      }
      blocks.push(extractBlock(text, node, offset));
    }
  } catch {
    // Thousands of nested quotes or emphasis markers overflow the stack of the
    // recursive tree tools (remark-gfm's transforms, our own walk): read the text plainly.
    return assemble(text, undefined, [extractBlock(text, whole, offset)], options, [limitIssue(text, 'tooDeep')]);
  }
  const doc = assemble(text, frontMatter, blocks, options, []);
  PARSE_STATE.set(doc, { frontMatter, blocks, options });
  return doc;
}

/** What an incremental reparse needs from the previous parse (see `reparseContract`). */
export interface ParseState {
  readonly frontMatter: FrontMatterModel | undefined;
  readonly blocks: readonly ExtractedBlock[];
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
  const empty = assemble('', undefined, [], { locale: options.locale ?? 'en' }, [issue]);
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
  blocks: readonly ExtractedBlock[],
  options: ParseOptions,
  extraIssues: readonly ParseIssue[],
  previous?: Unchanged,
): ContractDocument {
  const meta = frontMatter?.meta ?? emptyMeta();
  const parties = frontMatter?.parties ?? [];
  const issues: ParseIssue[] = [...extraIssues, ...(frontMatter?.issues ?? [])];
  const foreign = frontMatter === undefined && options.foreignTemplates !== false && !writtenForClausemark(text, blocks);
  if (foreign) blocks = blocks.map(foreignSlotsAsGaps(text));
  const before = previous === undefined ? undefined : ASSEMBLY.get(previous.doc);
  // The previous document's lists are reused for its first `keep` blocks only when they were read the same way.
  const reuse = before !== undefined && before.foreign === foreign && previous!.keep > 0 ? { ...before, doc: previous!.doc, keep: previous!.keep } : undefined;
  const counts = reuse === undefined ? undefined : countFacts(reuse.doc.blocks, reuse.keep);
  const placeholders = gatherPlaceholders(reuse?.doc.placeholders, counts?.placeholders ?? 0, blocks, reuse?.keep ?? 0);

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

  // Built only when some block has to be resolved: after a keystroke, almost never.
  let placeholderAt: Map<number, Placeholder> | undefined;
  const key = resolutionKey(fields);
  // The unchanged blocks' models, resolved against the same field values, are the previous document's.
  const kept = reuse !== undefined && reuse.key === key ? reuse.keep : 0;
  const blockModels: BlockModel[] = kept > 0 ? reuse!.doc.blocks.slice(0, kept) : [];
  for (let i = kept; i < blocks.length; i++) {
    const b = blocks[i]!;
    const cached = RESOLVED.get(b);
    if (cached !== undefined && cached.key === key) {
      blockModels.push(cached.model);
      continue;
    }
    placeholderAt ??= new Map<number, Placeholder>(placeholders.map((p) => [p.span.start, p]));
    const model = {
      ...stripRaw(b),
      percents: b.rawPercents.map((raw) => resolvePercent(raw, placeholderAt!, fields)),
      amounts: b.rawAmounts.map((raw) => resolveAmount(raw, placeholderAt!, fields)),
    };
    RESOLVED.set(b, { key, model });
    blockModels.push(model);
  }
  const same = kept > 0 ? { ...reuse!, counts: counts! } : undefined;
  const facts = gatherFacts(blockModels, placeholders, same);
  const clauses = nestedClauses(blockModels, text, same);
  const signature = findSignatureStart(text, blocks, same);

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

/** The previous version of a document, whose first `keep` blocks are the very objects the new one starts with. */
export interface Unchanged {
  readonly doc: ContractDocument;
  readonly keep: number;
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
const FACT_KEYS: readonly FactKey[] = [
  'placeholders',
  'blanks',
  'clauses',
  'references',
  'percents',
  'amounts',
  'dates',
  'choices',
  'tickGroups',
  'partyMentions',
  'suppressions',
  'issues',
  'numberPairs',
  'durations',
  'periods',
  'entityNames',
  'definedTerms',
  'signatureLines',
  'preambleParties',
];

/**
 * How many facts of each kind the first `keep` blocks hold: where their part
 * of each document list ends. Each list named in full, as a key read through
 * a variable is several times slower over thousands of blocks.
 */
function countFacts(blocks: readonly BlockModel[], keep: number): Record<FactKey, number> {
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
  for (let i = 0; i < keep; i++) {
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

/** The previous document's first `count` placeholders (the unchanged blocks'), then those of blocks from `keep` on. */
function gatherPlaceholders(previous: readonly Placeholder[] | undefined, count: number, blocks: readonly ExtractedBlock[], keep: number): Placeholder[] {
  const out: Placeholder[] = previous === undefined || count === 0 ? [] : previous.slice(0, count);
  for (let b = previous === undefined ? 0 : keep; b < blocks.length; b++) {
    const list = blocks[b]!.placeholders;
    for (let i = 0; i < list.length; i++) out.push(list[i]!);
  }
  return out;
}

// A heading or a short line of its own that opens the signature page (签署页, Signatures); 签署日期 is a date label, not one.
const SIGNATURE_HEADING =
  /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?[ \t]*(?:[一二三四五六七八九十]+、|\d+\.?)?[ \t]*(?:签署页|签字页|签章页|签署栏|签字栏|签字盖章页?|签署盖章页?|(?:签署|签字|签章|盖章)[ \t]*[:：]?[ \t]*(?:\*\*)?[ \t]*$|Signatures?(?: Page)?[ \t]*:?[ \t]*(?:\*\*)?[ \t]*$|Execution(?: Page)?[ \t]*(?:\*\*)?[ \t]*$|Signature Page|IN WITNESS WHEREOF)/i;

const SIGNATURE_WORD = /[签盖]|signature|execution|in witness/i;

/**
 * Where the signature page begins: its heading (and the index of its block),
 * else its first signature line. A heading the previous version found among
 * the unchanged first blocks is still the first; otherwise none of those is one.
 */
function findSignatureStart(
  text: string,
  blocks: readonly ExtractedBlock[],
  previous: { readonly keep: number; readonly signatureHeading: number } | undefined,
): { start: number | undefined; heading: number } {
  const kept = previous === undefined ? 0 : previous.keep;
  if (previous !== undefined && previous.signatureHeading >= 0 && previous.signatureHeading < kept) {
    return { start: blocks[previous.signatureHeading]!.span.start, heading: previous.signatureHeading };
  }
  for (let b = kept; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.type !== 'heading' && block.type !== 'paragraph') continue;
    const head = text.slice(block.span.start, Math.min(block.span.end, block.span.start + 40));
    // Every signature heading holds one of these; most blocks hold none, and the test runs on each block after an edit.
    if (!SIGNATURE_WORD.test(head)) continue;
    const firstLine = head.split(/\r\n|\r|\n/)[0]!;
    if (SIGNATURE_HEADING.test(firstLine) && (block.type === 'heading' || firstLine.trim().length <= 24)) return { start: block.span.start, heading: b };
  }
  return { start: blocks.find((b) => b.signatureLines.length > 0)?.signatureLines[0]!.span.start, heading: -1 };
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
function foreignSlotsAsGaps(text: string): (block: ExtractedBlock) => ExtractedBlock {
  return (block) => {
    const foreign = block.placeholders;
    // Only a slot whose name is an expression (`{{price*0.7}}`) is foreign; an unclosed or empty `{{` stays a syntax error.
    const badSyntax = block.issues.filter((i) => i.code === 'placeholder-syntax' && i.key === 'badName' && text.startsWith('{{', i.span.start));
    if (foreign.length === 0 && badSyntax.length === 0) return block;
    const slots: Blank[] = [...foreign.map((p) => p.span), ...badSyntax.map((i) => i.span)].map((span) => {
      const name = /[\p{L}_][\p{L}\p{N}_]*/u.exec(text.slice(span.start + 2, span.end - 2))?.[0];
      const label = name?.replace(/_/g, ' ');
      const after = text.slice(span.end, span.end + 3);
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
  };
}

type FactLists = { -readonly [K in keyof ContractFacts]: Array<ContractFacts[K][number]> };

/**
 * Every list of facts of the document, in order: one pass over the blocks
 * rather than one per kind of fact, as it runs on every keystroke. The
 * placeholders were gathered before the blocks were resolved, which needs them.
 */
function gatherFacts(
  blocks: readonly BlockModel[],
  placeholders: Placeholder[],
  previous: { doc: ContractDocument; keep: number; counts: Record<FactKey, number>; leadIssues: number } | undefined,
): FactLists {
  // The unchanged blocks' part of each list is a slice of the previous document's; its clauses are nested copies, taken apart.
  const prefix = <K extends FactKey>(key: K, offset = 0): Array<ContractFacts[K][number]> =>
    previous === undefined || previous.counts[key] === 0
      ? []
      : (previous.doc[key].slice(offset, offset + previous.counts[key]) as Array<ContractFacts[K][number]>);
  const out: FactLists = {
    placeholders,
    blanks: prefix('blanks'),
    clauses: [],
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
  const keys = FACT_KEYS.filter((key) => key !== 'placeholders' && key !== 'clauses');
  for (let b = previous?.keep ?? 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const list = block[key] as readonly unknown[];
      if (list.length === 0) continue;
      const target = out[key] as unknown[];
      for (let i = 0; i < list.length; i++) target.push(list[i]);
    }
  }
  return out;
}

/**
 * A block's model once its percentages and amounts are resolved against the
 * fields, kept beside the extracted block: an edit elsewhere leaves most blocks
 * (or their shifted copies, see `reparseContract`) with nothing to resolve again.
 * `key` names the field values the resolution read.
 */
export const RESOLVED = {
  get(block: ExtractedBlock): Resolved | undefined {
    return (block as { [RESOLVED_MODEL]?: Resolved })[RESOLVED_MODEL];
  },
  set(block: ExtractedBlock, resolved: Resolved): void {
    Object.defineProperty(block, RESOLVED_MODEL, { value: resolved, writable: true, configurable: true });
  },
};

interface Resolved {
  readonly key: string;
  readonly model: BlockModel;
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

function resolvePercent(
  raw: ExtractedBlock['rawPercents'][number],
  placeholderAt: ReadonlyMap<number, Placeholder>,
  fields: ReadonlyMap<string, Field>,
): PercentMention {
  let value = raw.value;
  let fieldName: string | undefined;
  if (raw.placeholderAt !== undefined) {
    const placeholder = placeholderAt.get(raw.placeholderAt);
    fieldName = placeholder?.name;
    const parsed = fieldName ? fields.get(fieldName)?.value?.parsed : undefined;
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
  placeholderAt: ReadonlyMap<number, Placeholder>,
  fields: ReadonlyMap<string, Field>,
): AmountMention {
  let figure = raw.figure;
  let fieldName: string | undefined;
  if (raw.figureIsPlaceholder) {
    fieldName = placeholderAt.get(raw.figureSpan.start)?.name;
    const parsed = fieldName ? fields.get(fieldName)?.value?.parsed : undefined;
    figure = numericValue(parsed, 'amount');
  }
  let words: AmountMention['words'];
  if (raw.words) {
    let value = raw.words.value;
    let derived = false;
    if (raw.words.isPlaceholder) {
      const placeholder = placeholderAt.get(raw.words.span.start);
      derived = placeholder?.filter !== undefined;
      const parsed = placeholder ? fields.get(placeholder.name)?.value?.parsed : undefined;
      value = numericValue(parsed, 'amount');
    }
    words = { text: raw.words.text, span: raw.words.span, language: raw.words.language, value, derived };
  }
  return { span: raw.span, figure, figureSpan: raw.figureSpan, currency: raw.currency, fieldName, words };
}

/**
 * The document's clauses, nested. `nestClauses` sets depth, parent and section
 * ends, so it works on copies: the blocks' clauses are shared with other
 * versions. The previous version's first `count` clauses (the unchanged
 * blocks') keep their depth and parent, and those whose section a later one
 * of them closed keep their section end too: those are shared as they are.
 * Only the chain still open after them (the last one and its ancestors) is
 * copied, to be closed by what follows.
 */
function nestedClauses(
  blocks: readonly BlockModel[],
  text: string,
  previous: { doc: ContractDocument; keep: number; counts: Record<FactKey, number> } | undefined,
): Clause[] {
  const count = previous?.counts.clauses ?? 0;
  const clauses: Clause[] = count > 0 ? previous!.doc.clauses.slice(0, count) : [];
  const chain: number[] = [];
  for (let at = count > 0 ? count - 1 : undefined; at !== undefined; at = clauses[at]!.parent) chain.push(at);
  chain.reverse();
  for (const index of chain) clauses[index] = copyClause(clauses[index]!);
  for (let b = previous?.keep ?? 0; b < blocks.length; b++) {
    const list = blocks[b]!.clauses;
    for (let i = 0; i < list.length; i++) clauses.push(copyClause(list[i]!));
  }
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
