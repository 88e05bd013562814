import type { ContractDocument, Problem } from './model.js';
import { runChecks, type CheckConfig } from './checks/runChecks.js';
import { parseContract, type ParseOptions } from './parse/parseContract.js';
import { reparseWithChanges, type TextChange } from './parse/incremental.js';
import { exceedsInputLimit } from './limits.js';

export interface AnalyzeOptions {
  /** Per-check severities and the message locale. */
  readonly config?: CheckConfig | undefined;
  /** Reads the data file a contract names in `data:`; the caller owns all I/O. */
  readonly readDataFile?: ParseOptions['readDataFile'];
  /**
   * The model of an earlier version and the edits since: only the blocks the
   * edits touched are parsed again. Ignored unless the edits lead to `text`.
   */
  readonly previous?: { readonly doc: ContractDocument; readonly changes: readonly TextChange[] } | undefined;
}

/** One version of a contract as read: its model and its problems. */
export interface ContractAnalysis {
  readonly doc: ContractDocument;
  readonly problems: readonly Problem[];
}

/** Parses and checks a contract: the one pipeline the server and the CLI share. */
export function analyzeContract(text: string, options: AnalyzeOptions = {}): ContractAnalysis {
  const config = options.config ?? {};
  let doc: ContractDocument | undefined;
  // Over the input limit nothing is reparsed: parseContract answers with one problem at once.
  if (options.previous && !exceedsInputLimit(text.length)) {
    const reparsed = reparseWithChanges(options.previous.doc, options.previous.changes);
    // The edits were recorded by the caller; trust them only if they add up.
    if (reparsed.text === text) doc = reparsed;
  }
  doc ??= parseContract(text, { locale: config.locale, readDataFile: options.readDataFile });
  return { doc, problems: runChecks(doc, config) };
}
