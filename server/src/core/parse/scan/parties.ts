import type { PartyMention } from '../../model.js';

const PARTY = /[甲乙丙丁戊己]方|\bParty [A-F]\b/g;

/** Parties named the way contracts name them: 甲方, 丙方, Party C. */
export function scanPartyMentions(masked: string, base: number): PartyMention[] {
  const found: PartyMention[] = [];
  for (const match of masked.matchAll(PARTY)) {
    found.push({ span: { start: base + match.index, end: base + match.index + match[0].length }, key: match[0] });
  }
  return found;
}
