/**
 * Quantities a contract may state more than once — an instalment, a
 * deadline, a cap or rate, the total price — each keyed by the words around
 * it, so that two statements of the same thing can be compared. The
 * conflicting-quantity check and the server's hover both read these.
 */
import type { BlockModel, ContractDocument, Span } from '../model.js';
import { formatGrouped } from '../numbers/digits.js';
import { clauseBefore, sentenceStartOf } from '../text/context.js';
import { writtenInstalments } from './instalmentGroups.js';
import { scheduleFinder } from '../values/schedules.js';
import { perBlockAtOrigin, type PerBlock } from './perBlock.js';

export interface QuantityFact {
  /** Where the value is written. */
  readonly span: Span;
  /** What is stated: two facts with one key state the same thing. */
  readonly key: string;
  /** The value, comparable between facts of one key. */
  readonly value: string;
  /** The value as a reader would say it. */
  readonly display: string;
  /** Start of its sentence: two statements in one sentence are a list, not a restatement. */
  readonly sentence: number;
  /**
   * Part of a payment schedule (two or more instalments in one sentence, list or table).
   * Two schedules may share out two different prices, so only a lone statement is compared with a schedule.
   */
  readonly schedule?: boolean;
}

/** Introduces the contract's total price. */
export const TOTAL_BEFORE =
  /(?:合同|协议)?(?:总价款|总价|总金额|总费用|费用总额|价款总额|合同总额|合同价款|合同金额|合同总价|服务费总额)(?:为|是|共计|合计|：|:)?\s*(?:人民币|RMB|CNY|[￥¥])?\s*$|\b(?:total|aggregate)\s+(?:contract\s+)?(?:fees?|price|amount|consideration|sum)\s+(?:is|of|shall be|will be|:)?\s*(?:USD|US\$|\$|EUR|€|GBP|£|HKD|HK\$|RMB|CNY)?\s*$|\bcontract price\s+(?:is|of|shall be|:)\s*(?:USD|US\$|\$|EUR|€|GBP|£|HKD|HK\$|RMB|CNY)?\s*$/i;

const ZH_ORDINALS: Readonly<Record<string, number>> = { 首: 1, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const EN_ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6 };
// Percentages of a penalty, interest or a late charge are not instalments even beside one.
const NOT_INSTALMENT = /违约|利息|利率|罚|逾期|滞纳|赔偿|interest|damages|penalt|late|delay/i;
const RATE =
  /违约金|赔偿(?:总额|上限|限额)|责任(?:上限|限额)|上限|利率|年化|滞纳金|liquidated damages|liability|cap\b|interest rate|late (?:payment )?(?:fee|charge|interest)/i;

/**
 * The instalment a phrase names, as one key for every spelling:
 * 首期/第一期/first instalment → 1, 尾款/balance/final payment → final.
 */
export function instalmentKey(phrase: string): string | undefined {
  const zh = /第?([首一二三四五六七八九十])期|(尾款|余款|尾期)|(预付款|首付款|定金)/.exec(phrase);
  if (zh) return zh[1] ? String(ZH_ORDINALS[zh[1]]) : zh[2] ? 'final' : zh[3] === '定金' ? 'deposit' : '1';
  const en =
    /\b(first|second|third|fourth|fifth|sixth)\s+(?:instal{1,2}ment|payment|milestone)|\b(final|last)\s+(?:instal{1,2}ment|payment)|\b(balance)\b|\b(?:up)?on\s+(signing|signature|acceptance|delivery|completion)\b|\b(deposit|advance payment)\b/i.exec(
      phrase,
    );
  if (!en) return undefined;
  if (en[1]) return String(EN_ORDINALS[en[1].toLowerCase()]);
  if (en[2] || en[3]) return 'final';
  if (en[4]) return `on-${en[4].toLowerCase() === 'signature' ? 'signing' : en[4].toLowerCase()}`;
  return en[5]!.toLowerCase() === 'deposit' ? 'deposit' : '1';
}

const FACTS = new WeakMap<ContractDocument, readonly QuantityFact[]>();
const BLOCKS = new WeakMap<ContractDocument, readonly QuantityBlock[]>();

/** Every quantity of the document that can be paired with another statement of it. */
export function quantityFacts(doc: ContractDocument): readonly QuantityFact[] {
  let facts = FACTS.get(doc);
  if (facts === undefined) FACTS.set(doc, (facts = factsOf(quantityBlocks(doc))));
  return facts;
}

/**
 * The quantities of one block as first read: `facts` is the same object for
 * as long as the block is only moved (by `delta` since), so two analyses can
 * tell an unchanged block at a glance. `listed` names the block's instalment
 * percentages that an item-by-item schedule makes part of one, which is
 * decided over the document (`markListedSchedules`).
 */
