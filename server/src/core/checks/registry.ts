import type { Check } from './types.js';
import { amountWords } from './amountWords.js';
import { choiceOption } from './choiceOption.js';
import { exclusiveChoice } from './exclusiveChoice.js';
import { clauseNumbering } from './clauseNumbering.js';
import { clauseReference } from './clauseReference.js';
import { documentLimits } from './documentLimits.js';
import { duplicateField } from './duplicateField.js';
import { fieldType } from './fieldType.js';
import { frontMatter } from './frontMatter.js';
import { invalidDate } from './invalidDate.js';
import { percentRange } from './percentRange.js';
import { percentSum } from './percentSum.js';
import { placeholderSyntax } from './placeholderSyntax.js';
import { referenceNumber } from './referenceNumber.js';
import { signatureDate } from './signatureDate.js';
import { undeclaredParty } from './undeclaredParty.js';
import { undefinedField } from './undefinedField.js';
import { unfilledBlank } from './unfilledBlank.js';
import { unfilledField } from './unfilledField.js';
import { unusedField } from './unusedField.js';
import { CONSISTENCY_CHECKS } from './consistency.js';

/** Every check, in the order their ids are documented in docs/checks.md. */
export const ALL_CHECKS: readonly Check[] = [
  unfilledBlank,
  unfilledField,
  percentSum,
  percentRange,
  amountWords,
  invalidDate,
  signatureDate,
  choiceOption,
  exclusiveChoice,
  fieldType,
  undefinedField,
  unusedField,
  duplicateField,
  clauseReference,
  referenceNumber,
  clauseNumbering,
  undeclaredParty,
  frontMatter,
  placeholderSyntax,
  documentLimits,
  ...CONSISTENCY_CHECKS,
];

export function findCheck(id: string): Check | undefined {
  return ALL_CHECKS.find((check) => check.id === id);
}
