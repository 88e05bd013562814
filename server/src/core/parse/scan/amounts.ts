import type { Span } from '../../model.js';
import { decodeChineseMoney } from '../../numbers/chineseMoney.js';
import { decodeEnglishNumber } from '../../numbers/englishWords.js';
import { parseNumberLiteral } from '../../numbers/digits.js';
import { BLANK_CHAR, BLANK_TOKEN, PLACEHOLDER_CHAR, PLACEHOLDER_TOKEN } from './shape.js';

/** An amount as the block sees it; placeholder figures and words are resolved later. */
export interface RawAmount {
  readonly span: Span;
  readonly figure: number | undefined;
  readonly figureSpan: Span;
  readonly figureIsPlaceholder: boolean;
  readonly currency: string | undefined;
  readonly words: RawWords | undefined;
}

export interface RawWords {
  readonly text: string;
  readonly span: Span;
  readonly language: 'zh' | 'en';
  readonly value: number | undefined;
  readonly isPlaceholder: boolean;
  readonly isBlank: boolean;
}

// Look-behinds start a run only at its first character, so a huge run is scanned once, not once per position.
const TOKEN = `(?<![\\d,.])\\d[\\d,]{0,24}(?:\\.\\d{1,4})?|${PLACEHOLDER_TOKEN}|${BLANK_TOKEN}`;
const ZH_WORD_CHARS = '零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正一二三四五六七八九十百千两〇';
const ZH_WORDS = `(?:人民币)?[${ZH_WORD_CHARS}]{1,40}|${PLACEHOLDER_TOKEN}|${BLANK_TOKEN}`;
// 人民币500,000元（大写：伍拾万元整）
// 大写 may be introduced as 大写金额, 金额大写 or 人民币大写, in brackets or after a comma (…元，大写：…).
const ZH_FIGURE_FIRST = new RegExp(
  `(?:(人民币|RMB|CNY|[￥¥])\\s*)?(${TOKEN})\\s*(万元|元)(?:\\s*整)?(?:\\s*[（(]\\s*(?:人民币|金额)?(?:大写|大寫)(?:金额)?\\s*[:：]?\\s*(${ZH_WORDS})\\s*[)）]|[，,]\\s*(?:人民币|金额)?(?:大写|大寫)(?:金额)?\\s*[:：]\\s*(${ZH_WORDS}))?`,
  'g',
);
// 人民币伍拾万元整（¥500,000）, 大写金额：伍拾万元整（小写金额：￥500,000.00元）,
// and the figure after a comma when 小写 names it: 大写：人民币伍拾万元整；小写：￥500,000元.
const ZH_WORDS_FIRST = new RegExp(
  `(?<![${ZH_WORD_CHARS}])((?:人民币)?[${ZH_WORD_CHARS}]{0,40}[元圆][${ZH_WORD_CHARS}]{0,8})` +
    `\\s*(?:[（(]\\s*(?:(?:小写|金额)(?:金额)?\\s*[:：]?\\s*)?(?:人民币|RMB|CNY|[￥¥])?\\s*[:：]?\\s*(${TOKEN})\\s*元?\\s*[)）]` +
    `|[，,；;]\\s*(?:人民币)?\\s*小写(?:金额)?\\s*[:：]\\s*(?:人民币|RMB|CNY|[￥¥])?\\s*(${TOKEN})(?:\\s*元)?)`,
  'g',
);
// A$, C$, S$ and NZ$ come before $ so the whole symbol is read; the letter before them must start a word.
const EN_CURRENCY = '(USD|US\\$|(?<![A-Za-z])(?:A|C|S|NZ)\\$|\\$|RMB|CNY|EUR|€|GBP|£|HKD|HK\\$|AUD|CAD|SGD|JPY|CHF|NZD)';
// Dollars named by their country: Australian dollars, NZ dollars.
const DOLLAR_COUNTRY = '(?:US|U\\.S\\.|United States|Hong Kong|HK|Australian|Canadian|Singapore|New Zealand|NZ)';
// A currency written as a name after the figure: 3,000 US dollars (in words: …).
const EN_CURRENCY_NAME = `(${DOLLAR_COUNTRY}\\s+dollars?|dollars?|euros?|pounds(?:\\s+sterling)?|yuan|renminbi|(?:Japanese\\s+)?yen|(?:Swiss\\s+)?francs?|USD|EUR|GBP|RMB|CNY|HKD|AUD|CAD|SGD|JPY|CHF|NZD)`;
// USD 120,000 (one hundred twenty thousand US dollars)
const EN_CURRENCY_ANYWHERE = new RegExp(`${EN_CURRENCY}|dollar|euro|pound|yuan|renminbi|\\byen\\b|franc`, 'i');
const EN_FIGURE_FIRST = new RegExp(
  `${EN_CURRENCY}\\s*(${TOKEN})(?:\\s*\\(([^()\\n]{2,160})\\))?|(?<![\\w$€£])(${TOKEN})\\s*${EN_CURRENCY_NAME}\\b\\s*\\(([^()\\n]{2,160})\\)`,
  'gi',
);
// What introduces the words inside the brackets: (in words: …), (say: …), (amount in words …).
const EN_WORDS_LABEL = /^(?:(?:the\s+)?(?:amount|sum)\s+in\s+words|in\s+words|words|say|written)\b\s*[:：]?\s*/i;
const NUMBER_WORD =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|' +
  'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)';
