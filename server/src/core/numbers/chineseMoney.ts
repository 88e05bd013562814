/**
 * Chinese numerals and 大写 money words (人民币伍拾万元整).
 *
 * Decoding is hand-written rather than delegated to nzh because nzh's
 * decodeB/decodeS silently skip characters they do not know ("abc" decodes
 * to 0), and a checker must be able to say "this is not an amount".
 * Encoding uses nzh, see encodeChineseMoney for the adjustments.
 */
import nzhcn from 'nzh/cn';
import { toHundredths } from './digits.js';

// prettier-ignore
const DIGIT_VALUES: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, '○': 0,
  壹: 1, 一: 1, 弌: 1,
  贰: 2, 貳: 2, 二: 2, 两: 2, 兩: 2,
  叁: 3, 參: 3, 叄: 3, 三: 3,
  肆: 4, 四: 4,
  伍: 5, 五: 5,
  陆: 6, 陸: 6, 六: 6,
  柒: 7, 七: 7,
  捌: 8, 八: 8,
  玖: 9, 九: 9,
};

// prettier-ignore
const SMALL_UNIT_VALUES: Readonly<Record<string, number>> = {
  拾: 10, 十: 10,
  佰: 100, 百: 100,
  仟: 1000, 千: 1000,
};

const WAN = 1e4;
const YI = 1e8;

// prettier-ignore
const BIG_UNIT_VALUES: Readonly<Record<string, number>> = {
  万: WAN, 萬: WAN,
  亿: YI, 億: YI,
};

type Token = { kind: 'digit'; value: number } | { kind: 'unit'; value: number } | { kind: 'big'; value: number };

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  for (const ch of text) {
    const digit = DIGIT_VALUES[ch];
    const unit = SMALL_UNIT_VALUES[ch];
    const big = BIG_UNIT_VALUES[ch];
    if (digit !== undefined) tokens.push({ kind: 'digit', value: digit });
    else if (unit !== undefined) tokens.push({ kind: 'unit', value: unit });
    else if (big !== undefined) tokens.push({ kind: 'big', value: big });
    else return undefined;
  }
  return tokens;
}

const isZero = (t: Token): boolean => t.kind === 'digit' && t.value === 0;

/**
 * A section below 万 (0-9999): digit/unit pairs in descending order, with
 * optional 零 marking skipped positions. A bare trailing digit right after a
 * unit is read the way Chinese readers do: 一千五 is 1500, not 1005.
 */
function parseSection(tokens: readonly Token[]): number | undefined {
  if (tokens.length === 0) return undefined;
  let value = 0;
  let lastUnit = WAN;
  let pending: number | undefined;
  let afterZero = false;
  let sawUnit = false;
  for (const token of tokens) {
    if (token.kind === 'big') return undefined;
    if (token.kind === 'digit') {
      if (pending !== undefined) return undefined; // two digits in a row: 二〇 is not a number here
      if (token.value === 0) {
        afterZero = true;
        continue;
      }
      pending = token.value;
      continue;
    }
    if (token.value >= lastUnit) return undefined;
    if (pending === undefined) {
      // Only a leading 十/拾 may stand alone (十二 = 12).
      if (token.value !== 10 || sawUnit || afterZero) return undefined;
      pending = 1;
    }
    value += pending * token.value;
    pending = undefined;
    lastUnit = token.value;
    afterZero = false;
    sawUnit = true;
  }
  if (pending !== undefined) {
    const colloquial = sawUnit && !afterZero && lastUnit > 10;
    value += colloquial ? (pending * lastUnit) / 10 : pending;
  }
  return value;
}

/** What follows a 万 or 亿: empty, colloquial single digit, or a smaller number. */
function parseRemainder(tokens: readonly Token[], unit: number, parseLower: (t: readonly Token[]) => number | undefined): number | undefined {
  if (tokens.length === 0) return 0;
  const [first] = tokens;
  if (tokens.length === 1 && first !== undefined && first.kind === 'digit' && first.value > 0) {
    return (first.value * unit) / 10; // 一万五 = 15000
  }
  let start = 0;
  while (start < tokens.length && isZero(tokens[start] as Token)) start++;
  if (start === tokens.length) return 0;
  const value = parseLower(tokens.slice(start));
  return value !== undefined && value < unit ? value : undefined;
}

function parseBelowYi(tokens: readonly Token[]): number | undefined {
  if (tokens.some((t) => t.kind === 'big' && t.value === YI)) return undefined;
  const wanAt = tokens.findIndex((t) => t.kind === 'big' && t.value === WAN);
  if (wanAt < 0) return parseSection(tokens);
  const high = parseSection(tokens.slice(0, wanAt));
  if (high === undefined || high === 0) return undefined;
  const low = parseRemainder(tokens.slice(wanAt + 1), WAN, parseSection);
  return low === undefined ? undefined : high * WAN + low;
}

/** Integers below 10^16 (万亿 is allowed before 亿, 亿亿/万万亿 are not). */
function parseInteger(tokens: readonly Token[]): number | undefined {
  let yiAt = -1;
  tokens.forEach((t, i) => {
    if (t.kind === 'big' && t.value === YI) yiAt = i;
  });
  if (yiAt < 0) return parseBelowYi(tokens);
  const high = parseBelowYi(tokens.slice(0, yiAt));
  if (high === undefined || high === 0) return undefined;
  const low = parseRemainder(tokens.slice(yiAt + 1), YI, parseBelowYi);
  return low === undefined ? undefined : high * YI + low;
}