export interface QuantityBlock {
  readonly facts: BlockQuantities;
  readonly delta: number;
  /** The indices into `facts.percents` of those `markListedSchedules` made part of a schedule, joined by commas. */
  readonly decided: string;
}

/** Every block's quantities, for blocks that have some, in order: what `quantityFacts` is made of. */
export function quantityBlocks(doc: ContractDocument): readonly QuantityBlock[] {
  let blocks = BLOCKS.get(doc);
  if (blocks === undefined) {
    const read: Array<{ facts: BlockQuantities; delta: number; decided: string }> = [];
    for (const block of doc.blocks) {
      const { value, delta } = perBlockAtOrigin(BLOCK_QUANTITIES, block, doc.text);
      if (value.percents.length + value.totals.length + value.durations.length > 0) read.push({ facts: value, delta, decided: '' });
    }
    markListedSchedules(doc, read);
    BLOCKS.set(doc, (blocks = read));
  }
  return blocks;
}

function factsOf(blocks: readonly QuantityBlock[]): QuantityFact[] {
  const percents: QuantityFact[] = [];
  const totals: QuantityFact[] = [];
  const durations: QuantityFact[] = [];
  for (const { facts, delta, decided } of blocks) {
    const schedule = decided === '' ? undefined : new Set(decided.split(',').map(Number));
    facts.percents.forEach((f, i) => {
      const moved = delta === 0 ? f : movedFact(f, delta);
      percents.push(schedule?.has(i) ? { ...moved, schedule: true } : moved);
    });
    for (const f of facts.totals) totals.push(delta === 0 ? f : movedFact(f, delta));
    for (const f of facts.durations) durations.push(delta === 0 ? f : movedFact(f, delta));
  }
  return [...percents, ...totals, ...durations];
}

/**
 * A schedule listed item by item ((a) … (b) …, each its own paragraph), even a
 * cumulative one, is a schedule too. Its items stand in blocks of their own, so
 * this is decided over the document, after the per-block facts.
 */
function markListedSchedules(doc: ContractDocument, blocks: Array<{ facts: BlockQuantities; delta: number; decided: string }>): void {
  if (!blocks.some((b) => b.facts.loose.length > 0)) return;
  const listed = new Set<number>();
  for (const mentions of writtenInstalments(doc)) for (const m of mentions) listed.add(m.span.start);
  const scheduleOf = scheduleFinder(doc.text);
  for (const block of blocks) {
    let marked = '';
    for (const i of block.facts.loose) {
      const start = block.facts.percents[i]!.span.start + block.delta;
      if (listed.has(start) || scheduleOf(start) !== undefined) marked += marked === '' ? String(i) : `,${i}`;
    }
    block.decided = marked;
  }
}

/** One block's quantities by kind; every one is read within its block (its sentence, or its clause back to a line break). */
export interface BlockQuantities {
  readonly percents: readonly QuantityFact[];
  readonly totals: readonly QuantityFact[];
  readonly durations: readonly QuantityFact[];
  /** Which of `percents` are instalments not known to be part of a schedule: the ones `markListedSchedules` looks at. */
  readonly loose: readonly number[];
}

const BLOCK_QUANTITIES: PerBlock<BlockQuantities> = {
  derive: blockQuantities,
  move: (facts, delta) => ({
    percents: moved(facts.percents, delta),
    totals: moved(facts.totals, delta),
    durations: moved(facts.durations, delta),
    loose: facts.loose,
  }),
};

function moved(facts: readonly QuantityFact[], delta: number): QuantityFact[] {
  return facts.map((f) => movedFact(f, delta));
}

function movedFact(f: QuantityFact, delta: number): QuantityFact {
  return { ...f, span: { start: f.span.start + delta, end: f.span.end + delta }, sentence: f.sentence + delta };
}

