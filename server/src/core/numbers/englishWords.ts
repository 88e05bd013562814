/**
 * English amount words ("one hundred twenty thousand US dollars only").
 * Hand-written: the grammar is small and no suitable package is installed.
 */
import { toHundredths } from './digits.js';

// prettier-ignore
const SMALL_NUMBERS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine',
  'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen',
  'seventeen', 'eighteen', 'nineteen',
] as const;

const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;

const SCALES: ReadonlyArray<readonly [number, string]> = [
  [1e15, 'quadrillion'],
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

const SMALL_VALUE = new Map<string, number>(SMALL_NUMBERS.map((w, i) => [w, i]));
const TENS_VALUE = new Map<string, number>(TENS.flatMap((w, i) => (w ? [[w, i * 10] as const] : [])));
// "fourty" is a frequent misspelling in drafts; the amount is still clear.
TENS_VALUE.set('fourty', 40);
const SCALE_VALUE = new Map<string, number>(SCALES.map(([v, w]) => [w, v]));

// Longest phrases first so "pounds sterling" wins over "pounds".
// prettier-ignore
const CURRENCY_PHRASES: ReadonlyArray<readonly string[]> = [
  ['united', 'states', 'dollars'], ['united', 'states', 'dollar'],
  ['pounds', 'sterling'], ['pound', 'sterling'], ['renminbi', 'yuan'], ['chinese', 'yuan'],
  ['us', 'dollars'], ['us', 'dollar'], ['u.s.', 'dollars'], ['u.s.', 'dollar'],
  ['hong', 'kong', 'dollars'], ['hk', 'dollars'],
  ['new', 'zealand', 'dollars'], ['new', 'zealand', 'dollar'], ['nz', 'dollars'],
  ['australian', 'dollars'], ['australian', 'dollar'], ['canadian', 'dollars'], ['canadian', 'dollar'],
  ['singapore', 'dollars'], ['singapore', 'dollar'], ['japanese', 'yen'], ['swiss', 'francs'], ['swiss', 'franc'],
  ['dollars'], ['dollar'], ['usd'], ['euros'], ['euro'], ['eur'],
  ['pounds'], ['pound'], ['gbp'], ['yuan'], ['renminbi'], ['rmb'], ['cny'],
  ['yen'], ['francs'], ['franc'], ['aud'], ['cad'], ['sgd'], ['nzd'], ['jpy'], ['chf'], ['hkd'],
];

const FILLER_WORDS = new Set(['only', 'exactly']);

type GroupState = 'start' | 'unit' | 'teen' | 'tens' | 'hundred';

/**
 * Parses integer number words ("one hundred and twenty-five thousand").
 * Hyphens and commas must already be spaces; tokens are lowercase.
 */
function parseIntegerTokens(tokens: readonly string[]): number | undefined {
  if (tokens.length === 0) return undefined;
  if (tokens.length === 1 && tokens[0] === 'zero') return 0;

  let total = 0;
  let group = 0;
  let state: GroupState = 'start';
  let groupHasHundred = false;
  let lastScale = Infinity;

  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i] as string;
    const next = tokens[i + 1];
    const small = SMALL_VALUE.get(word);
    const tens = TENS_VALUE.get(word);
    const scale = SCALE_VALUE.get(word);

    if (word === 'and') {
      // Only as a joiner: never first, last, or doubled.
      if (i === 0 || next === undefined || next === 'and') return undefined;
      continue;
    }
    if (word === 'a' && i === 0 && (next === 'hundred' || (next !== undefined && SCALE_VALUE.has(next)))) {
      group = 1;
      state = 'unit';
      continue;
    }
    if (small !== undefined && small > 0 && small < 10) {
      if (state === 'unit' || state === 'teen') return undefined;
      group += small;
      state = 'unit';
    } else if (small !== undefined && small >= 10) {
      if (state !== 'start' && state !== 'hundred') return undefined;
      group += small;
      state = 'teen';
    } else if (tens !== undefined) {
      if (state !== 'start' && state !== 'hundred') return undefined;
      group += tens;
      state = 'tens';
    } else if (word === 'hundred') {
      // "twelve hundred" (1200) is accepted, "one hundred hundred" is not.
      if (state === 'start' || state === 'hundred' || groupHasHundred) return undefined;
      group *= 100;
      groupHasHundred = true;
      state = 'hundred';
    } else if (scale !== undefined) {
      if (group === 0 || scale >= lastScale) return undefined;
      total += group * scale;
      group = 0;
      groupHasHundred = false;
      state = 'start';
      lastScale = scale;
    } else {
      return undefined;
    }
  }
  const value = total + group;
  return value > 0 && Number.isSafeInteger(value) ? value : undefined;
}

