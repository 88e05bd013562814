import {
  analyzeContract,
  isOverLimit,
  LineIndex,
  mergeConfigs,
  overLimitDocument,
  runChecks,
  type AnalyzeOptions as CoreAnalyzeOptions,
  type ClausemarkConfig,
  type ContractDocument,
  type ContractAnalysis,
  type Locale,
  type Problem,
} from '../core/index.js';
import { readContractFile, type ContractEncoding } from '../node/contractFile.js';
import { configForContract, dataFileReader, notSeenBefore, type LoadedConfig } from '../node/workspaceConfig.js';

export interface AnalyzedFile {
  readonly path: string;
  readonly text: string;
  readonly doc: ContractDocument;
  readonly problems: readonly Problem[];
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

/** A contract file read from disk, with the configuration and data-file reader that apply to it. */
export interface LoadedContract {
  readonly path: string;
  readonly text: string;
  readonly config: ClausemarkConfig;
  /** The encoding the file was read in, and is written back in. */
  readonly encoding: ContractEncoding;
  /** Too large to read: nothing in it is looked at. */
  readonly overLimit: boolean;
  readonly core: Omit<CoreAnalyzeOptions, 'previous'>;
}

/** Reads, parses and checks one contract with the configuration that applies to it. */
export function analyzeFile(path: string, options: AnalyzeOptions): AnalyzedFile | ReadFailure {
  const loaded = loadContract(path, options);
  if (isFailure(loaded)) return loaded;
  const { text, config, encoding } = loaded;
  const { doc, problems } = analyzeLoaded(loaded);
  return { path, text, doc, problems, lines: new LineIndex(isOverLimit(doc) ? '' : text), config, encoding };
}

/** Checks a loaded contract; one too large to read is one document-limits problem at the start. */
export function analyzeLoaded(loaded: LoadedContract): ContractAnalysis {
  if (!loaded.overLimit) return analyzeContract(loaded.text, loaded.core);
  const doc = overLimitDocument('', { locale: loaded.config.locale });
  return { doc, problems: runChecks(doc, loaded.config) };
}

/** Reads one contract and finds the configuration that applies to it; checks nothing. */
export function loadContract(path: string, options: AnalyzeOptions): LoadedContract | ReadFailure {
  const read = readContractFile(path);
  if (read.kind === 'failure') return { path, reason: read.reason };
  const text = read.kind === 'text' ? read.text : '';
  const encoding = read.kind === 'text' ? read.encoding : 'UTF-8';
  const loaded = options.explicitConfig ?? configForContract(path, [], options.locale ?? 'en');
  const fresh = notSeenBefore(seenConfigErrors, loaded.errors);
  if (fresh.length > 0) options.onConfigErrors(fresh);
  const config = mergeConfigs(loaded.config, options.locale ? { locale: options.locale } : undefined);
  return { path, text, config, encoding, overLimit: read.kind === 'over-limit', core: { config, readDataFile: dataFileReader(path) } };
}

export function isFailure<T extends object>(result: T | ReadFailure): result is ReadFailure {
  return 'reason' in result;
}
