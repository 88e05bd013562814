import type { ContractDocument, Locale, Severity, Span, TextEdit } from '../model.js';
import type { LocalizedCatalogue, MessageArgs } from '../i18n/messages.js';
import type { LastEdit } from '../parse/lastEdit.js';

// The results a check produces belong to the model, so that edits, rendering
// and clauses can use them without depending on the checks.
export { SEVERITIES, type Fix, type Problem, type RelatedSpan, type Severity, type TextEdit } from '../model.js';

export interface ReportInput {
  readonly span: Span;
  readonly key: string;
  readonly args?: MessageArgs;
  readonly related?: ReadonlyArray<{ span: Span; key: string; args?: MessageArgs }>;
  readonly fixes?: ReadonlyArray<{ key: string; args?: MessageArgs; edits: readonly TextEdit[]; safe: boolean; refactor?: boolean }>;
  readonly data?: Readonly<Record<string, unknown>>;
  /** Lowers the severity for a milder form of the problem (never raises it above the configured one). */
  readonly severity?: Severity;
}

export interface CheckContext {
  readonly doc: ContractDocument;
  readonly locale: Locale;
  report(input: ReportInput): void;
  /** A message from this check's catalogue in the document's locale. */
  t(key: string, args?: MessageArgs): string;
}

/** One check: a stable id, a default severity, its messages in every locale, and what it finds. */
export interface Check {
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** `summary` is required in each locale: one line for docs, hovers and SARIF rule descriptions. */
  readonly messages: LocalizedCatalogue;
  run(context: CheckContext): void;
  /**
   * For a check whose problems follow from a list of facts alone: those facts
   * (see `CheckInput`). After an edit that leaves them as they were but for
   * their offsets, the previous analysis's problems are moved, not found again.
   */
  readonly reads?: (doc: ContractDocument) => CheckInput<unknown> | undefined;
}

/**
 * Everything a check reads, when that is a list of facts and a little context:
 * `run` must read nothing else of the document (not its text around them),
 * compare offsets only with each other for equality (no distances), and put
 * only these offsets in what it reports (spans, related spans, fix edits; none
 * in `data`). Its problems are then a function of the facts up to a renaming of
 * offsets, which is how runChecks.ts reuses them (checkMemo.ts).
 */
export interface CheckInput<T> {
  /** What else the problems depend on (field names, the contract's language), as one comparable string. */
  readonly context: string;
  readonly items: readonly T[];
  /**
   * Each item is a block's worth of facts whose offsets move together (`same`
   * makes sure of it), and `offsets` gives only its first and last: problems
   * are then reused only after one edit, which moves whole items or none, or
   * which is known (`edit`), and then leaves each fact before it or moves it.
   */
  readonly rigid?: boolean;
  /** Appends every offset of `item` that `run` reads. */
  offsets(item: T, out: number[]): void;
  /**
   * Whether two items (`a` in `aText`, `b` in `bText`) say the same but for
   * their offsets; `edit`, when one change made `bText` out of `aText`.
   */
  same(a: T, b: T, aText: string, bText: string, edit: LastEdit | undefined): boolean;
}
