/** Levenshtein distance, capped: beyond `max` the exact figure does not matter. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Beyond this many candidates a suggestion is skipped: it would cost more than it helps. */
const MAX_CANDIDATES = 500;

/** The one candidate closest to `name`, if exactly one is within reach. */
export function closestName(name: string, candidates: Iterable<string>, max = 2): string | undefined {
  const list = [...candidates];
  if (list.length > MAX_CANDIDATES) return undefined;
  let best: string | undefined;
  let bestDistance = max + 1;
  let tie = false;
  for (const candidate of list) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase(), max);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) tie = true;
  }
  return best !== undefined && bestDistance <= Math.min(max, Math.max(1, Math.floor(name.length / 2))) && !tie ? best : undefined;
}
