import type { NumberPair } from '../model.js';
import type { ReportInput, Check } from './types.js';
import { encodeChineseOrdinal } from '../numbers/chineseOrdinal.js';
import { encodeEnglishNumber } from '../numbers/englishWords.js';
import { formatGrouped } from '../numbers/digits.js';

/** A fix as a check reports it, before its title is localised. */
type FixInput = NonNullable<ReportInput['fixes']>[number];

/**
 * A number written in words and again in figures (`ten (10) days`,
 * `百分之三十（30%）`) must say the same both times. Which one is meant is the
 * drafter's call, so each side is offered as its own quick fix, never a safe one.
 */
export const numberWords: Check = {
  id: 'number-words',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'A number written in words and in figures says two different things.',
      mismatch: 'The words "{words}" say {wordsValue}, but the figure in brackets says {figure}.',
      figure: 'The figure: {figure}.',
      useFigure: 'Make the words say {figure} ("{text}")',
      useWords: 'Make the figure say {wordsValue}',
    },
    'zh-CN': {
      summary: '同一数字的文字写法与阿拉伯数字不一致。',
      mismatch: '文字“{words}”为 {wordsValue}，而括号中的数字为 {figure}。',
      figure: '数字：{figure}。',
      useFigure: '按数字改写文字为“{text}”（{figure}）',
      useWords: '按文字将数字改为 {wordsValue}',
    },
  },
  run({ doc, report }) {
    for (const pair of doc.numberPairs) {
      const words = pair.words.value;
      if (words === undefined || words === pair.figure.value) continue;
      const figure = formatGrouped(pair.figure.value);
      const wordsValue = formatGrouped(words);
      const rewritten = wordsFor(pair, pair.figure.value);
      const fixes: FixInput[] = [
        ...(rewritten === undefined
          ? []
          : [{ key: 'useFigure', args: { figure, text: rewritten }, edits: [{ span: pair.words.span, newText: rewritten }], safe: false }]),
        { key: 'useWords', args: { wordsValue }, edits: [{ span: pair.figure.span, newText: figureFor(pair, words) }], safe: false },
      ];
      report({
        span: pair.words.span,
        key: 'mismatch',
        args: { words: pair.words.text, wordsValue, figure },
        related: [{ span: pair.figure.span, key: 'figure', args: { figure } }],
        fixes,
        data: { words, figure: pair.figure.value },
      });
    }
  },
};

/** The value in words, in the style the drafter wrote: case, hyphens, 百分之. */
function wordsFor(pair: NumberPair, value: number): string | undefined {
  if (!Number.isSafeInteger(value) || value < 0) return undefined;
  const written = pair.words.text;
  if (pair.language === 'zh') {
    // A rate per mille or per ten thousand is rewritten by hand: its words do not count in per cent.
    if (/^[千万]分之/.test(written)) return undefined;
    const prefix = written.startsWith('百分之') ? '百分之' : '';
    return prefix + encodeChineseOrdinal(value);
  }
  let encoded = encodeEnglishNumber(value);
  if (encoded === '') return undefined;
  if (pair.kind === 'ordinal') encoded = toOrdinal(encoded);
  if (/^[A-Z]{2}/.test(written)) return encoded.toUpperCase();
  if (/^[A-Z]/.test(written)) return encoded.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return encoded;
}

/** The figure as the drafter grouped it: `1,000` stays grouped, `1000` stays plain. */
function figureFor(pair: NumberPair, value: number): string {
  if (pair.kind === 'ordinal') return `${value}${ordinalSuffix(value)}`;
  const grouped = /[,，]/.test(pair.figure.text);
  return grouped ? formatGrouped(value) : String(value);
}

const IRREGULAR: Readonly<Record<string, string>> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

function toOrdinal(cardinal: string): string {
  return cardinal.replace(/([a-z]+)$/, (last) => IRREGULAR[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`));
}

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}
