/**
 * Clausemark's additions to the Language Server Protocol, declared once and
 * shared by the server and the VS Code client (as rust-analyzer's `lsp_ext.ts`
 * does). Documented in docs/protocol.md; change both together.
 */
import { NotificationType, RequestType, type Position, type Range, type TextDocumentIdentifier, type TextEdit } from 'vscode-languageserver-protocol';

/** The language id contracts are opened with. */
export const LANGUAGE_ID = 'clausemark';

/** The `workspace/configuration` section the server reads. */
export const SETTINGS_SECTION = 'clausemark';

/** The code action kind of "fix all safe problems" (`source.fixAll.clausemark`). */
export const FIX_ALL_KIND = 'source.fixAll.clausemark';

/** The client command the code lens on the title line runs, with the document uri as its argument. */
export const SHOW_GAPS_COMMAND = 'clausemark.showGaps';

/** Settings under `clausemark.*`; every one is optional. */
export interface ClausemarkSettings {
  /** The language of messages: "auto" follows the contract (its `locale:`, else its script). */
  readonly locale?: 'auto' | 'zh-CN' | 'en';
  /** Per-check severity or "off", by check id; wins over `.clausemark.json|yaml`. */
  readonly checks?: Readonly<Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'>>;
  /** Where check documentation lives; a diagnostic links to `<docsBaseUrl>/checks.md#<id>`. */
  readonly docsBaseUrl?: string;
  /** Milliseconds between the last keystroke and the diagnostics pushed for it (clients that pull choose their own). */
  readonly diagnosticsDelay?: number;
}

/**
 * What `Diagnostic.data` holds: nothing for almost every diagnostic, since its
 * `code` (the check id) and its range name its problem; for the rare second
 * problem of one check at the same range, its ordinal among them (1, 2, …).
 * Fixes travel separately: the server computes them when a code action asks,
 * so no diagnostic carries edits.
 */
export type DiagnosticData = number;

/** What an unresolved quick fix's `data` holds, for `codeAction/resolve`. */
export interface CodeActionData {
  readonly uri: string;
  readonly version: number;
  /** The check id: the diagnostic's `code`. */
  readonly code: string;
  readonly key: string;
  /** The fix's index among its problem's fixes. */
  readonly fix: number;
}

/** The `source` of every diagnostic the server publishes; code actions answer only these. */
export const DIAGNOSTIC_SOURCE = 'clausemark';

/** The ordinal in `Diagnostic.data` as the server wrote it, else 0: a client may send anything back, or nothing. */
export function readDiagnosticData(data: unknown): DiagnosticData {
  return typeof data === 'number' && Number.isSafeInteger(data) && data > 0 ? data : 0;
}

/** A code action's `data` as the server wrote it, else undefined. */
export function readCodeActionData(data: unknown): CodeActionData | undefined {
  return hasShape<CodeActionData>(data, { uri: 'string', version: 'number', code: 'string', key: 'string', fix: 'number' });
}

function hasShape<T>(data: unknown, shape: Readonly<Record<keyof T, 'string' | 'number'>>): T | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  return Object.entries(shape).every(([key, type]) => typeof record[key] === type) ? (data as T) : undefined;
}

/** A place still to fill in. */
export interface GapItem {
  readonly range: Range;
  /** A legacy blank (`____`, `[●]`) or a placeholder whose field has no value. */
  readonly kind: 'blank' | 'placeholder';
  /** The words before a blank, or the field's description or name. */
  readonly label: string | null;
  readonly field: string | null;
  /** The field type the gap expects, when known. */
  readonly type: string | null;
}

export interface GapsParams {
  readonly textDocument: TextDocumentIdentifier;
}

/** `clausemark/gaps`: every open gap of a contract in document order; `null` for an unknown or non-contract document. */
export const GapsRequest = new RequestType<GapsParams, GapItem[] | null, void>('clausemark/gaps');

export interface PreviewParams {
  readonly textDocument: TextDocumentIdentifier;
  /** Highlight gaps (blanks and unfilled placeholders) in the HTML; default true. */
  readonly showGaps?: boolean;
}

export interface PreviewResult {
  readonly uri: string;
  /** The document version the HTML was rendered from. */
  readonly version: number;
  readonly title: string;
  /** An HTML fragment (no `<html>`/`<head>`), safe to place in a webview body. */
  readonly html: string;
  readonly gapCount: number;
  readonly problemCount: number;
}

/** `clausemark/preview`: the contract rendered as HTML; `null` for an unknown or non-contract document. */
export const PreviewRequest = new RequestType<PreviewParams, PreviewResult | null, void>('clausemark/preview');

/** A clause of the library, as the "Insert Clause…" picker lists it. */
export interface ClauseTemplateItem {
  readonly id: string;
  readonly topic: string;
  readonly title: string;
  readonly description: string;
  readonly locale: 'zh-CN' | 'en';
  /** The clause text as it will be inserted, for the picker's preview. */
  readonly body: string;
  /** The clause as it reads once inserted (numbers, references and gaps rendered), as plain text. */
  readonly rendered: string;
  readonly source: 'bundled' | 'workspace';
}

