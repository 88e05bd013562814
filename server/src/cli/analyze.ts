import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LineIndex, mergeConfigs, parseContract, runChecks, type ClausemarkConfig, type ContractDocument, type Locale, type Problem } from '../core/index.js';
import { dataFileReader, loadWorkspaceConfig, type LoadedConfig } from '../node/workspaceConfig.js';

export interface AnalyzedFile {
  readonly path: string;
  readonly text: string;
  readonly doc: ContractDocument;
  readonly problems: Problem[];
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

/** Reads, parses and checks one contract with the configuration that applies to it. */
export function analyzeFile(path: string, options: AnalyzeOptions): AnalyzedFile | ReadFailure {
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
  const doc = parseContract(text, { locale: config.locale, readDataFile: dataFileReader(path) });
  return { path, text, doc, problems: runChecks(doc, config), lines: new LineIndex(text), config };
}

export function isFailure(result: AnalyzedFile | ReadFailure): result is ReadFailure {
  return 'reason' in result;
}