// One Hundred Twenty Thousand US Dollars (USD 120,000)
const EN_WORDS_FIRST = new RegExp(
  `(?<!\\b${NUMBER_WORD}[\\s,-]{1,3})\\b(${NUMBER_WORD}(?:[\\s,-]{1,3}(?:and\\s{1,3})?${NUMBER_WORD}){0,30}(?:\\s+and\\s+\\d{1,2}/100)?` +
    `(?:\\s+(?:${DOLLAR_COUNTRY}\\s+)?(?:dollars?|euros?|pounds(?:\\s+sterling)?|yuan|renminbi|(?:Japanese\\s+)?yen|(?:Swiss\\s+)?francs?))?)\\s*\\(\\s*(?:in\\s+figures\\s*[:：]?\\s*)?${EN_CURRENCY}\\s*(${TOKEN})\\s*\\)`,
  'gi',
);

const ANY_NUMBER_WORD = new RegExp(NUMBER_WORD, 'i');

// prettier-ignore
const CURRENCY_CODES: Record<string, string> = {
  人民币: 'CNY', RMB: 'CNY', CNY: 'CNY', '￥': 'CNY', '¥': 'CNY', 元: 'CNY', 万元: 'CNY',
  USD: 'USD', 'US$': 'USD', $: 'USD', EUR: 'EUR', '€': 'EUR', GBP: 'GBP', '£': 'GBP', HKD: 'HKD', 'HK$': 'HKD',
  AUD: 'AUD', 'A$': 'AUD', CAD: 'CAD', 'C$': 'CAD', SGD: 'SGD', 'S$': 'SGD', NZD: 'NZD', 'NZ$': 'NZD', JPY: 'JPY', CHF: 'CHF',
};

/** Finds amounts in figures and the words that state them, in either order. */
export function scanAmounts(shaped: string, source: string, base: number): RawAmount[] {
  const found: RawAmount[] = [];
  // One flag per code unit already in an amount; amounts are short, so checking
  // a span's own units is cheap where searching every earlier amount is quadratic.
  let taken: Uint8Array | undefined;
  const push = (amount: RawAmount) => {
    const start = amount.span.start - base;
    const end = amount.span.end - base;
    taken ??= new Uint8Array(shaped.length);
    for (let i = start; i < end; i++) if (taken[i]) return;
    taken.fill(1, start, end);
    found.push(amount);
  };
  // Most blocks state no amount; one cheap test spares them the costly patterns.
  const yuan = /[元圆]/.test(shaped);
  const currency = EN_CURRENCY_ANYWHERE.test(shaped);
  for (const m of yuan ? shaped.matchAll(ZH_WORDS_FIRST) : []) {
    const wordsText = m[1]!;
    if (!/[壹贰叁肆伍陆柒捌玖拾佰仟]/.test(wordsText)) continue;
    const wordsStart = m.index + m[0].indexOf(wordsText);
    const figureToken = (m[2] ?? m[3])!;
    const figureStart = m.index + m[0].lastIndexOf(figureToken);
    push({
      span: at(base, m.index, m.index + m[0].length),
      ...figure(figureToken, base, figureStart),
      currency: 'CNY',
      words: zhWords(source.slice(wordsStart, wordsStart + wordsText.length), base, wordsStart, wordsText),
    });
  }
  for (const m of yuan ? shaped.matchAll(ZH_FIGURE_FIRST) : []) {
    const figureToken = m[2]!;
    const figureStart = m.index + (m[1] ? m[0].indexOf(figureToken, m[1].length) : m[0].indexOf(figureToken));
    const unit = m[3]!;
    const fig = figure(figureToken, base, figureStart, unit === '万元' ? 10000 : 1);
    let words: RawWords | undefined;
    const wordsText = m[4] ?? m[5];
    if (wordsText !== undefined) {
      const wordsStart = m.index + m[0].lastIndexOf(wordsText);
      words = zhWords(source.slice(wordsStart, wordsStart + wordsText.length), base, wordsStart, wordsText);
    }
    push({ span: at(base, m.index, m.index + m[0].length), ...fig, currency: CURRENCY_CODES[m[1] ?? unit] ?? 'CNY', words });
  }
  // Its look-behind runs at every position: only a block with a number word and a bracket is scanned.
  const wordsFirst = currency && shaped.includes('(') && ANY_NUMBER_WORD.test(shaped);
  for (const m of wordsFirst ? shaped.matchAll(EN_WORDS_FIRST) : []) {
    const wordsText = m[1]!;
    const figureToken = m[3]!;
    const figureStart = m.index + m[0].lastIndexOf(figureToken);
    push({
      span: at(base, m.index, m.index + m[0].length),
      ...figure(figureToken, base, figureStart),
      currency: CURRENCY_CODES[m[2]!.toUpperCase()] ?? CURRENCY_CODES[m[2]!],
      words: {
        text: wordsText,
        span: at(base, m.index, m.index + wordsText.length),
        language: 'en',
        value: decodeEnglishNumber(wordsText),
        isPlaceholder: false,
        isBlank: false,
      },
    });
  }
  for (const m of currency ? shaped.matchAll(EN_FIGURE_FIRST) : []) {
    const named = m[1] === undefined;
    const figureToken = named ? m[4]! : m[2]!;
    const figureStart = named ? m.index : m.index + m[0].indexOf(figureToken, m[1]!.length);
    const inner = named ? m[6] : m[3];
    const words = inner === undefined ? undefined : englishWords(shaped, source, base, m.index + m[0].lastIndexOf('(' + inner) + 1, inner);
    // A figure before a currency name is an amount only when its words follow: "3,000 US dollars" alone is left to the figures.
    if (named && words === undefined) continue;
    const code = named ? m[5]! : m[1]!;
    push({
      span: at(base, m.index, m.index + m[0].length),
      ...figure(figureToken, base, figureStart),
      currency: CURRENCY_CODES[code.toUpperCase()] ?? CURRENCY_CODES[code] ?? currencyFromName(code),
      words,
    });
  }
  found.sort((a, b) => a.span.start - b.span.start);
  return found;
}

