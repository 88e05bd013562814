import type { Check } from './types.js';
import { comparable, quantityFacts, type QuantityFact } from '../facts/quantities.js';

/**
 * The same quantity — an instalment, a deadline, a cap or rate, the term,
 * the total — stated in two places with two values. Paired by the words
 * around them (see facts/quantities.ts); reported at every place, each
 * linked to the others. Only the drafter knows which one is meant: no fix.
 */
export const conflictingQuantity: Check = {
  id: 'conflicting-quantity',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'The same quantity is stated in two places with different values.',
      conflict: 'This says {value}, but the same {what} is stated elsewhere as {others}.',
      other: 'Stated here as {value}.',
      'what.instalment-percent': 'instalment',
      'what.instalment-deadline': 'payment deadline',
      'what.deadline': 'deadline',
      'what.rate': 'rate',
      'what.term': 'term',
      'what.total': 'total price',
    },
    'zh-CN': {
      summary: '同一数量在两处写成了不同的值。',
      conflict: '此处为 {value}，而同一{what}在别处写作 {others}。',
      other: '此处写作 {value}。',
      'what.instalment-percent': '分期比例',
      'what.instalment-deadline': '付款期限',
      'what.deadline': '期限',
      'what.rate': '比例',
      'what.term': '合同期限',
      'what.total': '总价',
    },
  },
  run({ doc, report, t, locale }) {
    const byKey = new Map<string, QuantityFact[]>();
    // The most specific key comes first, so a place stated under two keys is reported once, under it.
    const facts = quantityFacts(doc).sort((a, b) => SPECIFICITY.indexOf(kindOf(a.key)) - SPECIFICITY.indexOf(kindOf(b.key)));
    for (const fact of facts) {
      if (!byKey.has(fact.key)) byKey.set(fact.key, []);
      byKey.get(fact.key)!.push(fact);
    }
    const separator = locale === 'zh-CN' ? '、' : ', ';
    const reported = new Set<number>();
    for (const [key, facts] of byKey) {
      const byValue = new Map<string, QuantityFact[]>();
      for (const f of facts) {
        if (!byValue.has(f.value)) byValue.set(f.value, []);
        byValue.get(f.value)!.push(f);
      }
      if (byValue.size < 2) continue;
      for (const fact of facts) {
        if (reported.has(fact.span.start)) continue;
        // A few places are enough to find the others; listing thousands helps nobody and costs quadratic time.
        const others: QuantityFact[] = [];
        for (const [value, group] of byValue) {
          if (value === fact.value) continue;
          let taken = 0;
          for (const o of group) {
            if (!comparable(fact, o)) continue;
            others.push(o);
            if (++taken >= MAX_RELATED_PER_VALUE) break;
          }
          // Also bounded across values: a long schedule states one deadline with a thousand values,
          // and a thousand places on each of a thousand problems held a gigabyte.
          if (others.length >= MAX_RELATED) break;
        }
        if (others.length === 0) continue;
        reported.add(fact.span.start);
        const kind = kindOf(key);
        report({
          span: fact.span,
          key: 'conflict',
          args: { value: fact.display, what: t(`what.${kind}`), others: [...new Set(others.map((o) => o.display))].join(separator) },
          related: others.map((o) => ({ span: o.span, key: 'other', args: { value: o.display } })),
          data: { key },
        });
      }
    }
  },
};

const MAX_RELATED_PER_VALUE = 3;
const MAX_RELATED = 5;
const SPECIFICITY = ['instalment-deadline', 'instalment-percent', 'total', 'term', 'rate', 'deadline'];

function kindOf(key: string): string {
  return key.split(':')[0]!;
}
