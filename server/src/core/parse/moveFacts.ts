import type {
  AmountMention,
  Blank,
  ChoiceMention,
  Clause,
  ClauseReference,
  DateMention,
  DefinedTerm,
  DurationMention,
  EntityNameMention,
  NumberPair,
  ParseIssue,
  PartyMention,
  PercentMention,
  PeriodMention,
  Placeholder,
  PreambleParty,
  SignatureLine,
  Span,
  Suppression,
  TickBox,
  TickGroup,
} from '../model.js';

/**
 * Copies of facts moved by `d` UTF-16 units, for the models of the blocks
 * after an edit (see `movedModels.ts`).
 *
 * A keystroke near the start of a contract moves every fact after it, so
 * these run tens of thousands of times per keystroke. Each is an object
 * literal naming every field: several times faster than a copy key by key,
 * and every copy of a kind of fact gets the one hidden class V8 gave the
 * scanner's, so the checks reading them stay fast. `Every<T>` makes the
 * compiler refuse a mover that forgets a field added to the model later.
 */
export type Every<T> = { [K in keyof Required<T>]: T[K] };

export function at(span: Span, d: number): Span {
  return { start: span.start + d, end: span.end + d };
}

function maybe(span: Span | undefined, d: number): Span | undefined {
  return span === undefined ? undefined : { start: span.start + d, end: span.end + d };
}

/** A list of moved copies; the empty list (most lists of most blocks) is shared, not copied. */
export function each<T>(list: readonly T[], d: number, move: (item: T, d: number) => T): T[] {
  const n = list.length;
  if (n === 0) return list as T[];
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = move(list[i]!, d);
  return out;
}

export function movePlaceholder(p: Placeholder, d: number): Placeholder {
  const out: Every<Placeholder> = {
    span: at(p.span, d),
    name: p.name,
    nameSpan: at(p.nameSpan, d),
    inlineType: p.inlineType,
    typeSpan: maybe(p.typeSpan, d),
    options: p.options,
    filter: p.filter,
    filterSpan: maybe(p.filterSpan, d),
  };
  return out;
}

/** A blank keeps `fill` and `options` only where the scanner gave them, as a fresh parse would. */
export function moveBlank(b: Blank, d: number): Blank {
  if (!('fill' in b) && !('options' in b)) return { span: at(b.span, d), kind: b.kind, style: b.style, expects: b.expects, label: b.label };
  const out: Every<Blank> = {
    span: at(b.span, d),
    kind: b.kind,
    style: b.style,
    expects: b.expects,
    label: b.label,
    fill: maybe(b.fill, d),
    options: b.options,
  };
  return out;
}

export function moveClause(c: Clause, d: number): Clause {
  const out: Every<Clause> = {
    span: at(c.span, d),
    marker: c.marker,
    markerSpan: at(c.markerSpan, d),
    number: c.number,
    numberSpan: at(c.numberSpan, d),
    style: c.style,
    ordinal: c.ordinal,
    path: c.path,
    depth: c.depth,
    title: c.title,
    label: c.label,
    labelSpan: maybe(c.labelSpan, d),
    parent: c.parent,
    container: c.container,
    sectionEnd: c.sectionEnd + d,
  };
  return out;
}

export function moveReference(r: ClauseReference, d: number): ClauseReference {
  const out: Every<ClauseReference> = { span: at(r.span, d), label: r.label, labelSpan: at(r.labelSpan, d), text: r.text, textSpan: at(r.textSpan, d) };
  return out;
}

export function movePercent(p: PercentMention, d: number): PercentMention {
  const out: Every<PercentMention> = {
    span: at(p.span, d),
    value: p.value,
    valueSpan: at(p.valueSpan, d),
    fieldName: p.fieldName,
    label: p.label,
    sentence: p.sentence + d,
    comparative: p.comparative,
  };
  return out;
}

export function moveAmount(a: AmountMention, d: number): AmountMention {
  const w = a.words;
  const out: Every<AmountMention> = {
    span: at(a.span, d),
    figure: a.figure,
    figureSpan: at(a.figureSpan, d),
    currency: a.currency,
    fieldName: a.fieldName,
    words: w === undefined ? undefined : { text: w.text, span: at(w.span, d), language: w.language, value: w.value, derived: w.derived },
  };
  return out;
}

