import type { Check } from './types.js';
import { numberWords } from './numberWords.js';
import { instalmentAmount } from './instalmentAmount.js';
import { conflictingQuantity } from './conflictingQuantity.js';
import { contractPeriod } from './contractPeriod.js';
import { partySignature } from './partySignature.js';
import { partyName } from './partyName.js';
import { definedTerms } from './definedTerms.js';

/** Facts a contract states twice must agree: one entry in the registry, one file per check here. */
export const CONSISTENCY_CHECKS: readonly Check[] = [
  numberWords,
  instalmentAmount,
  conflictingQuantity,
  contractPeriod,
  partySignature,
  partyName,
  definedTerms,
];
