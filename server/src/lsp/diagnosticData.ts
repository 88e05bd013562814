/**
 * What our diagnostics carry for code actions: the version and a key per
 * problem. Written by features/diagnostics.ts, read back by
 * features/codeActions.ts, which finds the problem (and its fixes) by the key.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { Problem } from '../core/index.js';
import type { DiagnosticData } from '../protocol.js';
import type { Analysis } from './analysis.js';

export const DIAGNOSTIC_SOURCE = 'clausemark';

/** The problem of check `checkId` that a diagnostic's key names in this analysis, if it is still there. */
export function problemByKey(analysis: Analysis, checkId: string, key: string): Problem | undefined {
  return problemKeys(analysis).byKey.get(`${checkId}:${key}`);
}

interface Keys {
  readonly keys: readonly string[];
  readonly byKey: ReadonlyMap<string, Problem>;
}

const keyCache = new WeakMap<Analysis, Keys>();

/**
 * One key per problem: its span, with a count for the rare problems of one
 * check that share it (the check id travels as the diagnostic's `code`).
 * Stable for a given analysis, so a code action made from a diagnostic finds
 * the same problem again.
 */
export function problemKeys(analysis: Analysis): Keys {
  let cached = keyCache.get(analysis);
  if (!cached) {
    const keys: string[] = [];
    const byKey = new Map<string, Problem>();
    for (const problem of analysis.problems) {
      const base = `${problem.span.start}-${problem.span.end}`;
      let key = base;
      for (let n = 1; byKey.has(`${problem.checkId}:${key}`); n++) key = `${base}.${n}`;
      keys.push(key);
      byKey.set(`${problem.checkId}:${key}`, problem);
    }
    cached = { keys, byKey };
    keyCache.set(analysis, cached);
  }
  return cached;
}

/** Reads `Diagnostic.data` written by this server; anything else is ignored. */
export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data !== 'object' || typeof data.version !== 'number' || typeof data.key !== 'string') return undefined;
  return data as DiagnosticData;
}