export function moveDate(x: DateMention, d: number): DateMention {
  const out: Every<DateMention> = { span: at(x.span, d), date: x.date, signature: x.signature };
  return out;
}

export function moveChoice(c: ChoiceMention, d: number): ChoiceMention {
  const out: Every<ChoiceMention> = { span: at(c.span, d), numberSpan: at(c.numberSpan, d), chosen: c.chosen, optionCount: c.optionCount };
  return out;
}

function moveTickBox(b: TickBox, d: number): TickBox {
  const out: Every<TickBox> = { span: at(b.span, d), ticked: b.ticked, option: b.option };
  return out;
}

export function moveTickGroup(g: TickGroup, d: number): TickGroup {
  const out: Every<TickGroup> = { span: at(g.span, d), boxes: each(g.boxes, d, moveTickBox), allows: g.allows };
  return out;
}

export function movePartyMention(m: PartyMention, d: number): PartyMention {
  const out: Every<PartyMention> = { span: at(m.span, d), key: m.key };
  return out;
}

export function moveSuppression(s: Suppression, d: number): Suppression {
  const out: Every<Suppression> = { span: at(s.span, d), kind: s.kind, checkIds: s.checkIds };
  return out;
}

export function moveIssue(i: ParseIssue, d: number): ParseIssue {
  const out: Every<ParseIssue> = { span: at(i.span, d), code: i.code, key: i.key, args: i.args };
  return out;
}

export function moveNumberPair(p: NumberPair, d: number): NumberPair {
  const out: Every<NumberPair> = {
    span: at(p.span, d),
    words: { text: p.words.text, span: at(p.words.span, d), value: p.words.value },
    figure: { text: p.figure.text, span: at(p.figure.span, d), value: p.figure.value },
    language: p.language,
    kind: p.kind,
    unit: p.unit,
  };
  return out;
}

export function moveDuration(x: DurationMention, d: number): DurationMention {
  const out: Every<DurationMention> = {
    span: at(x.span, d),
    amount: x.amount,
    unit: x.unit,
    role: x.role,
    before: x.before,
    after: x.after,
    sentence: x.sentence + d,
  };
  return out;
}

export function movePeriod(p: PeriodMention, d: number): PeriodMention {
  const out: Every<PeriodMention> = {
    span: at(p.span, d),
    start: moveDate(p.start, d),
    end: moveDate(p.end, d),
    sentence: p.sentence + d,
    contextBefore: p.contextBefore,
  };
  return out;
}

export function moveEntityName(e: EntityNameMention, d: number): EntityNameMention {
  const out: Every<EntityNameMention> = { span: at(e.span, d), text: e.text, core: e.core };
  return out;
}

export function moveDefinedTerm(t: DefinedTerm, d: number): DefinedTerm {
  const out: Every<DefinedTerm> = { span: at(t.span, d), term: t.term, termSpan: at(t.termSpan, d) };
  return out;
}

export function moveSignatureLine(s: SignatureLine, d: number): SignatureLine {
  const out: Every<SignatureLine> = { span: at(s.span, d), party: s.party, partySpan: at(s.partySpan, d) };
  return out;
}

export function movePreambleParty(p: PreambleParty, d: number): PreambleParty {
  const out: Every<PreambleParty> = { span: at(p.span, d), key: p.key };
  return out;
}

/** A clause copied as it is, for the assembler to give it its depth, parent and section end. */
export function copyClause(c: Clause): Clause {
  const out: Every<Clause> = {
    span: c.span,
    marker: c.marker,
    markerSpan: c.markerSpan,
    number: c.number,
    numberSpan: c.numberSpan,
    style: c.style,
    ordinal: c.ordinal,
    path: c.path,
    depth: c.depth,
    title: c.title,
    label: c.label,
    labelSpan: c.labelSpan,
    parent: c.parent,
    container: c.container,
    sectionEnd: c.sectionEnd,
  };
  return out;
}
