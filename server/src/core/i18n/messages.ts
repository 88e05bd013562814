import type { Locale } from '../model.js';

export type MessageArgs = Readonly<Record<string, string | number>>;
export type Catalogue = Readonly<Record<string, string>>;
export interface LocalizedCatalogue {
  readonly en: Catalogue;
  readonly 'zh-CN': Catalogue;
}

/** Fills `{name}` slots; a missing key falls back to English so no message is ever blank. */
export function format(catalogue: LocalizedCatalogue, locale: Locale, key: string, args: MessageArgs = {}): string {
  const template = catalogue[locale][key] ?? catalogue.en[key] ?? key;
  const parts = partsOf(template);
  if (parts.length === 1) return parts[0]!;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in args ? String(args[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/**
 * A template split once into text and slot names (text, name, text, …):
 * messages are formatted thousands of times per keystroke, a regular
 * expression replace per message was a fifth of the time.
 */
const PARTS = new Map<string, readonly string[]>();
function partsOf(template: string): readonly string[] {
  let parts = PARTS.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    PARTS.set(template, parts);
  }
  return parts;
}

/** Chooses the locale a contract is checked in: a setting wins, then the contract, then its script. */
export function resolveLocale(override: Locale | undefined, declared: Locale | undefined, text: string): Locale {
  return override ?? declared ?? guessLocale(text);
}

/**
 * Markup that says nothing about the language a contract is written in:
 * HTML comments (`<!-- clausemark-disable… -->`), code, link targets, clause
 * labels, URLs, and the front matter's English keys and type names. Counting
 * them made a short Chinese contract with two English comments "English".
 */
const NOT_PROSE = new RegExp(
  [
    String.raw`<!--[\s\S]*?(?:-->|$)`,
    '`[^`\\n]*`',
    String.raw`\]\([^)\n]*\)|\{#[^}\n]*\}|https?:\/\/\S+`,
    String.raw`^[ \t-]*[A-Za-z_]+:(?=\s)`,
    String.raw`\b(?:type|value|options|group|total|role|name|description|text|number|money|percent|date|duration|party|choice|key)\b`,
  ].join('|'),
  'gm',
);

/** Guesses Chinese when Han characters make up a noticeable share of the first part of the text. */
export function guessLocale(text: string): Locale {
  const sample = text.slice(0, 4000).replace(NOT_PROSE, ' ');
  let han = 0;
  let latin = 0;
  for (const ch of sample) {
    if (/\p{Script=Han}/u.test(ch)) han++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  return han * 3 >= latin && han > 0 ? 'zh-CN' : 'en';
}

/** Normalises what users type (`zh`, `zh-cn`, `en-US`) to a supported locale. */
export function toLocale(value: unknown): Locale | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.toLowerCase();
  if (v.startsWith('zh')) return 'zh-CN';
  if (v.startsWith('en')) return 'en';
  return undefined;
}
