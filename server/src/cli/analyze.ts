import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { analyzeContract, LineIndex, mergeConfigs, type AnalyzeOptions as CoreAnalyzeOptions, type ClausemarkConfig, type ContractDocument, type Locale, type Problem } from '../core/index.js';
import { dataFileReader, loadWorkspaceConfig, type LoadedConfig } from '../node/workspaceConfig.js';

export interface AnalyzedFile {
  readonly path: string;
  readonly text: string;
  readonly doc: ContractDocument;
  readonly problems: readonly Problem[];
  readonly lines: LineIndex;
  readonly config: ClausemarkConfig;
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
  readonly core: Omit<CoreAnalyzeOptions, 'previous'>;
}

/** Reads, parses and checks one contract with the configuration that applies to it. */
export function analyzeFile(path: string, options: AnalyzeOptions): AnalyzedFile | ReadFailure {
  const loaded = loadContract(path, options);
  if (isFailure(loaded)) return loaded;
  const { text, config } = loaded;
  const { doc, problems } = analyzeContract(text, loaded.core);
  return { path, text, doc, problems, lines: new LineIndex(text), config };
}

/** Reads one contract and finds the configuration that applies to it; checks nothing. */
export function loadContract(path: string, options: AnalyzeOptions): LoadedContract | ReadFailure {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { path, reason: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message };
  }
  const loaded = options.explicitConfig ?? loadWorkspaceConfig(dirname(path), undefined, options.locale ?? 'en');
  const fresh = loaded.errors.filter((e) => !seenConfigErrors.has(e));
  fresh.forEach((e) => seenConfigErrors.add(e));
  if (fresh.length > 0) options.onConfigErrors(fresh);
  const config = mergeConfigs(loaded.config, options.locale ? { locale: options.locale } : undefined);
  return { path, text, config, core: { config, readDataFile: dataFileReader(path) } };
}

export function isFailure<T extends object>(result: T | ReadFailure): result is ReadFailure {
  return 'reason' in result;
}
