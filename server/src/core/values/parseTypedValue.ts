import type { FieldType, TypedValue } from '../model.js';
import { normalizeDigits, parseNumberLiteral } from '../numbers/digits.js';
import { parseChineseDate, parseEnglishDate, parseIsoDate } from '../numbers/dates.js';
import { parseDuration } from '../numbers/duration.js';
import { decodeChineseMoney } from '../numbers/chineseMoney.js';

export interface ValueContext {
  readonly options: readonly string[] | undefined;
  readonly currency: string | undefined;
  readonly partyKeys: readonly string[];
  readonly partyNames: readonly string[];
}

const CURRENCY_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:人民币|RMB|CNY|¥|￥)/i, 'CNY'],
  [/^(?:USD|US\$|\$)/i, 'USD'],
  [/^(?:EUR|€)/i, 'EUR'],
  [/^(?:GBP|£)/i, 'GBP'],
  [/^(?:HKD|HK\$)/i, 'HKD'],
  [/^(?:JPY)/i, 'JPY'],
];

/** Reads a currency code from the start of `text`, returning it and what follows. */
export function splitCurrencyPrefix(text: string): { currency: string | undefined; rest: string } {
  for (const [pattern, code] of CURRENCY_WORDS) {
    const match = pattern.exec(text);
    if (match) return { currency: code, rest: text.slice(match[0].length).trim() };
  }
  return { currency: undefined, rest: text };
}

/**
 * Reads a raw value against a field type; `undefined` means it does not fit.
 * Impossible dates still parse, so `invalid-date` can name them precisely.
 */
export function parseTypedValue(type: FieldType, raw: string, context: ValueContext): TypedValue | undefined {
  const text = normalizeDigits(raw.trim());
  if (text === '') return undefined;
  switch (type) {
    case 'text':
      return { kind: 'text', text: raw.trim() };
    case 'number': {
      const value = parseNumberLiteral(text);
      return value === undefined ? undefined : { kind: 'number', value };
    }
    case 'percent': {
      const value = parseNumberLiteral(text.replace(/\s*%$/, ''));
      return value === undefined ? undefined : { kind: 'percent', value };
    }
    case 'money':
      return parseMoney(text, context.currency);
    case 'date': {
      const date = parseIsoDate(text) ?? parseChineseDate(text) ?? parseEnglishDate(text);
      return date === undefined ? undefined : { kind: 'date', date };
    }
    case 'duration': {
      const duration = parseDuration(text);
      return duration === undefined ? undefined : { kind: 'duration', amount: duration.amount, unit: duration.unit, text: raw.trim() };
    }
    case 'party': {
      const key = context.partyKeys.find((k) => k === text);
      if (key !== undefined) return { kind: 'party', party: key };
      // A legal name is fine too when parties are not declared by key.
      return context.partyKeys.length === 0 || context.partyNames.includes(text) ? { kind: 'party', party: text } : undefined;
    }
    case 'choice': {
      const options = context.options ?? [];
      const index = options.indexOf(raw.trim());
      if (index >= 0) return { kind: 'choice', option: options[index]!, index };
      // Contracts often say 第2种: accept a 1-based option number.
      const number = /^\d+$/.test(text) ? Number(text) : undefined;
      if (number !== undefined && number >= 1 && number <= options.length) {
        return { kind: 'choice', option: options[number - 1]!, index: number - 1 };
      }
      return undefined;
    }
  }
}

function parseMoney(text: string, defaultCurrency: string | undefined): TypedValue | undefined {
  const { currency: prefixCurrency, rest } = splitCurrencyPrefix(text);
  let body = rest;
  let currency = prefixCurrency;
  const suffix = /\s*(万元|元|CNY|RMB|USD|EUR|GBP|HKD|JPY|dollars?)$/i.exec(body);
  let multiplier = 1;
  if (suffix) {
    body = body.slice(0, suffix.index);
    const unit = suffix[1]!.toUpperCase();
    if (unit === '万元') multiplier = 10000;
    if (unit === '万元' || unit === '元' || unit === 'RMB') currency ??= 'CNY';
    else if (/^DOLLARS?$/.test(unit)) currency ??= 'USD';
    else if (unit !== '元') currency ??= unit;
  }
  const figure = parseNumberLiteral(body.trim());
  if (figure !== undefined) {
    return { kind: 'money', amount: Math.round(figure * multiplier * 100) / 100, currency: currency ?? defaultCurrency ?? 'CNY' };
  }
  const words = decodeChineseMoney(text);
  if (words !== undefined) return { kind: 'money', amount: words, currency: currency ?? defaultCurrency ?? 'CNY' };
  return undefined;
}
