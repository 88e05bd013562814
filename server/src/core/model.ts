/**
 * The typed document model of a contract.
 *
 * Every position is a half-open range of UTF-16 code-unit offsets into the
 * original text (what JavaScript string indices count, and what LSP counts),
 * so the server converts to line/character only at its boundary.
 */
import type { CalendarDate } from './numbers/dates.js';
import type { DurationUnit } from './numbers/duration.js';
import type { Span } from './text/span.js';

// Spans are a text concept (the text helpers below the model use them too); the model re-exports them.
export type { Span };

export type Locale = 'zh-CN' | 'en';

export const FIELD_TYPES = ['text', 'number', 'money', 'percent', 'date', 'duration', 'party', 'choice'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A value after it has been read against its field's type. */
export type TypedValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'money'; readonly amount: number; readonly currency: string }
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'date'; readonly date: CalendarDate }
  | { readonly kind: 'duration'; readonly amount: number; readonly unit: string; readonly text: string }
  | { readonly kind: 'party'; readonly party: string }
  | { readonly kind: 'choice'; readonly option: string; readonly index: number };

/** Where a field's value came from and what it parsed to. */
export interface FieldValue {
  /** The value as written (YAML scalars are turned into strings). */
  readonly raw: string;
  /** `undefined` when the raw value does not fit the field's type. */
  readonly parsed: TypedValue | undefined;
  /** Where the value stands in this document; absent when it came from a data file. */
  readonly span: Span | undefined;
  readonly source: 'front-matter' | 'data';
}

/** A typed field, declared in the front matter or inline at a placeholder. */
export interface Field {
  readonly name: string;
  readonly type: FieldType;
  /** The span of the name where it is declared. */
  readonly declaration: Span;
  /** The whole declaration (key and value in the front matter, or the placeholder). */
  readonly declarationSpan: Span;
  readonly declaredIn: 'front-matter' | 'inline';
  readonly value: FieldValue | undefined;
  readonly options: readonly string[] | undefined;
  /** The sum group this field belongs to, if any. */
  readonly group: string | undefined;
  readonly currency: string | undefined;
  readonly description: string | undefined;
}

/** Fields whose values must add up to `total` (100 for percentages unless stated). */
export interface SumGroup {
  readonly name: string;
  readonly total: number;
  readonly members: readonly string[];
  /** Where the group is declared, if explicitly (a `groups:` entry). */
  readonly declaration: Span | undefined;
}

export interface Party {
  /** The name used in the text, e.g. `甲方` or `Client`. */
  readonly key: string;
  readonly role: string | undefined;
  /** The party's legal name, when filled. */
  readonly name: string | undefined;
  readonly declaration: Span;
}

/** `{{name}}`, `{{name: type}}`, `{{name: choice(a|b)}}` or `{{name | 大写}}`. */
export interface Placeholder {
  readonly span: Span;
  readonly name: string;
  readonly nameSpan: Span;
  readonly inlineType: FieldType | undefined;
  readonly typeSpan: Span | undefined;
  readonly options: readonly string[] | undefined;
  readonly filter: string | undefined;
  readonly filterSpan: Span | undefined;
}

export type BlankKind = 'underscore' | 'bullet' | 'bracket' | 'date';

/**
 * How a gap is written, so tools can report per style:
 * - `underscore` `____`; `bracket-dot` `[●]`, `[____]`, `【  】`, `[…]`; `date-blank` `____年__月__日`
 * - `bracket-instruction` `[CUSTOMER NAME]`, `[insert address]`, `【甲方名称】`
 * - `template-token` `{PRICE}`, `<<Party>>`, `«Name»`, `${name}`, `%%name%%`
 * - `foreign-template` `{{var}}` in a document with no Clausemark front matter
 * - `empty-label` `By:` / `授权代表：` followed by nothing
 * - `space-date` `    年  月  日`, `Date:     , 20  `
 * - `signature-line` a line of underscores after a party label, `(Signature)`, `盖章`
 * - `empty-cell` an empty cell in a table row whose first cell is a label
 * - `unticked-choice` `□ 同意 □ 不同意` with no box ticked
 * - `masked-sample` `XX市XX区`, `138XXXXXXXX`, `***`
 * - `mail-merge-name` `地址：partyAAddress`
 */
