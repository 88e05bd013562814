import type { ContractDocument, Locale, Span } from '../model.js';
import type { LocalizedCatalogue, MessageArgs } from '../i18n/messages.js';

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
}
