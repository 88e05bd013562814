import type { Suppression } from '../../model.js';

const COMMENT = /<!--\s*clausemark-(disable-next-line|disable-line|disable|enable)((?:\s+[a-z0-9-]+)*)\s*-->/g;

/** Reads markdownlint-style comments that switch checks off and on. */
export function scanSuppressions(source: string, base: number): Suppression[] {
  const found: Suppression[] = [];
  for (const match of source.matchAll(COMMENT)) {
    found.push({
      span: { start: base + match.index, end: base + match.index + match[0].length },
      kind: match[1] as Suppression['kind'],
      checkIds: match[2]!.trim() === '' ? [] : match[2]!.trim().split(/\s+/),
    });
  }
  return found;
}