function blockQuantities(block: BlockModel, text: string): BlockQuantities {
  const percents: QuantityFact[] = [];
  for (const p of block.percents) {
    if (p.value === undefined || p.comparative) continue;
    const display = `${formatGrouped(p.value)}%`;
    if (RATE.test(p.label)) {
      // The whole sentence up to the rate is its key: `逾期交付的，违约金为…` and `逾期付款的，违约金为…` are two rates.
      const lead = text.slice(Math.max(p.sentence, p.span.start - 80), p.span.start).replace(/[\d.]+\s*[%％]|百分之[零一二三四五六七八九十百点]+/g, '#');
      percents.push({ span: p.span, key: `rate:${normalise(lead)}`, value: String(p.value), display, sentence: p.sentence });
      continue;
    }
    if (NOT_INSTALMENT.test(p.label)) continue;
    const instalment = instalmentKey(nearestPhrase(p.label, text.slice(p.span.start, p.span.end)));
    if (instalment) percents.push({ span: p.span, key: `instalment-percent:${instalment}`, value: String(p.value), display, sentence: p.sentence });
  }
  // Sentences never cross blocks, so the mentions of a block are all that share a sentence with one of its own.
  const perSentence = new Map<number, number>();
  for (const p of block.percents) if (!p.comparative) perSentence.set(p.sentence, (perSentence.get(p.sentence) ?? 0) + 1);
  percents.forEach((f, i) => {
    if (f.key.startsWith('instalment-percent:') && perSentence.get(f.sentence)! >= 2) percents[i] = Object.assign({}, f, { schedule: true });
  });
  const totals: QuantityFact[] = [];
  for (const a of block.amounts) {
    if (a.figure === undefined) continue;
    const before = clauseBefore(text, a.span.start, 40);
    const display = `${a.currency ?? ''} ${formatGrouped(a.figure, Math.round(a.figure * 100) % 100 === 0 ? 0 : 2)}`.trim();
    const sentence = sentenceOf(text, block, a.span.start);
    if (TOTAL_BEFORE.test(before))
      totals.push({ span: a.figureSpan, key: 'total', value: `${a.currency ?? ''}${Math.round(a.figure * 100)}`, display, sentence });
  }
  const durations: QuantityFact[] = [];
  for (const d of block.durations) {
    const value = `${d.amount} ${d.unit}`;
    const display = text.slice(d.span.start, d.span.end);
    // A deadline is keyed by its whole sentence before it: the same words under another condition are another deadline.
    const before = normalise(text.slice(Math.max(d.sentence, d.span.start - 80), d.span.start));
    const after = normalise(d.after);
    if (d.role === 'term') {
      // `本合同期限` and `续约期限` are two terms: the words naming it are part of the key.
      durations.push({ span: d.span, key: `term:${before}`, value: `${d.amount} ${d.unit}`, display, sentence: d.sentence });
      continue;
    }
    // Only a deadline with its trigger on both sides is specific enough to pair by wording alone.
    if (before.length + after.length >= 8 && /after|before|following|of receipt|from|内|后|前|起/.test(`${d.before} ${d.after}`)) {
      durations.push({ span: d.span, key: `deadline:${before}|${after}`, value, display, sentence: d.sentence });
    }
    const instalment = instalmentKey(`${d.before} ${d.after}`);
    const trigger = /\b(?:after|following|upon|of)\s+(.{3,40})$/i.exec(d.after)?.[1] ?? /([^，,]{2,12}后)$/.exec(d.before)?.[1];
    if (instalment && trigger)
      durations.push({ span: d.span, key: `instalment-deadline:${instalment}|${normalise(trigger)}`, value, display, sentence: d.sentence });
  }
  const loose: number[] = [];
  percents.forEach((f, i) => {
    if (f.key.startsWith('instalment-percent:') && !f.schedule) loose.push(i);
  });
  return { percents, totals, durations, loose };
}

/** The words nearest the percentage in its segment: the text just before it, else just after. */
function nearestPhrase(label: string, written: string): string {
  const at = label.indexOf(written.trim());
  if (at < 0) return label;
  const before = label.slice(0, at);
  const lastNumber = Math.max(before.search(/[\d%％][^\d%％]*$/), -1);
  const own = lastNumber >= 0 ? before.slice(lastNumber + 1) : before;
  return instalmentKey(own) ? own : label.slice(at + written.trim().length);
}

function sentenceOf(text: string, block: BlockModel, offset: number): number {
  if (offset < block.span.start || offset >= block.span.end) return offset;
  return Math.max(block.span.start, sentenceStartOf(text, offset));
}

/** Wording without what varies between two statements of one thing: case, spacing, articles, modal verbs. */
function normalise(phrase: string): string {
  return phrase
    .toLowerCase()
    .replace(/^\s*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百\d]{1,4}条|\d+(?:\.\d+)*\.?\s)/, ' ')
    .replace(/[*_`]|\([a-z\d]{1,3}\)|（[一二三四五六七八九十\d]{1,3}）/g, ' ')
    .replace(/\b(?:the|a|an|shall|will|must|be|is|are|within|no later than|not later than)\b/g, ' ')
    .replace(/[应须需在于当的将内]/g, '')
    .replace(/[\s，,。.；;:：]+/g, ' ')
    .trim();
}

/** The other statements of the fact at `offset`, if a fact stands there. */
export function otherStatements(doc: ContractDocument, offset: number): { fact: QuantityFact; others: QuantityFact[] } | undefined {
  const facts = quantityFacts(doc);
  const fact = facts.find((f) => f.span.start <= offset && offset <= f.span.end);
  if (!fact) return undefined;
  const others = facts.filter((f) => f !== fact && comparable(fact, f));
  return others.length > 0 ? { fact, others } : undefined;
}

/** Whether two facts are two statements of one thing that may be held against each other. */
export function comparable(a: QuantityFact, b: QuantityFact): boolean {
  return a.key === b.key && a.sentence !== b.sentence && !(a.schedule && b.schedule);
}
