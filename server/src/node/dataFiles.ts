/**
 * What a contract's `data:` may read, for the CLI and the server alike: a
 * regular file, no larger than DATA_FILE_LIMIT, that is inside `root` once
 * every symbolic link is followed. A contract from someone else must not be
 * able to show `/etc/passwd` or `../secret.yaml` in a hover or an export, nor
 * freeze the server on `/dev/zero`. The file is opened without blocking and
 * checked on the open descriptor, so it cannot be swapped between check and read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { DataFileRead } from '../core/index.js';

export const DATA_FILE_LIMIT = 1024 * 1024;

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** Whether a file, links followed, is the root or inside it. */
function locate(realRoot: string, real: string): DataFileRead | 'ok' {
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep) ? 'ok' : { refused: 'outside' };
}

/** Reads a data file for the CLI, where the contract's own folder is the root. */
export function readDataFileSync(contractPath: string, name: string, root = dirname(resolve(contractPath))): DataFileRead {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(resolve(dirname(contractPath), name));
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  const allowed = locate(realRoot, real);
  if (allowed !== 'ok') return allowed;
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { refused: 'notFile' };
    if (stat.size > DATA_FILE_LIMIT) return { refused: 'tooLarge' };
    const bytes = Buffer.alloc(DATA_FILE_LIMIT + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < bytes.length; length += n) n = readSync(fd, bytes, length, bytes.length - length, length);
    return length > DATA_FILE_LIMIT ? { refused: 'tooLarge' } : new TextDecoder().decode(bytes.subarray(0, length));
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The same rules, without blocking the server's event loop. */
export async function readDataFileAsync(contractPath: string, name: string, root: string): Promise<DataFileRead> {
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([realpath(resolve(dirname(contractPath), name)), realpath(root)]);
  } catch {
    return undefined;
  }
  const allowed = locate(realRoot, real);
  if (allowed !== 'ok') return allowed;
  let handle;
  try {
    handle = await open(real, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { refused: 'notFile' };
    if (stat.size > DATA_FILE_LIMIT) return { refused: 'tooLarge' };
    const bytes = Buffer.alloc(DATA_FILE_LIMIT + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < bytes.length; length += n) n = (await handle.read(bytes, length, bytes.length - length, length)).bytesRead;
    return length > DATA_FILE_LIMIT ? { refused: 'tooLarge' } : new TextDecoder().decode(bytes.subarray(0, length));
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/**
 * The server's data files: read asynchronously before a contract is parsed,
 * then handed to the (synchronous) core from memory. Each analysis refreshes
 * what the contract used last time; a name met for the first time is read and
 * the contract parsed once more.
 */
export class DataFileCache {
  private readonly values = new Map<string, DataFileRead>();
  private readonly usedBy = new Map<string, Set<string>>();
  private readonly missingBy = new Map<string, Set<string>>();

  /** Re-reads the data files `uri` used in its last analysis. */
  async refresh(uri: string, contractPath: string, root: string, trusted: boolean): Promise<void> {
    const names = [...(this.usedBy.get(uri) ?? [])];
    this.usedBy.set(uri, new Set());
    this.missingBy.set(uri, new Set());
    await Promise.all(names.map((name) => this.load(contractPath, name, root, trusted)));
  }

  /** Reads what the last parse of `uri` asked for and did not find in memory; false when there was nothing. */
  async loadMissing(uri: string, contractPath: string, root: string, trusted: boolean): Promise<boolean> {
    const names = [...(this.missingBy.get(uri) ?? [])];
    this.missingBy.set(uri, new Set());
    await Promise.all(names.map((name) => this.load(contractPath, name, root, trusted)));
    return names.length > 0;
  }

  /**
   * A reader for the core that answers from memory, recording per document
   * what it was asked (refreshed next time) and what it did not have yet.
   * It stays valid for incremental reparses of later versions.
   */
  reader(uri: string, contractPath: string, root: string, trusted: boolean): (name: string) => DataFileRead {
    return (name) => {
      const k = key(contractPath, name, root, trusted);
      this.setOf(this.usedBy, uri).add(name);
      if (!this.values.has(k)) this.setOf(this.missingBy, uri).add(name);
      return this.values.get(k);
    };
  }

  forget(uri: string): void {
    this.usedBy.delete(uri);
    this.missingBy.delete(uri);
  }

  private async load(contractPath: string, name: string, root: string, trusted: boolean): Promise<void> {
    const value = trusted ? await readDataFileAsync(contractPath, name, root) : { refused: 'untrusted' as const };
    this.values.set(key(contractPath, name, root, trusted), value);
  }

  private setOf(map: Map<string, Set<string>>, uri: string): Set<string> {
    let set = map.get(uri);
    if (!set) map.set(uri, (set = new Set()));
    return set;
  }
}

function key(contractPath: string, name: string, root: string, trusted: boolean): string {
  return JSON.stringify([resolve(dirname(contractPath), name), root, trusted]);
}