export interface ClausesParams {
  /** The contract the clause is for: its locale chooses the templates. */
  readonly textDocument?: TextDocumentIdentifier;
  /** Overrides the document's locale (e.g. for a new contract). */
  readonly locale?: 'zh-CN' | 'en';
}

/** `clausemark/clauses`: the bundled and workspace clause templates of one locale. */
export const ClausesRequest = new RequestType<ClausesParams, ClauseTemplateItem[], void>('clausemark/clauses');

export interface InsertClauseParams {
  readonly textDocument: TextDocumentIdentifier;
  readonly position: Position;
  readonly id: string;
}

/**
 * `clausemark/insertClause`: the edits that insert a template at (after) a
 * position and merge its fields into the front matter; `null` when unknown.
 */
export const InsertClauseRequest = new RequestType<InsertClauseParams, TextEdit[] | null, void>('clausemark/insertClause');

/** The whole library (`full`), or a one-page agreement of the parties, fees, disputes and signatures (`short`). */
export type ContractSize = 'full' | 'short';

/** The client command that fills an empty contract from a template: arguments `(locale?, size?)`. */
export const NEW_CONTRACT_COMMAND = 'clausemark.newContract';

export interface NewContractParams {
  readonly locale: 'zh-CN' | 'en';
  readonly title?: string;
  /** `full` when absent; ignored when `ids` is given. */
  readonly size?: ContractSize;
  /** Which templates to include, in order; all of the locale's when absent. */
  readonly ids?: readonly string[];
}

/** `clausemark/newContract`: a whole agreement composed from the library. */
export const NewContractRequest = new RequestType<NewContractParams, { readonly text: string }, void>('clausemark/newContract');

export interface ExportParams {
  readonly textDocument: TextDocumentIdentifier;
  readonly format: 'html' | 'docx';
  /** Keep gaps visible as labelled boxes (default) or print them as lines to fill in by hand. */
  readonly showGaps?: boolean;
}

export interface ExportResult {
  readonly format: 'html' | 'docx';
  /** `utf8` text for HTML, `base64` bytes for DOCX. */
  readonly encoding: 'utf8' | 'base64';
  readonly data: string;
  readonly title: string;
  readonly errorCount: number;
  readonly gapCount: number;
}

/** `clausemark/export`: the same rendering as the preview, as a standalone HTML page or a DOCX document. */
export const ExportRequest = new RequestType<ExportParams, ExportResult | null, void>('clausemark/export');

export interface ImportDocxParams {
  /** The .docx file's bytes, base64. */
  readonly data: string;
  /** Rewrite blanks as typed placeholders declared in front matter (`clausemark import --typed`). */
  readonly typed?: boolean;
  /** The language of the failure message. */
  readonly locale?: 'zh-CN' | 'en';
}

export type ImportDocxResult =
  { readonly ok: true; readonly text: string; readonly changes: number; readonly comments: number } | { readonly ok: false; readonly message: string };

/** `clausemark/importDocx`: a Word contract as Clausemark Markdown (see docs/import.md); a file that is not a readable .docx gets `ok: false` and why. */
export const ImportDocxRequest = new RequestType<ImportDocxParams, ImportDocxResult, void>('clausemark/importDocx');

/**
 * Workspace trust. A client says at `initialize` (`initializationOptions.workspaceTrusted`)
 * whether the workspace is trusted; until it is, contracts' `data:` files are
 * not read. Clients without the notion say nothing and are trusted. VS Code
 * sends this notification when the user grants trust later.
 */
export interface ClausemarkInitializationOptions {
  readonly workspaceTrusted?: boolean;
  /** Asks for `clausemark/diagnosticsUnchanged` where a push is skipped (benchmarks, tests): editors need not hear of it. */
  readonly reportUnchangedDiagnostics?: boolean;
  /**
   * The client links each diagnostic to its check's documentation itself, from
   * its `code` and the `clausemark.docsBaseUrl` setting (with `checkDocsHref`),
   * so the server leaves `codeDescription` out: on a long contract that link was
   * a third of every diagnostic. The VS Code extension sets it; an editor that
   * does not gets the link on every diagnostic.
   */
  readonly clientAddsDocsLinks?: boolean;
}

/** Where a check's documentation is: `codeDescription.href` of its diagnostics. */
export function checkDocsHref(docsBaseUrl: string, checkId: string): string {
  return `${docsBaseUrl}/checks.md#${checkId}`;
}

/**
 * Sent, to a client that asked for it, instead of a `publishDiagnostics` whose
 * list would equal the one last published: the diagnostics of `version` are
 * the ones the client already shows.
 */
export interface DiagnosticsUnchangedParams {
  readonly uri: string;
  readonly version: number;
}
export const DiagnosticsUnchangedNotification = new NotificationType<DiagnosticsUnchangedParams>('clausemark/diagnosticsUnchanged');
export const WorkspaceTrustedNotification = new NotificationType<void>('clausemark/workspaceTrusted');
