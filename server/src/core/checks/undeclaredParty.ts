import type { Check } from './types.js';

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