function at(base: number, start: number, end: number): Span {
  return { start: base + start, end: base + end };
}

function figure(token: string, base: number, start: number, multiplier = 1) {
  const figureSpan = at(base, start, start + token.length);
  if (token[0] === PLACEHOLDER_CHAR) return { figure: undefined, figureSpan, figureIsPlaceholder: true };
  if (token[0] === BLANK_CHAR) return { figure: undefined, figureSpan, figureIsPlaceholder: false };
  const value = parseNumberLiteral(token);
  return {
    figure: value === undefined ? undefined : Math.round(value * multiplier * 100) / 100,
    figureSpan,
    figureIsPlaceholder: false,
  };
}

/**
 * The words in `(…)` after an English figure: a label such as "in words:" or
 * "say" is left out of the span, so a rewrite keeps it. Labelled words are
 * words even when they cannot be read (a typo is then reported as unreadable);
 * unlabelled text in brackets is words only when it reads as an amount.
 */
function englishWords(shaped: string, source: string, base: number, innerStart: number, inner: string): RawWords | undefined {
  let start = innerStart + (inner.length - inner.trimStart().length);
  let text = inner.trim();
  const label = EN_WORDS_LABEL.exec(source.slice(start, start + text.length));
  if (label) {
    start += label[0].length;
    text = text.slice(label[0].length);
  }
  const shapedText = shaped.slice(start, start + text.length);
  const isPlaceholder = shapedText.startsWith(PLACEHOLDER_CHAR);
  const isBlank = shapedText.startsWith(BLANK_CHAR) || (label !== null && /^[\uE001\uE002…. ]*$/.test(shapedText));
  const sourceText = source.slice(start, start + text.length);
  const value = isPlaceholder || isBlank ? undefined : decodeEnglishNumber(sourceText);
  if (!(isPlaceholder || isBlank || value !== undefined || (label !== null && /[a-z]/i.test(sourceText)))) return undefined;
  return { text: sourceText, span: at(base, start, start + text.length), language: 'en', value, isPlaceholder, isBlank };
}

function currencyFromName(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.includes('hong kong') || lower.startsWith('hk')) return 'HKD';
  if (lower.startsWith('australian')) return 'AUD';
  if (lower.startsWith('canadian')) return 'CAD';
  if (lower.startsWith('singapore')) return 'SGD';
  if (lower.startsWith('new zealand') || lower.startsWith('nz')) return 'NZD';
  if (lower.includes('dollar')) return 'USD';
  if (lower.endsWith('yen')) return 'JPY';
  if (lower.includes('franc')) return 'CHF';
  if (lower.startsWith('euro')) return 'EUR';
  if (lower.startsWith('pound')) return 'GBP';
  if (lower === 'yuan' || lower === 'renminbi') return 'CNY';
  return undefined;
}

function zhWords(text: string, base: number, start: number, shapedText: string): RawWords {
  const isPlaceholder = shapedText.startsWith(PLACEHOLDER_CHAR);
  const isBlank = shapedText.startsWith(BLANK_CHAR);
  return {
    text,
    span: at(base, start, start + text.length),
    language: 'zh',
    value: isPlaceholder || isBlank ? undefined : decodeChineseMoney(text),
    isPlaceholder,
    isBlank,
  };
}
