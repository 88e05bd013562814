import type { Problem } from '../model.js';

interface Keys {
  readonly keys: readonly string[];
  readonly byKey: ReadonlyMap<string, Problem>;
}

const keyCache = new WeakMap<readonly Problem[], Keys>();

/**
 * One key per problem: its span, with a count for the rare problems of one
 * check that share it (an editor sends the check id beside the key). Stable
 * for a given list of problems, so a fix offered from a diagnostic finds the
 * same problem again.
 */
export function problemKeys(problems: readonly Problem[]): Keys {
  let cached = keyCache.get(problems);
  if (!cached) {
    const keys: string[] = [];
    const byKey = new Map<string, Problem>();
    for (const problem of problems) {
      const base = `${problem.span.start}-${problem.span.end}`;
      let key = base;
      for (let n = 1; byKey.has(`${problem.checkId}:${key}`); n++) key = `${base}.${n}`;
      keys.push(key);
      byKey.set(`${problem.checkId}:${key}`, problem);
    }
    cached = { keys, byKey };
    keyCache.set(problems, cached);
  }
  return cached;
}

/** The problem of check `checkId` that `key` names among `problems`, if it is still there. */
export function problemByKey(problems: readonly Problem[], checkId: string, key: string): Problem | undefined {
  return problemKeys(problems).byKey.get(`${checkId}:${key}`);
}
