/**
 * The other places that state the fact at an offset: what a hover shows so a
 * drafter can compare them without searching. Reads the same facts the
 * consistency checks compare, so the hover and the problems never disagree.
 */
import type { ContractDocument, Span } from '../model.js';
import { formatGrouped } from '../numbers/digits.js';
import { comparable, quantityFacts } from './quantities.js';

export interface StatedPlace {
  readonly span: Span;
  /** The value as stated there. */
  readonly value: string;
  /** Whether it says something else than the fact under the cursor. */
  readonly disagrees: boolean;
}

export interface FactStatements {
  /** The fact under the cursor. */
  readonly span: Span;
  readonly value: string;
  readonly others: readonly StatedPlace[];
}

/** At most this many other places are listed; a hover is not a search result. */
const MAX_PLACES = 8;

/** The fact at `offset` and the other places that state it, or undefined when it is stated once. */
export function sameFactElsewhere(doc: ContractDocument, offset: number): FactStatements | undefined {
  const inside = (span: Span) => span.start <= offset && offset <= span.end;

  const facts = quantityFacts(doc);
  const fact = facts.find((f) => inside(f.span));
  if (fact) {
    const others = facts.filter((f) => f !== fact && comparable(fact, f)).slice(0, MAX_PLACES);
    if (others.length > 0)
      return { span: fact.span, value: fact.display, others: others.map((o) => ({ span: o.span, value: o.display, disagrees: o.value !== fact.value })) };
  }

  const pair = doc.numberPairs.find((p) => inside(p.span));
  // Words and figures that agree say nothing worth a hover; the pair check reports the others.
  if (pair && pair.words.value !== undefined && pair.words.value !== pair.figure.value) {
    const figure = formatGrouped(pair.figure.value);
    const onFigure = inside(pair.figure.span);
    const here = onFigure ? pair.figure.span : pair.words.span;
    const there = onFigure ? pair.words.span : pair.figure.span;
    const thereValue = onFigure ? pair.words.text : figure;
    return {
      span: here,
      value: doc.text.slice(here.start, here.end),
      others: [{ span: there, value: thereValue, disagrees: true }],
    };
  }

  const name = doc.entityNames.find((e) => inside(e.span));
  if (name) {
    const spelling = (text: string) => text.replace(/\.$/, '');
    const others = doc.entityNames.filter((e) => e !== name && e.core === name.core).slice(0, MAX_PLACES);
    if (others.length === 0) return undefined;
    return {
      span: name.span,
      value: name.text,
      others: others.map((o) => ({ span: o.span, value: o.text, disagrees: spelling(o.text) !== spelling(name.text) })),
    };
  }
  return undefined;
}