export type GapStyle =
  | 'underscore'
  | 'bracket-dot'
  | 'date-blank'
  | 'bracket-instruction'
  | 'template-token'
  | 'foreign-template'
  | 'empty-label'
  | 'space-date'
  | 'signature-line'
  | 'empty-cell'
  | 'unticked-choice'
  | 'masked-sample'
  | 'mail-merge-name';

/** A legacy gap written without markup: `____`, `[●]`, `【  】`, `____年__月__日`, and the styles of `GapStyle`. */
export interface Blank {
  readonly span: Span;
  readonly kind: BlankKind;
  readonly style: GapStyle;
  /** Where a placeholder replacing the gap goes, when not over the whole span (a label's empty value). */
  readonly fill?: Span | undefined;
  /** The options of an unticked choice (`□ 同意 □ 不同意`). */
  readonly options?: readonly string[] | undefined;
  /** What the surrounding text says belongs here, when it says so. */
  readonly expects: FieldType | undefined;
  /** The words just before the blank (`地址`, `Address`), to name a field after. */
  readonly label: string | undefined;
}

export type NumberingStyle =
  | 'article' // 第一条
  | 'cjk' // 一、
  | 'cjk-paren' // （一） (一)
  | 'decimal' // 1.  1、
  | 'decimal-multi' // 1.1  1.1.1
  | 'arabic-paren' // （1） (1)
  | 'arabic-half-paren' // 1） 1)
  | 'alpha-paren' // (a)
  | 'roman-paren'; // (i)

/** A numbered clause: a heading, paragraph or list item that starts with a number. */
export interface Clause {
  readonly span: Span;
  /** The number as written, e.g. `三、`, `（二）`, `1.1`, `(a)`. */
  readonly marker: string;
  readonly markerSpan: Span;
  /** The number alone as written, e.g. `三`, `二`, `1.1`, `a`. */
  readonly number: string;
  readonly numberSpan: Span;
  readonly style: NumberingStyle;
  /** The ordinal (三 → 3, (c) → 3, 1.2 → 2). */
  readonly ordinal: number;
  /** For `decimal-multi`, the ordinals of every part (1.2.3 → [1,2,3]). */
  readonly path: readonly number[];
  /** 0 for top-level clauses. */
  depth: number;
  readonly title: string;
  /** A stable label written as `{#label}` at the end of the clause's first line. */
  readonly label: string | undefined;
  readonly labelSpan: Span | undefined;
  /** Index of the enclosing clause in `ContractDocument.clauses`. */
  parent: number | undefined;
  /** How the clause is written: heading, paragraph line or list item. */
  readonly container: 'heading' | 'paragraph' | 'listItem';
  /** Span of the clause's whole section (up to the next clause at the same or an outer level). */
  sectionEnd: number;
}

/** A link to a clause label, `[三](#ip)`; its text shows the clause's number. */
export interface ClauseReference {
  readonly span: Span;
  readonly label: string;
  readonly labelSpan: Span;
  readonly text: string;
  readonly textSpan: Span;
}

/** A percentage in the text: a literal `30%`, a percent placeholder, or a blank before `%`. */
export interface PercentMention {
  readonly span: Span;
  /** The number's value, or undefined for a blank or an unfilled placeholder. */
  readonly value: number | undefined;
  /** The span of the number (or placeholder/blank) alone, without `%`. */
  readonly valueSpan: Span;
  readonly fieldName: string | undefined;
  /** The words just before the percentage, e.g. `首期支付`, `(b)`. */
  readonly label: string;
  /** Index of the sentence (or list) the mention stands in, unique within the document. */
  readonly sentence: number;
  /** True when the words around it compare rather than apportion (`≥95%`, `不低于`). */
  readonly comparative: boolean;
}

