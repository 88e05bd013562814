import type { Problem, Span } from '../model.js';

/**
 * A problem is named by its check, its span and, for the rare problems of one
 * check that share a span, its ordinal among them (0 for the first). Editors
 * send back the check id and the range of a diagnostic anyway, so only a
 * non-zero ordinal has to travel with it.
 */
export function problemKey(span: Span, ordinal: number): string {
  return ordinal === 0 ? `${span.start}-${span.end}` : `${span.start}-${span.end}.${ordinal}`;
}

const ordinalCache = new WeakMap<readonly Problem[], readonly number[]>();

/**
 * Each problem's ordinal among the problems of its check at the same span.
 * Problems come in document order, span and check id (runChecks sorts them),
 * so those sharing a span are neighbours: one comparison per problem, no keys built.
 */
export function problemOrdinals(problems: readonly Problem[]): readonly number[] {
  let ordinals = ordinalCache.get(problems);
  if (!ordinals) {
    const found = new Array<number>(problems.length);
    for (let i = 0; i < problems.length; i++) {
      const previous = i > 0 ? problems[i - 1]! : undefined;
      const problem = problems[i]!;
      const same =
        previous !== undefined && previous.checkId === problem.checkId && previous.span.start === problem.span.start && previous.span.end === problem.span.end;
      found[i] = same ? found[i - 1]! + 1 : 0;
    }
    ordinals = found;
    ordinalCache.set(problems, ordinals);
  }
  return ordinals;
}

const byKeyCache = new WeakMap<readonly Problem[], ReadonlyMap<string, Problem>>();

/** The problem of check `checkId` that `key` names among `problems`, if it is still there. */
export function problemByKey(problems: readonly Problem[], checkId: string, key: string): Problem | undefined {
  let byKey = byKeyCache.get(problems);
  if (!byKey) {
    const ordinals = problemOrdinals(problems);
    const map = new Map<string, Problem>();
    problems.forEach((problem, i) => map.set(`${problem.checkId}:${problemKey(problem.span, ordinals[i]!)}`, problem));
    byKey = map;
    byKeyCache.set(problems, byKey);
  }
  return byKey.get(`${checkId}:${key}`);
}
