/**
 * The folders an editor has open, and whether it trusts them: where a
 * contract's configuration is looked for and what its `data:` may read.
 */
import { dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export class Workspace {
  private paths: string[] = [];
  trusted = true;

  /** File-system paths of the open folders. */
  get folders(): readonly string[] {
    return this.paths;
  }

  /** The folders an editor opened with, as uris; those not on this disk are left out. */
  open(uris: readonly string[], trusted: boolean): void {
    this.paths = uris.flatMap((uri) => filePath(uri) ?? []);
    this.trusted = trusted;
  }

  change(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.map(filePath));
    this.paths = [...this.paths.filter((f) => !gone.has(f)), ...added.flatMap((uri) => filePath(uri) ?? [])];
  }

  /** Where the contract at `uri` may read its `data:` file: inside the open folder that holds it, else its own folder. */
  dataAccess(uri: string): { contractPath: string; root: string; trusted: boolean } | undefined {
    const contractPath = filePath(uri);
    if (contractPath === undefined) return undefined;
    return { contractPath, root: innermostFolder(contractPath, this.paths) ?? dirname(contractPath), trusted: this.trusted };
  }
}

/** The innermost of `folders` that is or holds `path`. */
export function innermostFolder(path: string, folders: readonly string[]): string | undefined {
  return folders.filter((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep)).sort((a, b) => b.length - a.length)[0];
}

/** The file-system path of a `file:` uri, else undefined. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
