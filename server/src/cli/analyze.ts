import { dirname } from 'node:path';
import { isOverLimit, LineIndex, mergeConfigs, overLimitDocument, parseContract, runChecks, type ClausemarkConfig, type ContractDocument, type Locale, type Problem } from '../core/index.js';
import { readContractFile, type ContractEncoding } from '../node/contractFile.js';
import { dataFileReader, loadWorkspaceConfig, type LoadedConfig } from '../node/workspaceConfig.js';

export interface AnalyzedFile {
  readonly path: string;
  readonly text: string;
  readonly doc: ContractDocument;
  readonly problems: Problem[];
  readonly lines: LineIndex;
  readonly config: ClausemarkConfig;
  /** The encoding the file was read in, and is written back in. */
  readonly encoding: ContractEncoding;
}

export interface ReadFailure {
  readonly path: string;
  readonly reason: string;
}

export interface AnalyzeOptions {
  readonly locale: Locale | undefined;
  /** A configuration named on the command line; otherwise the nearest workspace file is used. */
  readonly explicitConfig: LoadedConfig | undefined;
  readonly onConfigErrors: (errors: readonly string[]) => void;
}

const seenConfigErrors = new Set<string>();

/** Reads, parses and checks one contract with the configuration that applies to it. */
export function analyzeFile(path: string, options: AnalyzeOptions): AnalyzedFile | ReadFailure {
  const read = readContractFile(path);
  if (read.kind === 'failure') return { path, reason: read.reason };
  const text = read.kind === 'text' ? read.text : '';
  const encoding = read.kind === 'text' ? read.encoding : 'UTF-8';
  const loaded = options.explicitConfig ?? loadWorkspaceConfig(dirname(path), undefined, options.locale ?? 'en');
  const fresh = loaded.errors.filter((e) => !seenConfigErrors.has(e));
  fresh.forEach((e) => seenConfigErrors.add(e));
  if (fresh.length > 0) options.onConfigErrors(fresh);
  const config = mergeConfigs(loaded.config, options.locale ? { locale: options.locale } : undefined);
  // Too large to read, or read and too large to check: one document-limits problem at the start.
  const doc = read.kind === 'over-limit' ? overLimitDocument('', { locale: config.locale }) : parseContract(text, { locale: config.locale, readDataFile: dataFileReader(path) });
  const lines = new LineIndex(isOverLimit(doc) ? '' : text);
  return { path, text, doc, problems: runChecks(doc, config), lines, config, encoding };
}

export function isFailure(result: AnalyzedFile | ReadFailure): result is ReadFailure {
  return 'reason' in result;
}
