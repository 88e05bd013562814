import { chmodSync, closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes `bytes` to `path` without ever leaving it half written: the bytes go
 * to a new file beside it, are flushed to disk, and the new file is renamed
 * over the old one, so a crash or a full disk leaves either the old file or
 * the new one. The file keeps its permission bits; a symbolic link keeps
 * pointing where it did, and the file it points at is the one replaced.
 * Throws (with the temporary file removed) when anything fails.
 */
export function writeFileReplacing(path: string, bytes: Uint8Array): void {
  const target = realTarget(path);
  const mode = existingMode(target);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': never open a file someone else put there under the same name.
  const fd = openSync(temporary, 'wx', mode ?? 0o666);
  try {
    try {
      for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written);
      if (mode !== undefined) chmodSync(temporary, mode);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed or never created: nothing to clean up.
    }
    throw error;
  }
}

/** The file a path finally names, through symbolic links; the path itself when it does not exist yet. */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}
