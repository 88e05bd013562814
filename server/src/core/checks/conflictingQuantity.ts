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
    for (const fact of quantityFacts(doc)) {
      if (!byKey.has(fact.key)) byKey.set(fact.key, []);
      byKey.get(fact.key)!.push(fact);
    }
    const separator = locale === 'zh-CN' ? '、' : ', ';
    for (const [key, facts] of byKey) {
      for (const fact of facts) {
        const others = facts.filter((f) => comparable(fact, f) && f.value !== fact.value);
        if (others.length === 0) continue;
        const kind = key.split(':')[0]!;
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