/** An amount in figures, possibly with its amount in words beside it. */
export interface AmountMention {
  readonly span: Span;
  /** Undefined when the figure is a blank or an unfilled placeholder. */
  readonly figure: number | undefined;
  readonly figureSpan: Span;
  readonly currency: string | undefined;
  readonly fieldName: string | undefined;
  readonly words: AmountWords | undefined;
}

export interface AmountWords {
  readonly text: string;
  readonly span: Span;
  readonly language: 'zh' | 'en';
  /** Undefined when the words are a blank or do not read as a number. */
  readonly value: number | undefined;
  /** True when the words are a placeholder filter such as `{{fee | 大写}}` (always in step). */
  readonly derived: boolean;
}

/** A calendar date written in the text. */
export interface DateMention {
  readonly span: Span;
  readonly date: CalendarDate;
  /** True when the date stands next to a signature label (签署日期, Date of signature). */
  readonly signature: boolean;
}

/** `第N种` or `Option N` choosing among options listed in the same sentence. */
export interface ChoiceMention {
  readonly span: Span;
  readonly numberSpan: Span;
  readonly chosen: number | undefined;
  readonly optionCount: number | undefined;
}

/** One box of a tick group: `☑ 同意`. */
export interface TickBox {
  /** The box character alone. */
  readonly span: Span;
  readonly ticked: boolean;
  /** The words after the box, up to the next box or the end of its line. */
  readonly option: string;
}

/** Boxes offered together: on one line (`☑ 同意 □ 不同意`) or as a list of `□ …` lines. */
export interface TickGroup {
  readonly span: Span;
  readonly boxes: readonly TickBox[];
  /** What the text around says: `many` for 可多选 / tick all that apply, `one` for 单选 / tick one; undefined when it is silent. */
  readonly allows: 'one' | 'many' | undefined;
}

/** A party named in the body (`丙方`, `Party C`). */
export interface PartyMention {
  readonly span: Span;
  readonly key: string;
}

/**
 * A number written twice, in words and in figures: `ten (10) days`,
 * `thirty percent (30%)`, `十五（15）日`, `百分之三十（30%）`, `first (1st)`.
 */
export interface NumberPair {
  readonly span: Span;
  readonly words: { readonly text: string; readonly span: Span; readonly value: number | undefined };
  readonly figure: { readonly text: string; readonly span: Span; readonly value: number };
  readonly language: 'zh' | 'en';
  readonly kind: 'cardinal' | 'percent' | 'ordinal';
  /** The unit the pair counts, when a period unit follows it. */
  readonly unit: DurationUnit | undefined;
}

/** What a period stands for in its sentence, read from the words around it. */
export type DurationRole = 'term' | 'notice' | 'other';

/** A period of time in the text: `30日内`, `thirty (30) days`, `两年`, `60 business days`. */
export interface DurationMention {
  readonly span: Span;
  readonly amount: number;
  readonly unit: DurationUnit;
  readonly role: DurationRole;
  /** The words before and after it, to its clause's punctuation: what pairs two statements of one deadline. */
  readonly before: string;
  readonly after: string;
  /** Start of its sentence, unique within the document. */
  readonly sentence: number;
}

/** Two dates written as a range: `自2026年1月1日至2026年12月31日`, `from March 1, 2026 to February 28, 2027`. */
export interface PeriodMention {
  readonly span: Span;
  readonly start: DateMention;
  readonly end: DateMention;
  readonly sentence: number;
  /** The words of its sentence before it (`租赁期限自`, `The lease runs from`): what the period is of. */
  readonly contextBefore: string;
}

/** A party's name as written in the text, e.g. `北京示例数据有限公司`, `Acme, Inc.`. */
export interface EntityNameMention {
  readonly span: Span;
  readonly text: string;
  /** The name without its legal form and punctuation, lowercased: what two spellings of one name share. */
  readonly core: string;
}

