import type { TypedValue } from '../model.js';

/**
 * The number a value stands for, when it stands for one: an amount's figure,
 * a number, a percentage's value. `amount` leaves percentages out, for places
 * that read an amount of money (a figure, its words).
 */
export function numericValue(value: TypedValue | undefined, of: 'any' | 'amount' = 'any'): number | undefined {
  switch (value?.kind) {
    case 'money':
      return value.amount;
    case 'number':
      return value.value;
    case 'percent':
      return of === 'any' ? value.value : undefined;
    default:
      return undefined;
  }
}
