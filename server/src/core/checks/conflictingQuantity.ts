import type { Check } from './types.js';
import { quantityBlocks, quantityFacts, type BlockQuantities, type QuantityFact } from '../facts/quantities.js';
import { rigidInput, type FactsKind } from './rigidInput.js';

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
      more: '{shown} and {count} other values',
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
      more: '{shown}等另外 {count} 个值',
      'what.instalment-percent': '分期比例',
      'what.instalment-deadline': '付款期限',
      'what.deadline': '期限',
      'what.rate': '比例',
      'what.term': '合同期限',
      'what.total': '总价',
    },
  },
  // Each fact's key, value and sentence are all it reads: after an edit that keeps them, its problems are moved.
  reads: (doc) => rigidInput('', quantityBlocks(doc), QUANTITIES),
  run({ doc, report, t, locale }) {
    const byKey = new Map<string, QuantityFact[]>();
    // The most specific key comes first, so a place stated under two keys is reported once, under it.
    const facts = bySpecificity(quantityFacts(doc));
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
      const values = new ComparableValues(byValue);
      const what = t(`what.${kindOf(key)}`);
      for (const fact of facts) {
        if (reported.has(fact.span.start)) continue;
        // A few values are enough to find the others: listing every one made each message and its links grow with the
        // number of statements, the whole list with its square (a deadline numbered per section: 67,000 links at 100 KB).
        const others: QuantityFact[] = [];
        for (const value of byValue.keys()) {
          if (others.length >= MAX_RELATED) break;
          if (value === fact.value) continue;
          const other = values.firstComparable(value, fact);
          if (other !== undefined) others.push(other);
        }
        const unlisted = values.comparableWith(fact) - new Set(others.map((o) => o.value)).size;
        if (others.length === 0) continue;
        reported.add(fact.span.start);
        report({
          span: fact.span,
          key: 'conflict',
          args: { value: fact.display, what, others: listed(others, unlisted, separator, t) },
          related: others.map((o) => ({ span: o.span, key: 'other', args: { value: o.display } })),
          data: { key },
        });
      }
    }
  },
};

const QUANTITIES: FactsKind<BlockQuantities> = {
  offsets(facts, out) {
    for (const list of [facts.percents, facts.totals, facts.durations]) for (const f of list) out.push(f.span.start, f.span.end, f.sentence);
  },
  same({ facts: a }, { facts: b }) {
    return sameFacts(a.percents, b.percents) && sameFacts(a.totals, b.totals) && sameFacts(a.durations, b.durations);
  },
};

function sameFacts(a: readonly QuantityFact[], b: readonly QuantityFact[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.key !== y.key || x.value !== y.value || x.display !== y.display || x.schedule !== y.schedule) return false;
  }
  return true;
}

/**
 * The values of one key a fact can be held against, in constant time per
 * fact and value: counting them value by value for each fact was quadratic
 * in the values (a deadline numbered per section has one per section), and
 * scanning a value's statements for the first one to cite was quadratic in
 * the statements where most cannot be compared (a field's value filled in
 * beside a schedule restated in every section: 14 s at 5 MB). A statement
 * counts when it is `comparable` with the fact: in another sentence, and not
 * a schedule's when the fact is one. Each value keeps its first statement and
 * the first in another sentence than that one, of all its statements and of
 * those outside schedules: the first in another sentence than the fact's is
 * one of them.
 */
class ComparableValues {
  private readonly own = new Map<string, { readonly all: Firsts; readonly loose: Firsts }>();
  private total = 0;
  private withLoose = 0;
  /** Values all of whose statements stand in one sentence, by that sentence. */
  private readonly inOneSentence = new Map<number, number>();
  /** Values all of whose statements outside schedules stand in one sentence, by that sentence. */
  private readonly looseInOneSentence = new Map<number, number>();

  constructor(byValue: ReadonlyMap<string, readonly QuantityFact[]>) {
    for (const [value, group] of byValue) {
      const all = firsts(group);
      const loose = firsts(group.filter((f) => !f.schedule));
      this.own.set(value, { all, loose });
      this.total++;
      const sentence = oneSentence(all);
      if (sentence !== undefined) this.inOneSentence.set(sentence, (this.inOneSentence.get(sentence) ?? 0) + 1);
      if (loose.first !== undefined) this.withLoose++;
      const looseSentence = oneSentence(loose);
      if (looseSentence !== undefined) this.looseInOneSentence.set(looseSentence, (this.looseInOneSentence.get(looseSentence) ?? 0) + 1);
    }
  }

  /** The values other than the fact's own with a statement comparable with it. */
  comparableWith(fact: QuantityFact): number {
    const own = this.own.get(fact.value)!;
    if (!fact.schedule) return this.total - (this.inOneSentence.get(fact.sentence) ?? 0) - (oneSentence(own.all) === fact.sentence ? 0 : 1);
    const ownCounted = own.loose.first !== undefined && oneSentence(own.loose) !== fact.sentence;
    return this.withLoose - (this.looseInOneSentence.get(fact.sentence) ?? 0) - (ownCounted ? 1 : 0);
  }

  /** The first statement of `value` the fact can be held against. */
  firstComparable(value: string, fact: QuantityFact): QuantityFact | undefined {
    const { first, elsewhere } = fact.schedule ? this.own.get(value)!.loose : this.own.get(value)!.all;
    return first !== undefined && first.sentence !== fact.sentence ? first : elsewhere;
  }
}

/** Some statements' first, and their first in another sentence than the first's. */
interface Firsts {
  readonly first: QuantityFact | undefined;
  readonly elsewhere: QuantityFact | undefined;
}

function firsts(facts: readonly QuantityFact[]): Firsts {
  const first = facts[0];
  return { first, elsewhere: facts.find((f) => f.sentence !== first!.sentence) };
}

/** The sentence all the statements stand in, if there are some and they share one. */
function oneSentence({ first, elsewhere }: Firsts): number | undefined {
  return first !== undefined && elsewhere === undefined ? first.sentence : undefined;
}

/** One place per other value is linked (it is enough to find the rest), for at most MAX_RELATED values; further values are only counted. */
const MAX_RELATED = 3;

function listed(
  others: readonly QuantityFact[],
  unlisted: number,
  separator: string,
  t: (key: string, args?: Record<string, string | number>) => string,
): string {
  const shown = [...new Set(others.map((o) => o.display))].join(separator);
  return unlisted > 0 ? t('more', { shown, count: unlisted }) : shown;
}
const SPECIFICITY = ['instalment-deadline', 'instalment-percent', 'total', 'term', 'rate', 'deadline'];

/** The facts, most specific kind first, in document order within a kind (a stable sort, without a comparison per pair). */
function bySpecificity(facts: readonly QuantityFact[]): QuantityFact[] {
  const buckets = new Map<number, QuantityFact[]>();
  for (const fact of facts) {
    const rank = SPECIFICITY.indexOf(kindOf(fact.key));
    let bucket = buckets.get(rank);
    if (!bucket) buckets.set(rank, (bucket = []));
    bucket.push(fact);
  }
  return [...buckets.keys()].sort((a, b) => a - b).flatMap((rank) => buckets.get(rank)!);
}

function kindOf(key: string): string {
  const colon = key.indexOf(':');
  return colon < 0 ? key : key.slice(0, colon);
}