/** A term given a defined meaning: `"Effective Date" means`, `(the "Services")`, `（以下简称“本合同”）`. */
export interface DefinedTerm {
  /** The whole definition phrase. */
  readonly span: Span;
  readonly term: string;
  readonly termSpan: Span;
}

/** A line of a signature block that names a party: `甲方（盖章）：`, `Signed for the Client:`. */
export interface SignatureLine {
  readonly span: Span;
  /** The party as the line names it: a key (`甲方`, `Client`) or a legal name. */
  readonly party: string;
  readonly partySpan: Span;
}

/** A party introduced in the preamble: `甲方（委托方）：…`, `**Client** (data provider): …`. */
export interface PreambleParty {
  readonly span: Span;
  readonly key: string;
}

/** `<!-- clausemark-disable-next-line id -->` and friends. */
export interface Suppression {
  readonly span: Span;
  readonly kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Empty means every check. */
  readonly checkIds: readonly string[];
}

/** Something the parser could not read, reported by the `syntax` checks. */
export interface ParseIssue {
  readonly span: Span;
  readonly code: 'front-matter-yaml' | 'front-matter-schema' | 'placeholder-syntax' | 'document-limits';
  /** A message key and its arguments, localised by the check that reports it. */
  readonly key: string;
  readonly args: Readonly<Record<string, string | number>>;
}

/** The facts read from the text: one block's, or the whole document's in order. */
export interface ContractFacts {
  readonly placeholders: readonly Placeholder[];
  readonly blanks: readonly Blank[];
  readonly clauses: readonly Clause[];
  readonly references: readonly ClauseReference[];
  readonly percents: readonly PercentMention[];
  readonly amounts: readonly AmountMention[];
  readonly dates: readonly DateMention[];
  readonly choices: readonly ChoiceMention[];
  readonly tickGroups: readonly TickGroup[];
  readonly partyMentions: readonly PartyMention[];
  readonly suppressions: readonly Suppression[];
  readonly issues: readonly ParseIssue[];
  readonly numberPairs: readonly NumberPair[];
  readonly durations: readonly DurationMention[];
  readonly periods: readonly PeriodMention[];
  readonly entityNames: readonly EntityNameMention[];
  readonly definedTerms: readonly DefinedTerm[];
  readonly signatureLines: readonly SignatureLine[];
  readonly preambleParties: readonly PreambleParty[];
}

/** What one top-level Markdown block contributes; the unit of incremental reparsing. */
export interface BlockModel extends ContractFacts {
  readonly span: Span;
  readonly type: string;
}

export interface FrontMatter {
  /** The whole `---` … `---` block. */
  readonly span: Span;
  /** The YAML between the fences. */
  readonly contentSpan: Span;
  /** The parsed YAML as plain data, or undefined when it does not parse. */
  readonly data: unknown;
  /** Where things stand inside the YAML, for edits and editor features. */
  readonly layout: FrontMatterLayout;
}

/** One entry of a mapping under a top-level key (`fee: { type: money }` under `fields:`). */
export interface FrontMatterEntry {
  readonly name: string;
  readonly keySpan: Span;
  /** The scalar naming the type (`money` in `{ type: money }` or in `fee: money`). */
  readonly typeSpan: Span | undefined;
  /** The scalar holding the value, when the entry has one. */
  readonly valueSpan: Span | undefined;
  /** How the entry's own value is written: `fee: money`, `fee: { … }`, indented keys, or nothing. */
  readonly shape: 'scalar' | 'flow' | 'block' | 'empty' | 'other';
  /** For a `flow` entry, the offset of its closing `}`. */
  readonly flowClose: number | undefined;
  /** The end of the whole entry (key and value). */
  readonly end: number;
}