function tokenizeWords(words: string): string[] {
  return words
    .toLowerCase()
    .replace(/[\u2010-\u2015-]/g, ' ')
    .replace(/,/g, ' ')
    .trim()
    .replace(/\.$/, '')
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

function endsWith(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length > tokens.length) return false;
  const offset = tokens.length - phrase.length;
  return phrase.every((w, i) => tokens[offset + i] === w);
}

function startsWith(tokens: readonly string[], phrase: readonly string[]): boolean {
  return phrase.length <= tokens.length && phrase.every((w, i) => tokens[i] === w);
}

/** Drops trailing "only"/"exactly" and at most one trailing currency name. */
function stripTrailingCurrency(tokens: string[]): string[] {
  let rest = tokens;
  while (rest.length > 0 && FILLER_WORDS.has(rest[rest.length - 1] as string)) rest = rest.slice(0, -1);
  const currency = CURRENCY_PHRASES.find((p) => endsWith(rest, p));
  if (currency) rest = rest.slice(0, rest.length - currency.length);
  while (rest.length > 0 && FILLER_WORDS.has(rest[rest.length - 1] as string)) rest = rest.slice(0, -1);
  return rest;
}

/** Drops a leading "say" and currency, as in "SAY US DOLLARS ONE HUNDRED ONLY". */
function stripLeadingCurrency(tokens: string[]): string[] {
  let rest = tokens[0] === 'say' ? tokens.slice(1) : tokens;
  const currency = CURRENCY_PHRASES.find((p) => startsWith(rest, p));
  if (currency) rest = rest.slice(currency.length);
  return rest;
}

/** Splits off cents written as "and 50/100", "and no/100" or "and fifty cents". */
function splitCents(tokens: string[]): { whole: string[]; cents: number } | undefined {
  const last = tokens[tokens.length - 1];
  if (last === undefined) return undefined;

  const fraction = /^(\d{1,2}|no|xx)\/100$/.exec(last);
  if (fraction) {
    const digits = fraction[1] as string;
    const cents = /^\d+$/.test(digits) ? Number(digits) : 0;
    const before = tokens.slice(0, -1);
    if (before[before.length - 1] !== 'and') return undefined;
    return { whole: before.slice(0, -1), cents };
  }

  if (last === 'cents' || last === 'cent') {
    const andAt = tokens.lastIndexOf('and');
    const centWords = tokens.slice(andAt + 1, -1);
    const cents = parseIntegerTokens(centWords) ?? (centWords.join(' ') === 'zero' ? 0 : undefined);
    if (cents === undefined || cents > 99) return undefined;
    return { whole: andAt < 0 ? [] : tokens.slice(0, andAt), cents };
  }
  return { whole: tokens, cents: 0 };
}

/**
 * Decodes English integer number words (no currency, no cents):
 * "one hundred and twenty-five thousand" → 125000, "zero" → 0.
 *
 * @returns the integer, or `undefined` if the text is not number words.
 */
export function decodeEnglishInteger(words: string): number | undefined {
  return parseIntegerTokens(tokenizeWords(words));
}

/**
 * Decodes an English amount in words: "One Hundred and Twenty Thousand",
 * "two million five hundred thousand US dollars only",
 * "twelve thousand five hundred and 50/100", "... dollars and fifty cents".
 * Case-insensitive; hyphens and commas are tolerated; a currency name
 * (dollars, US dollars, euros, pounds sterling, yuan, RMB, …) and the words
 * "only"/"exactly" are ignored.
 *
 * @returns the amount rounded to cents, or `undefined` if the text is not an
 *   amount in words.
 */
export function decodeEnglishNumber(words: string): number | undefined {
  const tokens = stripTrailingCurrency(stripLeadingCurrency(tokenizeWords(words)));
  const split = splitCents(tokens);
  if (split === undefined) return undefined;
  const wholeTokens = stripTrailingCurrency(split.whole);
  let whole: number | undefined;
  if (wholeTokens.length === 0) {
    // "fifty cents" on its own; a bare currency name is not an amount.
    whole = split.whole.length === 0 && tokens.length > 1 ? 0 : undefined;
  } else {
    whole = parseIntegerTokens(wholeTokens);
  }
  if (whole === undefined) return undefined;
  const totalCents = whole * 100 + split.cents;
  return Number.isSafeInteger(totalCents) ? totalCents / 100 : undefined;
}

function wordsBelowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(`${SMALL_NUMBERS[hundreds]} hundred`);
  if (rest > 0 && rest < 20) parts.push(SMALL_NUMBERS[rest] as string);
  else if (rest >= 20) {
    const unit = rest % 10;
    const tens = TENS[Math.floor(rest / 10)] as string;
    parts.push(unit === 0 ? tens : `${tens}-${SMALL_NUMBERS[unit]}`);
  }
  return parts.join(' ');
}