/**
 * Decodes a Chinese integer in 大写 or 小写 numerals: `三十` → 30, `十二` → 12,
 * `一百零五` → 105, `壹拾万零伍佰` → 100500, `两千` → 2000.
 *
 * @returns the integer, or `undefined` if the text is not a Chinese numeral.
 */
export function decodeChineseNumber(s: string): number | undefined {
  const tokens = tokenize(s.replace(/\s+/g, ''));
  if (tokens === undefined || tokens.length === 0) return undefined;
  const value = parseInteger(tokens);
  return value !== undefined && Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Decodes a digit-by-digit numeral such as a year `二〇二六` → 2026.
 *
 * @returns the integer, or `undefined` if any character is not a digit.
 */
export function decodeChineseDigitSequence(s: string): number | undefined {
  const text = s.replace(/\s+/g, '');
  if (text.length === 0) return undefined;
  let value = 0;
  for (const ch of text) {
    const digit = DIGIT_VALUES[ch];
    if (digit === undefined) return undefined;
    value = value * 10 + digit;
  }
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Encodes a non-negative integer as 大写 numerals without 元: 30 → `叁拾`,
 * 10 → `壹拾` (accounting style keeps the leading 壹).
 *
 * @returns the words, or `''` when `n` is not a non-negative safe integer.
 */
export function encodeChineseNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) return '';
  return nzhcn.encodeB(String(n));
}

// Prefixes a drafter puts before the words: 人民币, 人民币（大写）：, 大写：
const MONEY_PREFIX = /^(?:人民币|RMB|CNY)?[:：]?(?:[(（]?大写[)）]?)?[:：]?/i;
const YUAN_CHARS = /[元圆圓]/;
const DIGIT_CLASS = `[${Object.keys(DIGIT_VALUES).join('')}]`;
// 零 may mark a zero 元 position or a zero 角 before 分: 壹拾元零伍角, 壹元零柒分.
const FRACTION = new RegExp(`^零?(?:(${DIGIT_CLASS})角)?零?(?:(${DIGIT_CLASS})分)?$`);

function parseFractionFen(text: string): number | undefined {
  const match = FRACTION.exec(text);
  if (!match) return undefined;
  const jiao = match[1] === undefined ? 0 : (DIGIT_VALUES[match[1]] ?? 0);
  const fen = match[2] === undefined ? 0 : (DIGIT_VALUES[match[2]] ?? 0);
  return jiao * 10 + fen;
}

/**
 * Decodes Chinese money words to yuan: `人民币伍拾万元整` → 500000,
 * `壹仟零伍元零柒分` → 1005.07, `零元伍角` → 0.5, `伍拾万` → 500000.
 * Accepts 大写 and 小写 numerals, 元/圆, a trailing 整 or 正, and an
 * optional 人民币 / （大写） prefix. Whitespace is ignored.
 *
 * @returns yuan exact to the fen (2 decimals), or `undefined` if the text is
 *   not money words (blanks like `____`, Arabic digits, other text).
 */
export function decodeChineseMoney(words: string): number | undefined {
  let text = words.replace(/\s+/g, '').replace(MONEY_PREFIX, '');
  text = text.replace(/[整正]$/, '');
  if (text.length === 0) return undefined;

  const parts = text.split(YUAN_CHARS);
  if (parts.length > 2) return undefined;
  const [integerText = '', fractionText] = parts;

  let yuan: number | undefined;
  let fractionFen: number | undefined;
  if (fractionText !== undefined) {
    yuan = decodeChineseNumber(integerText);
    fractionFen = parseFractionFen(fractionText);
  } else if (/[角分]/.test(integerText)) {
    yuan = 0;
    fractionFen = parseFractionFen(integerText);
  } else {
    yuan = decodeChineseNumber(integerText);
    fractionFen = 0;
  }
  if (yuan === undefined || fractionFen === undefined) return undefined;
  const totalFen = yuan * 100 + fractionFen;
  return Number.isSafeInteger(totalFen) ? totalFen / 100 : undefined;
}

/**
 * Encodes an amount in yuan as canonical 大写 money words without the 人民币
 * prefix: 500000 → `伍拾万元整`, 1005.07 → `壹仟零伍元零柒分`,
 * 100000.5 → `壹拾万元伍角整`, 0.5 → `伍角整`. The amount is rounded to the
 * nearest fen first (half up).
 *
 * @returns the words, or `''` for negative, non-finite or too large amounts.
 */
export function encodeChineseMoney(amount: number): string {
  const totalFen = toHundredths(amount);
  if (totalFen === undefined) return '';
  const yuan = Math.floor(totalFen / 100);
  const fen = totalFen % 100;
  // nzh works on the decimal string and truncates extra digits instead of
  // rounding (and a float like 0.1 + 0.2 would reach it as 0.30000000000000004),
  // so it gets an exact "yuan.jiaofen" string built from integer fen.
  const decimal = fen === 0 ? String(yuan) : `${yuan}.${String(fen).padStart(2, '0')}`;
  // forceZheng: by default nzh appends 整 only when the *input* had no
  // decimals, giving 壹拾万元伍角 for 100000.5; accounting rules want 整
  // whenever the words stop before 分, which is what forceZheng does.
  return nzhcn.toMoney(decimal, { outSymbol: false, forceZheng: true });
}
