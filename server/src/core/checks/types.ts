import type { ContractDocument, Locale, Severity, Span, TextEdit } from '../model.js';
import type { LocalizedCatalogue, MessageArgs } from '../i18n/messages.js';

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
}
