import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, parse as parsePath, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { validateConfig, type ClausemarkConfig, type DataFileRead, type Locale } from '../core/index.js';
import { readDataFileSync } from './dataFiles.js';
import { innermostFolder } from './workspace.js';

export const CONFIG_FILE_NAMES = ['.clausemark.json', '.clausemark.yaml', '.clausemark.yml'] as const;

export interface LoadedConfig {
  readonly config: ClausemarkConfig;
  /** The file it came from, if one was found. */
  readonly path: string | undefined;
  /** Readable problems with the file; the valid parts are still used. */
  readonly errors: readonly string[];
}

/**
 * Finds the nearest `.clausemark.json`/`.yaml` from `startDir` upwards (stopping
 * at `stopDir` when given) and validates it. Never throws: a broken file is
 * reported in `errors` and ignored.
 */
export function loadWorkspaceConfig(startDir: string, stopDir?: string, locale: Locale = 'en'): LoadedConfig {
  let dir = resolve(startDir);
  const stop = stopDir ? resolve(stopDir) : parsePath(dir).root;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(dir, name);
      if (existsSync(path)) return readConfigFile(path, locale);
    }
    if (dir === stop) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { config: {}, path: undefined, errors: [] };
}

/** The messages of `messages` not seen before (and now seen): a broken config file is worth one message, not one per check. */
export function notSeenBefore(seen: Set<string>, messages: readonly string[]): string[] {
  const fresh = [...new Set(messages)].filter((m) => !seen.has(m));
  fresh.forEach((m) => seen.add(m));
  return fresh;
}

/**
 * The configuration that applies to the contract at `path`: the nearest
 * workspace file, looking no higher than the workspace folder that holds it.
 */
export function configForContract(path: string, folders: readonly string[], locale: Locale): LoadedConfig {
  const dir = dirname(path);
  return loadWorkspaceConfig(dir, innermostFolder(dir, folders), locale);
}

export function readConfigFile(path: string, locale: Locale = 'en'): LoadedConfig {
  let data: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    return { config: {}, path, errors: [`${path}: ${(error as Error).message.split('\n')[0]}`] };
  }
  const { config, errors } = validateConfig(data, locale);
  return { config, path, errors: errors.map((e) => `${path}: ${e}`) };
}

/** The CLI's data-file reader for `parseContract`: files in the contract's own folder tree only (see dataFiles.ts). */
export function dataFileReader(contractPath: string): (path: string) => DataFileRead {
  return (path) => readDataFileSync(contractPath, path);
}
