import { statSync } from 'node:fs';
import { isDynamicPattern, globSync } from 'tinyglobby';

export interface FileExpansion {
  readonly files: string[];
  /** Patterns or paths that matched nothing, for a clear error. */
  readonly unmatched: string[];
}

const CONTRACT_GLOB = '**/*.contract.md';
const IGNORE = ['**/node_modules/**', '**/.git/**'];

/**
 * Turns the command line's operands into files: a file is taken as given
 * (any extension: contracts arrive as .txt too), a folder means the contracts
 * in it, anything else is a glob.
 */
export function expandOperands(operands: readonly string[], cwd: string): FileExpansion {
  const files: string[] = [];
  const unmatched: string[] = [];
  const add = (file: string) => {
    if (!files.includes(file)) files.push(file);
  };
  const list = operands.length > 0 ? operands : [CONTRACT_GLOB];
  for (const operand of list) {
    const kind = statKind(operand);
    if (kind === 'file') {
      add(operand);
    } else if (kind === 'dir') {
      for (const file of globSync(CONTRACT_GLOB, { cwd: operand, ignore: IGNORE }).sort()) add(joinPath(operand, file));
    } else if (isDynamicPattern(operand)) {
      const matched = globSync(operand, { cwd, ignore: IGNORE }).sort();
      if (matched.length === 0) unmatched.push(operand);
      matched.forEach(add);
    } else {
      // Not a file, folder or pattern: let the reader report it as missing.
      add(operand);
    }
  }
  return { files, unmatched };
}

function statKind(path: string): 'file' | 'dir' | undefined {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

function joinPath(dir: string, file: string): string {
  return dir.endsWith('/') ? dir + file : `${dir}/${file}`;
}
