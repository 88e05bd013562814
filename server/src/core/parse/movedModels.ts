import type { BlockModel, ContractFacts } from '../model.js';
import type { ExtractedBlock } from './block.js';
import {
  at,
  copyClause,
  moveBlank,
  moveChoice,
  moveClause,
  moveDate,
  moveDefinedTerm,
  moveDuration,
  moveEntityName,
  moveIssue,
  moveNumberPair,
  movePartyMention,
  movePeriod,
  movePlaceholder,
  movePreambleParty,
  moveReference,
  moveSignatureLine,
  moveSuppression,
  moveTickGroup,
  type Every,
} from './moveFacts.js';

/** The document's list of each kind of fact, filled block by block. */
export type FactLists = { -readonly [K in keyof ContractFacts]: Array<ContractFacts[K][number]> };

/** A block model whose percentages and amounts are set once resolved. */
export type ModelShell = { -readonly [K in keyof BlockModel]: BlockModel[K] };

/**
 * Adds a block's facts to the document's lists, but for its percentages and
 * amounts (not yet resolved). Its clauses are added as copies, for the
 * assembler to nest (the block's own are shared with other versions).
 */
export function pushFacts(block: ExtractedBlock, into: FactLists): void {
  pushAll(block.placeholders, into.placeholders);
  for (const clause of block.clauses) into.clauses.push(copyClause(clause));
  pushAll(block.blanks, into.blanks);
  pushAll(block.references, into.references);
  pushAll(block.dates, into.dates);
  pushAll(block.choices, into.choices);
  pushAll(block.tickGroups, into.tickGroups);
  pushAll(block.partyMentions, into.partyMentions);
  pushAll(block.suppressions, into.suppressions);
  pushAll(block.issues, into.issues);
  pushAll(block.numberPairs, into.numberPairs);
  pushAll(block.durations, into.durations);
  pushAll(block.periods, into.periods);
  pushAll(block.entityNames, into.entityNames);
  pushAll(block.definedTerms, into.definedTerms);
  pushAll(block.signatureLines, into.signatureLines);
  pushAll(block.preambleParties, into.preambleParties);
}

/**
 * The model of a block read `d` units before where it now stands, its facts
 * moved there and added to the document's lists on the way (as `pushFacts`
 * does), so they are walked once. Its percentages and amounts are left for
 * the assembler, which resolves them against the fields.
 */
export function movedModel(block: ExtractedBlock, d: number, into: FactLists): ModelShell {
  // Two moved copies of each clause: the model's, and the document's for the assembler to nest.
  for (const clause of block.clauses) into.clauses.push(moveClause(clause, d));
  // In the order the assembler builds a fresh model: the block's keys without the raw lists, then the resolved ones.
  const model: Every<BlockModel> = {
    span: at(block.span, d),
    type: block.type,
    placeholders: moveInto(block.placeholders, d, movePlaceholder, into.placeholders),
    blanks: moveInto(block.blanks, d, moveBlank, into.blanks),
    clauses: moveInto(block.clauses, d, moveClause, undefined),
    references: moveInto(block.references, d, moveReference, into.references),
    dates: moveInto(block.dates, d, moveDate, into.dates),
    choices: moveInto(block.choices, d, moveChoice, into.choices),
    tickGroups: moveInto(block.tickGroups, d, moveTickGroup, into.tickGroups),
    partyMentions: moveInto(block.partyMentions, d, movePartyMention, into.partyMentions),
    suppressions: moveInto(block.suppressions, d, moveSuppression, into.suppressions),
    issues: moveInto(block.issues, d, moveIssue, into.issues),
    numberPairs: moveInto(block.numberPairs, d, moveNumberPair, into.numberPairs),
    durations: moveInto(block.durations, d, moveDuration, into.durations),
    periods: moveInto(block.periods, d, movePeriod, into.periods),
    entityNames: moveInto(block.entityNames, d, moveEntityName, into.entityNames),
    definedTerms: moveInto(block.definedTerms, d, moveDefinedTerm, into.definedTerms),
    signatureLines: moveInto(block.signatureLines, d, moveSignatureLine, into.signatureLines),
    preambleParties: moveInto(block.preambleParties, d, movePreambleParty, into.preambleParties),
    percents: NOT_YET,
    amounts: NOT_YET,
  };
  return model;
}

/** A new model holding `model`'s facts, where they stand, for percentages and amounts resolved anew. */
export function relisted(model: BlockModel): ModelShell {
  const out: Every<BlockModel> = {
    span: model.span,
    type: model.type,
    placeholders: model.placeholders,
    blanks: model.blanks,
    clauses: model.clauses,
    references: model.references,
    dates: model.dates,
    choices: model.choices,
    tickGroups: model.tickGroups,
    partyMentions: model.partyMentions,
    suppressions: model.suppressions,
    issues: model.issues,
    numberPairs: model.numberPairs,
    durations: model.durations,
    periods: model.periods,
    entityNames: model.entityNames,
    definedTerms: model.definedTerms,
    signatureLines: model.signatureLines,
    preambleParties: model.preambleParties,
    percents: NOT_YET,
    amounts: NOT_YET,
  };
  return out;
}

// Set by the assembler before anyone sees the model; an array, so every model keeps one shape.
const NOT_YET: readonly never[] = Object.freeze([]);

function pushAll<T>(list: readonly T[], into: T[]): void {
  for (let i = 0; i < list.length; i++) into.push(list[i]!);
}

/** A list of moved copies, each also pushed on `into`; the empty list (most lists of most blocks) is shared, not copied. */
function moveInto<T>(list: readonly T[], d: number, move: (item: T, d: number) => T, into: T[] | undefined): T[] {
  const n = list.length;
  if (n === 0) return list as T[];
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) {
    const moved = move(list[i]!, d);
    out[i] = moved;
    into?.push(moved);
  }
  return out;
}
