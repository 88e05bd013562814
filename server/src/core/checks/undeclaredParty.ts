import type { PartyMention } from '../model.js';
import type { Check } from './types.js';
import { rigidInput, type FactsKind } from './rigidInput.js';
import { blockLists } from './blockLists.js';

/** A party named in the body (丙方, Party C) that the front matter does not declare. */
export const undeclaredParty: Check = {
  id: 'undeclared-party',
  defaultSeverity: 'warning',
  messages: {
    en: {
      summary: 'A party is named in the text but not declared under `parties:`.',
      undeclared: '"{party}" is named here but not declared; declared parties: {parties}.',
    },
    'zh-CN': {
      summary: '正文提到的当事方未在 `parties:` 中声明。',
      undeclared: '正文提到“{party}”，但未声明该当事方；已声明：{parties}。',
    },
  },
  // Each mention's party and span, the parties declared and the message language are all it reads.
  reads(doc) {
    const items = blockLists(doc, (block) => block.partyMentions, doc.partyMentions.length);
    const declared = doc.parties.map((p) => `${p.key}\u0001${p.name ?? ''}`).join('\u0000');
    return items && rigidInput(`${doc.locale}\u0000${declared}`, items, MENTIONS);
  },
  run({ doc, report }) {
    // Without declared parties there is nothing to compare with (legacy contracts).
    if (doc.parties.length === 0) return;
    const declared = new Set(doc.parties.flatMap((p) => [p.key, ...(p.name ? [p.name] : [])]));
    const list = doc.parties.map((p) => p.key).join(doc.locale === 'zh-CN' ? '、' : ', ');
    for (const mention of doc.partyMentions) {
      if (declared.has(mention.key)) continue;
      report({ span: mention.span, key: 'undeclared', args: { party: mention.key, parties: list } });
    }
  },
};

const MENTIONS: FactsKind<readonly PartyMention[]> = {
  offsets(mentions, out) {
    for (const m of mentions) out.push(m.span.start, m.span.end);
  },
  same({ facts: a }, { facts: b }) {
    return a.length === b.length && a.every((m, i) => m.key === b[i]!.key);
  },
};