/** A top-level key of the front matter and how its value is written. */
export interface FrontMatterSection {
  readonly name: string;
  readonly keySpan: Span;
  /**
   * `block`: indented entries; `flow`: `{ a: text }`; `list`: `- item` lines;
   * `empty`: nothing after the key; `other`: anything an edit should not extend.
   */
  readonly shape: 'block' | 'flow' | 'list' | 'empty' | 'other';
  /** For `flow`, the offsets of `{` and `}`. */
  readonly flowOpen: number | undefined;
  readonly flowClose: number | undefined;
  /** For `block` and `list`: the indentation of the first entry, and where the last one's text ends. */
  readonly indent: string | undefined;
  readonly contentEnd: number;
  /** The entries of a mapping (`block` or `flow`), in order. */
  readonly entries: readonly FrontMatterEntry[];
}

/** Where things stand inside the front matter's YAML, read in the same pass as the model. */
export interface FrontMatterLayout {
  /** False when the YAML has errors: edits inside it would be guesses. */
  readonly parses: boolean;
  /** `map`: a block mapping, the one shape edits extend; `empty`: nothing between the fences. */
  readonly root: 'map' | 'empty' | 'other';
  /** Each top-level key, by name (its first occurrence). */
  readonly sections: ReadonlyMap<string, FrontMatterSection>;
  /** Every top-level key in order, duplicates included. */
  readonly topKeys: ReadonlyArray<{ readonly name: string; readonly span: Span }>;
  /** Keys of the `values:` map, by field name. */
  readonly valueKeys: ReadonlyMap<string, readonly Span[]>;
  /** The value of `effective:`, which may name a field. */
  readonly effective: { readonly value: string; readonly span: Span } | undefined;
  /** The indentation nested block mappings use, two spaces when none does. */
  readonly indentUnit: string;
}

export interface ContractMeta {
  readonly title: string | undefined;
  readonly titleSpan: Span | undefined;
  /** The locale the contract declares, if any. */
  readonly locale: Locale | undefined;
  readonly currency: string | undefined;
  /** A field name or an ISO date, from `effective:` in the front matter. */
  readonly effective: string | undefined;
  /** A relative path to a data file with values, from `data:` in the front matter. */
  readonly dataFile: string | undefined;
}

/** The whole typed model of one contract: its blocks' facts in document order, and what the front matter declares. */
export interface ContractDocument extends ContractFacts {
  readonly text: string;
  readonly frontMatter: FrontMatter | undefined;
  readonly meta: ContractMeta;
  readonly parties: readonly Party[];
  readonly fields: ReadonlyMap<string, Field>;
  /** Every declaration of each name, in order, so duplicates can be reported. */
  readonly declarations: ReadonlyMap<string, readonly Field[]>;
  readonly groups: readonly SumGroup[];
  readonly blocks: readonly BlockModel[];
  /** Where the signature page begins (a 签署/Signatures heading or the first signature line); undefined without one. */
  readonly signatureStart: number | undefined;
  /**
   * The language messages about this document are written in: the configured
   * one, else the contract's own.
   */
  readonly locale: Locale;
  /**
   * The language the contract itself is written in: its `locale:`, else guessed
   * from its script. Values, amounts in words and clause text follow it,
   * whatever language the messages are in.
   */
  readonly contractLocale: Locale;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** Replace `span` with `newText`; an insertion has an empty span. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A fix as data: exact edits, and whether "fix all" may apply it unasked. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Safe fixes have one unambiguous outcome and are applied by `fix` and fix-all. */
  readonly safe: boolean;
  /** A refactoring rather than a correction (the server files it under `refactor`). */
  readonly refactor?: boolean;
}

export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
}

/** One problem found by one check, with its message already in the contract's locale. */
export interface Problem {
  readonly checkId: string;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: string;
  readonly related: readonly RelatedSpan[];
  readonly fixes: readonly Fix[];
  /** Facts a client may use (e.g. the expected value); never needed to read the message. */
  readonly data?: Readonly<Record<string, unknown>>;
}