function wordsForInteger(n: number): string {
  if (n === 0) return 'zero';
  const parts: string[] = [];
  let rest = n;
  for (const [value, name] of SCALES) {
    const count = Math.floor(rest / value);
    if (count > 0) {
      parts.push(`${wordsBelowThousand(count)} ${name}`);
      rest -= count * value;
    }
  }
  if (rest > 0) parts.push(wordsBelowThousand(rest));
  return parts.join(' ');
}

/**
 * Encodes an amount as canonical lowercase English words without "and":
 * 120000 → "one hundred twenty thousand", 125300 → "one hundred
 * twenty-five thousand three hundred". Cents are written cheque-style:
 * 12500.5 → "twelve thousand five hundred and 50/100". The amount is rounded
 * to the nearest cent first (half up).
 *
 * @returns the words, or `''` for negative, non-finite or too large amounts.
 */
export function encodeEnglishNumber(n: number): string {
  const totalCents = toHundredths(n);
  if (totalCents === undefined) return '';
  const whole = Math.floor(totalCents / 100);
  const cents = totalCents % 100;
  const words = wordsForInteger(whole);
  return cents === 0 ? words : `${words} and ${String(cents).padStart(2, '0')}/100`;
}

const CURRENCY_LEAD =
  /^(?:say\b[:\s]*)?(?:(?:(?:US|U\.S\.|United\s+States|Hong\s+Kong|HK|Australian|Canadian|Singapore|New\s+Zealand|NZ)\s+)?(?:dollars?|euros?|pounds(?:\s+sterling)?|yuan|renminbi)|(?:Japanese\s+)?yen|(?:Swiss\s+)?francs?|rmb|usd|eur|gbp|cny|hkd|aud|cad|sgd|nzd|jpy|chf)?\s*/i;
const NUMBER_WORDS = [...SMALL_NUMBERS, ...TENS.filter((t) => t), 'fourty', 'hundred', ...SCALES.map(([, w]) => w)].join('|');
// The number itself: number words joined by spaces, hyphens, commas or "and"; never ending on "and".
const NUMBER_BODY = new RegExp(`^(?:${NUMBER_WORDS})\\b(?:[\\s,-]+(?:and\\s+)?(?:${NUMBER_WORDS})\\b)*`, 'i');
const CENTS_FRACTION = /\band\s+(?:\d{1,2}|no|xx)\/100\b/i;
const CENTS_WORDS = new RegExp(`\\band\\s+(?:(?:${NUMBER_WORDS}|and)[\\s-]+){1,3}cents?\\b`, 'i');

/**
 * `amount` in words, written the way `like` (the words a contract already
 * has) writes them: its lead ("say US Dollars"), its currency and "only", its
 * capitals, and cents in its style ("and 50/100" or "and fifty cents"). Only
 * the number changes, so the drafter sees exactly what the fix rewrites.
 *
 * @returns the words, or `''` when the amount cannot be written.
 */
export function rewriteEnglishAmount(amount: number, like: string): string {
  const totalCents = toHundredths(amount);
  if (totalCents === undefined) return '';
  const whole = Math.floor(totalCents / 100);
  const cents = totalCents % 100;
  const lead = CURRENCY_LEAD.exec(like)![0];
  const afterLead = like.slice(lead.length);
  const body = NUMBER_BODY.exec(afterLead)?.[0] ?? '';
  let rest = afterLead.slice(body.length);
  const letters = body.replace(/[^A-Za-z]/g, '');
  const style = (words: string) =>
    letters.length > 1 && letters === letters.toUpperCase()
      ? words.toUpperCase()
      : /^[A-Z]/.test(body)
        ? words.replace(/\b[a-z]/g, (c) => c.toUpperCase()).replace(/\bAnd\b/g, 'and')
        : words;
  const centsAsWords = (n: number) => `and ${wordsBelowThousand(n)} ${n === 1 ? 'cent' : 'cents'}`;
  const centsAsFraction = (n: number) => `and ${String(n).padStart(2, '0')}/100`;
  let placed = cents === 0;
  rest = rest.replace(CENTS_WORDS, () => {
    placed = true;
    return cents === 0 ? '' : style(centsAsWords(cents));
  });
  rest = rest.replace(CENTS_FRACTION, () => {
    placed = true;
    return cents === 0 ? '' : centsAsFraction(cents);
  });
  rest = rest.replace(/\s{2,}/g, ' ').replace(/\s+$/, like.match(/\s*$/)![0]);
  let number = style(wordsForInteger(whole));
  if (!placed) number += ` ${centsAsFraction(cents)}`;
  if (body === '') return '';
  return lead + number + rest;
}
