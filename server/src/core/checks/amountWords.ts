import type { AmountMention, ContractDocument } from '../model.js';
import type { Check, TextEdit } from './types.js';
import { encodeChineseMoney } from '../numbers/chineseMoney.js';
import { rewriteEnglishAmount } from '../numbers/englishWords.js';
import { formatGrouped, normalizeDigits, parseNumberLiteral } from '../numbers/digits.js';

/**
 * An amount in figures must say the same as its words (大写 or English). Which
 * side is wrong is a question only the drafter can answer (in Chinese practice
 * the 大写 usually prevails), so both rewrites are offered and neither is safe.
 */
export const amountWords: Check = {
  id: 'amount-words',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'An amount in figures and the same amount in words disagree.',
      mismatch: 'The words "{words}" say {wordsValue}, but the figure says {figure}. Which one is meant? Rewrite the other to match.',
      unreadable: 'The words "{words}" cannot be read as an amount; the figure says {figure}.',
      figure: 'The figure: {figure}.',
      rewrite: 'Rewrite the words from the figure: "{words}"',
      rewriteFigure: 'Rewrite the figure from the words: {figure}',
      mismatchEnglish: 'The words "{words}" say {wordsValue}, but the figure says {figure}. Which one is meant? Rewrite the other to match.',
      unreadableEnglish: 'The words "{words}" cannot be read as an amount; the figure says {figure}.',
      rewriteEnglish: 'Rewrite the words from the figure: "{words}"',
      rewriteFigureEnglish: 'Rewrite the figure from the words: {figure}',
    },
    'zh-CN': {
      summary: '金额的小写数字与大写（文字）不一致。',
      mismatch: '大写“{words}”为 {wordsValue}，而小写为 {figure}。请确认以哪一个为准，并据此改写另一个。',
      unreadable: '大写“{words}”无法识别为金额，小写为 {figure}。',
      figure: '小写金额：{figure}。',
      rewrite: '按小写改写大写：“{words}”',
      rewriteFigure: '按大写改写小写：{figure}',
      mismatchEnglish: '英文金额“{words}”为 {wordsValue}，而数字金额为 {figure}。请确认以哪一个为准，并据此改写另一个。',
      unreadableEnglish: '英文金额“{words}”无法识别为金额，数字金额为 {figure}。',
      rewriteEnglish: '按数字金额改写英文金额：“{words}”',
      rewriteFigureEnglish: '按英文金额改写数字金额：{figure}',
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
      // Neither fix is safe: each changes what the contract says, and only the drafter knows which side is meant.
      const fixes = [];
      if (rewritten !== undefined)
        fixes.push({ key: `rewrite${english}`, args: { words: rewritten }, edits: [{ span: words.span, newText: rewritten }], safe: false });
      const figureEdit = words.value === undefined ? undefined : rewriteFigureEdit(doc, amount, words.value);
      if (figureEdit) fixes.push({ key: `rewriteFigure${english}`, args: { figure: figureEdit.newText }, edits: [figureEdit], safe: false });
      const related = [{ span: amount.figureSpan, key: 'figure', args: { figure } }];
      if (words.value === undefined) {
        report({ span: words.span, key: `unreadable${english}`, args: { words: words.text, figure }, related, fixes });
      } else {
        const wordsValue = formatGrouped(words.value, words.value % 1 === 0 ? 0 : 2);
        report({
          span: words.span,
          key: `mismatch${english}`,
          args: { words: words.text, wordsValue, figure },
          related,
          fixes,
          data: { figure: amount.figure, words: words.value },
        });
      }
    }
  },
};

/**
 * The edit that makes the figure say what the words say, written in the
 * figure's own style (grouping, decimals, full-width digits, a 万元 unit).
 * A figure that is a placeholder is rewritten in the field's value.
 */
function rewriteFigureEdit(doc: ContractDocument, amount: AmountMention, value: number): TextEdit | undefined {
  let span = amount.figureSpan;
  if (amount.fieldName !== undefined) {
    const valueSpan = doc.fields.get(amount.fieldName)?.value?.span;
    if (!valueSpan) return undefined;
    span = valueSpan;
  }
  const shown = doc.text.slice(span.start, span.end);
  const literal = parseNumberLiteral(shown);
  if (literal === undefined) return undefined;
  // The figure may be written in a larger unit (50万元): keep that unit.
  const unit = literal !== 0 && amount.figure !== undefined && amount.fieldName === undefined ? Math.round(amount.figure / literal) || 1 : 1;
  const scaled = value / unit;
  const decimals = Math.max(/\.(\d+)/.exec(normalizeDigits(shown))?.[1]!.length ?? 0, Number.isInteger(Math.round(scaled * 100) / 100) ? 0 : 2);
  let text = /[,，]/.test(shown) ? formatGrouped(scaled, decimals) : scaled.toFixed(decimals);
  if (/[０-９]/.test(shown)) text = toFullWidth(text);
  return text === shown ? undefined : { span, newText: text };
}

function toFullWidth(text: string): string {
  return text.replace(/[0-9.,]/g, (ch) => (ch === '.' ? '．' : ch === ',' ? '，' : String.fromCharCode(ch.charCodeAt(0) - 0x30 + 0xff10)));
}

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
  const rewritten = rewriteEnglishAmount(figure, words.text);
  return rewritten === '' ? undefined : rewritten;
}
