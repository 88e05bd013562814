import type { AmountMention } from '../model.js';
import type { Check } from './types.js';
import { encodeChineseMoney } from '../numbers/chineseMoney.js';
import { encodeEnglishNumber } from '../numbers/englishWords.js';
import { formatGrouped } from '../numbers/digits.js';

const EN_TAIL = /(\s+(?:and\s+)?(?:US\s+|United States\s+)?(?:dollars?|euros?|pounds(?:\s+sterling)?|yuan|renminbi)(?:\s+only)?\s*)$/i;

/**
 * An amount in figures must say the same as its words (大写 or English). The
 * fix rewrites the words from the figure; drafters should confirm which was
 * meant, since many contracts let the words prevail.
 */
export const amountWords: Check = {
  id: 'amount-words',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'An amount in figures and the same amount in words disagree.',
      mismatch: 'The words "{words}" say {wordsValue}, but the figure says {figure}. The fix rewrites the words from the figure; check which one is meant.',
      unreadable: 'The words "{words}" cannot be read as an amount; the figure says {figure}.',
      figure: 'The figure: {figure}.',
      rewrite: 'Rewrite the words as "{words}"',
      mismatchEnglish: 'The words "{words}" say {wordsValue}, but the figure says {figure}. The fix rewrites the words from the figure; check which one is meant.',
      unreadableEnglish: 'The words "{words}" cannot be read as an amount; the figure says {figure}.',
      rewriteEnglish: 'Rewrite the words as "{words}"',
    },
    'zh-CN': {
      summary: '金额的小写数字与大写（文字）不一致。',
      mismatch: '大写“{words}”为 {wordsValue}，而小写为 {figure}。修复将按小写改写大写，请确认以哪一个为准。',
      unreadable: '大写“{words}”无法识别为金额，小写为 {figure}。',
      figure: '小写金额：{figure}。',
      rewrite: '将大写改为“{words}”',
      mismatchEnglish: '英文金额“{words}”为 {wordsValue}，而数字金额为 {figure}。修复将按数字改写英文金额，请确认以哪一个为准。',
      unreadableEnglish: '英文金额“{words}”无法识别为金额，数字金额为 {figure}。',
      rewriteEnglish: '将英文金额改为“{words}”',
    },
  },
  run({ doc, report }) {
    for (const amount of doc.amounts) {
      const words = amount.words;
      if (!words || words.derived || amount.figure === undefined) continue;
      if (words.value !== undefined && Math.round(words.value * 100) === Math.round(amount.figure * 100)) continue;
      if (words.value === undefined && (/[\uE000-\uE002_＿]/.test(words.text) || words.text.trim() === '')) continue;
      // Only now, for the few that disagree: writing words is the costly part.
      const figure = formatGrouped(amount.figure, amount.figure % 1 === 0 ? 0 : 2);
      const rewritten = rewriteWords(amount);
      // 大写 is the Chinese words' name; English words in a Chinese contract are called what they are.
      const english = words.language === 'en' ? 'English' : '';
      const fixes = rewritten === undefined ? [] : [{ key: `rewrite${english}`, args: { words: rewritten }, edits: [{ span: words.span, newText: rewritten }], safe: true }];
      const related = [{ span: amount.figureSpan, key: 'figure', args: { figure } }];
      if (words.value === undefined) {
        report({ span: words.span, key: `unreadable${english}`, args: { words: words.text, figure }, related, fixes });
      } else {
        const wordsValue = formatGrouped(words.value, words.value % 1 === 0 ? 0 : 2);
        report({ span: words.span, key: `mismatch${english}`, args: { words: words.text, wordsValue, figure }, related, fixes, data: { figure: amount.figure, words: words.value } });
      }
    }
  },
};

/** The figure in words, in the language and style the contract already uses. */
function rewriteWords(amount: AmountMention): string | undefined {
  const words = amount.words!;
  const figure = amount.figure!;
  if (words.language === 'zh') {
    const encoded = encodeChineseMoney(figure);
    if (encoded === '') return undefined;
    const prefix = /^人民币/.test(words.text) ? '人民币' : '';
    const zheng = /正$/.test(words.text) ? encoded.replace(/整$/, '正') : encoded;
    return prefix + zheng;
  }
  const encoded = encodeEnglishNumber(figure);
  if (encoded === '') return undefined;
  const tail = EN_TAIL.exec(words.text)?.[1] ?? '';
  const capitalised = /^[A-Z][a-z]/.test(words.text)
    ? encoded.replace(/\b[a-z]/g, (c) => c.toUpperCase())
    : /^[A-Z ]+$/.test(words.text.replace(/[^A-Za-z ]/g, '')) && /[A-Z]{3}/.test(words.text)
      ? encoded.toUpperCase()
      : encoded;
  return capitalised + tail;
}
