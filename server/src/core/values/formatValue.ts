import type { Field, Locale, Placeholder, TypedValue } from '../model.js';
import { formatGrouped } from '../numbers/digits.js';
import { encodeChineseMoney } from '../numbers/chineseMoney.js';
import { encodeEnglishNumber } from '../numbers/englishWords.js';
import { formatDate } from '../numbers/dates.js';
import { amountInWords } from './amountInWords.js';
import { numericValue } from './numericValue.js';

/** Filters that write an amount in words; any other filter leaves the value as it is. */
const WORD_FILTERS: Readonly<Record<string, (n: number) => string>> = {
  大写: encodeChineseMoney,
  words: encodeEnglishNumber,
};

/**
 * The text a filled placeholder reads as in the contract: amounts grouped,
 * dates in the contract's language, a choice as its option, and `| 大写` or
 * `| words` as the amount in words. A value that does not fit its type is
 * shown as written (the `field-type` check reports it).
 *
 * @param text the whole contract, to look at what is written around the placeholder
 * @param locale the contract's language (`doc.contractLocale`), never the messages'
 */
export function formatFieldValue(text: string, placeholder: Placeholder, field: Field, locale: Locale): string {
  const value = field.value;
  if (value === undefined) return '';
  const parsed = value.parsed;
  if (parsed === undefined) return value.raw.trim();
  if (placeholder.filter !== undefined) {
    const encode = WORD_FILTERS[placeholder.filter];
    const amount = numericValue(parsed);
    if (encode && amount !== undefined) {
      const words = encode(amount);
      if (words !== '') return words;
    }
  }
  switch (parsed.kind) {
    case 'money':
      return formatFigure(parsed.amount);
    case 'number':
      // Below ten thousand a number reads as written (a year, a count of rounds).
      return Math.abs(parsed.value) >= 10_000 ? formatGrouped(parsed.value) : String(parsed.value);
    case 'percent':
      return percentFollows(text, placeholder.span.end) ? String(parsed.value) : `${parsed.value}%`;
    case 'date':
      return formatDate(parsed.date, locale);
    case 'choice':
      // `第{{scheme}}种` counts the options: the reader expects 第2种, not the option's wording.
      return isOrdinalSlot(text, placeholder) ? String(parsed.index + 1) : parsed.option;
    case 'duration':
      return parsed.text;
    case 'party':
      return parsed.party;
    case 'text':
      return parsed.text;
  }
}

function percentFollows(text: string, end: number): boolean {
  return /^[ \t]*[%％]/.test(text.slice(end, end + 8));
}

function isOrdinalSlot(text: string, placeholder: Placeholder): boolean {
  const before = text.slice(Math.max(0, placeholder.span.start - 2), placeholder.span.start);
  const after = text.slice(placeholder.span.end, placeholder.span.end + 2);
  return /第\s*$/.test(before) && /^\s*[种项个]/.test(after);
}

/**
 * A typed value on its own, as the contract would write it in `locale` (its
 * own language): money with its currency and words, a choice with its number.
 * What hover and completion show for a field.
 */
export function formatValue(value: TypedValue, locale: Locale): string {
  switch (value.kind) {
    case 'money': {
      const figure = `${value.currency} ${formatFigure(value.amount)}`;
      const words = amountInWords(value.amount, locale);
      return words ? `${figure} (${words})` : figure;
    }
    case 'number':
      return formatGrouped(value.value);
    case 'percent':
      return `${value.value}%`;
    case 'date':
      return formatDate(value.date, locale);
    case 'duration':
      return value.text;
    case 'party':
      return value.party;
    case 'choice':
      return `${value.option} (${value.index + 1})`;
    case 'text':
      return value.text;
  }
}

/** An amount in figures: grouped, with cents only when it has them. */
export function formatFigure(amount: number): string {
  return formatGrouped(amount, Number.isInteger(amount) ? 0 : 2);
}
