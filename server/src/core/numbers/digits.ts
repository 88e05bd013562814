/**
 * Digit normalisation and plain numeric literals ("500,000", "１２.５").
 *
 * Everything here is length-preserving or read-only so callers can keep
 * using source offsets after normalising.
 */

const FULL_WIDTH_ZERO = 0xff10;
const FULL_WIDTH_NINE = 0xff19;
const ASCII_ZERO = 0x30;

/** Full-width punctuation that shows up around numbers in CJK text. */
const FULL_WIDTH_PUNCTUATION: Readonly<Record<string, string>> = {
  '．': '.',
  '，': ',',
  '％': '%',
};

/**
 * Replaces full-width digits `０-９` and the full-width `．` `，` `％` with their
 * ASCII forms. Each character maps to exactly one character, so string
 * offsets computed on the result are valid for the input.
 */
export function normalizeDigits(s: string): string {
  // Most text has no full-width digits: test once, and replace only when needed,
  // so a 10 MB line costs one scan rather than ten million concatenations.
  if (!FULL_WIDTH.test(s)) return s;
  return s.replace(FULL_WIDTH_ALL, (ch) => {
    const code = ch.charCodeAt(0);
    return code >= FULL_WIDTH_ZERO && code <= FULL_WIDTH_NINE ? String.fromCharCode(code - FULL_WIDTH_ZERO + ASCII_ZERO) : FULL_WIDTH_PUNCTUATION[ch]!;
  });
}

const FULL_WIDTH = /[０-９．，％]/;
const FULL_WIDTH_ALL = /[０-９．，％]/g;

// Either ungrouped digits, or 1-3 leading digits followed by strict groups of
// three: "1,23,4" (Indian-style or typo) is rejected because it cannot be told
// apart from a mistyped amount.
const NUMBER_LITERAL = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * Parses a plain non-negative number literal such as `500000`, `500,000`,
 * `1,234.56`, `３０` or `12.5`. Surrounding whitespace is ignored.
 *
 * @returns the value, or `undefined` for empty input, malformed thousands
 *   grouping (`1,23,4`), signs, units, or anything else.
 */
export function parseNumberLiteral(s: string): number | undefined {
  const text = normalizeDigits(s).trim();
  if (!NUMBER_LITERAL.test(text)) return undefined;
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Formats a number with comma thousands separators: `120000` → `120,000`,
 * `formatGrouped(1234.5, 2)` → `1,234.50`.
 *
 * @param decimals exact number of fraction digits (rounded half away from
 *   zero); when omitted the number keeps the fraction digits it has.
 */
export function formatGrouped(n: number, decimals?: number): string {
  if (!Number.isFinite(n)) return String(n);
  // Intl rather than hand-rolled grouping: it rounds on the decimal
  // representation, so 1.005 with 2 decimals gives 1.01, as a reader expects.
  const fractionDigits = decimals === undefined ? undefined : clampFractionDigits(decimals);
  return formatterFor(fractionDigits).format(n);
}

// Building an Intl.NumberFormat costs far more than using one: keep one per precision.
const formatters = new Map<number | undefined, Intl.NumberFormat>();

function formatterFor(fractionDigits: number | undefined): Intl.NumberFormat {
  let formatter = formatters.get(fractionDigits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', {
      useGrouping: true,
      minimumFractionDigits: fractionDigits ?? 0,
      maximumFractionDigits: fractionDigits ?? 20,
    });
    formatters.set(fractionDigits, formatter);
  }
  return formatter;
}

function clampFractionDigits(decimals: number): number {
  if (!Number.isFinite(decimals)) return 0;
  return Math.min(20, Math.max(0, Math.trunc(decimals)));
}

/**
 * Converts a non-negative amount to whole hundredths (fen, cents), rounding
 * half up on the decimal form a reader sees: 1.005 → 101, 0.1 + 0.2 → 30.
 * `Math.round(amount * 100)` would give 100 for 1.005 because the binary
 * value is 1.00499999…
 *
 * @returns the hundredths, or `undefined` for negative, non-finite or
 *   amounts too large to count in hundredths exactly.
 */
export function toHundredths(amount: number): number | undefined {
  if (!Number.isFinite(amount) || amount < 0) return undefined;
  // String() gives the shortest decimal that round-trips to the same double.
  const match = /^(\d+)(?:\.(\d+))?$/.exec(String(amount));
  if (!match) return amount < 1 ? 0 : undefined; // exponent form: 1e-7 or ≥ 1e21
  const fraction = (match[2] ?? '').padEnd(3, '0');
  const roundUp = Number(fraction[2]) >= 5 ? 1 : 0;
  const hundredths = Number(match[1]) * 100 + Number(fraction.slice(0, 2)) + roundUp;
  return Number.isSafeInteger(hundredths) ? hundredths : undefined;
}
