import type { EntityNameMention } from '../model.js';
import type { Check } from './types.js';

/**
 * A party's legal name is written one way throughout: 北京示例数据有限公司 is not
 * 北京示例数据公司, and `Acme, Inc.` is not `Acme Inc`. Names are grouped by the
 * words before their legal form; the spelling declared under `parties:` wins,
 * else the one written most often (the first on a tie). A full stop after the
 * legal form is not compared: it may end the sentence.
 */
export const partyName: Check = {
  id: 'party-name',
  defaultSeverity: 'warning',
  messages: {
    en: {
      summary: "A party's name is written in two different ways.",
      variant: '"{written}" is written "{name}" elsewhere; a name that varies invites a dispute over who the party is.',
      canonical: 'Written "{name}" here.',
      useCanonical: 'Write "{name}"',
    },
    'zh-CN': {
      summary: '同一当事方的名称有不同写法。',
      variant: '“{written}”在别处写作“{name}”；名称不一致可能引发主体争议。',
      canonical: '此处写作“{name}”。',
      useCanonical: '改为“{name}”',
    },
  },
  run({ doc, report }) {
    const declared = new Map<string, string>();
    for (const party of doc.parties) {
      if (!party.name) continue;
      const own = doc.entityNames.find((e) => sameName(e.text, party.name!));
      if (own) declared.set(`${own.core}|${formFamily(own.text)}`, party.name);
    }
    const byCore = new Map<string, EntityNameMention[]>();
    for (const mention of doc.entityNames) {
      // Acme Ltd and Acme Inc may be two companies of one group: only spellings of one legal form are compared.
      const key = `${mention.core}|${formFamily(mention.text)}`;
      if (!byCore.has(key)) byCore.set(key, []);
      byCore.get(key)!.push(mention);
    }
    for (const [core, mentions] of byCore) {
      const spellings = new Map<string, EntityNameMention[]>();
      for (const m of mentions) {
        const k = comparable(m.text);
        if (!spellings.has(k)) spellings.set(k, []);
        spellings.get(k)!.push(m);
      }
      if (spellings.size < 2) continue;
      const name = declared.get(core) ?? [...spellings.values()].sort((a, b) => b.length - a.length || a[0]!.span.start - b[0]!.span.start)[0]![0]!.text;
      const canonical = comparable(name);
      const example = spellings.get(canonical)?.[0];
      const shown = name.replace(/\.$/, '');
      for (const [spelling, group] of spellings) {
        if (spelling === canonical) continue;
        for (const m of group) {
          // A variant's final full stop may end its sentence; it belongs to the name only when the sentence goes on.
          const goesOn = /^(?:\s+[a-z]|[,;:)])/.test(doc.text.slice(m.span.end, m.span.end + 2));
          const text = goesOn ? m.text : m.text.replace(/\.$/, '');
          const newText = text === m.text ? name : shown;
          const span = { start: m.span.start, end: m.span.start + text.length };
          report({
            span,
            key: 'variant',
            args: { written: text, name },
            related: example ? [{ span: example.span, key: 'canonical', args: { name } }] : [],
            fixes: [{ key: 'useCanonical', args: { name }, edits: [{ span, newText }], safe: false }],
          });
        }
      }
    }
  },
};

/** The legal form without its spelling: Inc, Inc. and Incorporated are one form; 公司 is short for 有限公司. */
function formFamily(name: string): string {
  const tail = name.replace(/\.$/, '').toLowerCase();
  if (/有限责任公司$|有限公司$|(?<!有限)公司$/.test(tail)) return /股份有限公司$/.test(tail) ? 'joint-stock' : 'company';
  if (/(?:^|\W)(?:inc|incorporated)$/.test(tail)) return 'inc';
  if (/co\.?,?\s?ltd$|company limited$/.test(tail)) return 'co-ltd';
  if (/pte\.?\s?ltd$/.test(tail)) return 'pte';
  if (/(?:^|\W)(?:ltd|limited)$/.test(tail)) return 'ltd';
  if (/(?:^|\W)(?:corp|corporation)$/.test(tail)) return 'corp';
  if (/(?:^|\W)(?:llc|l\.l\.c)$/.test(tail)) return 'llc';
  return tail.split(/\s+/).pop() ?? '';
}

function comparable(name: string): string {
  return name.replace(/\.$/, '').replace(/\s+/g, ' ');
}

function sameName(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}
