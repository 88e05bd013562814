import type { Locale } from '../model.js';
import { encodeChineseMoney } from '../numbers/chineseMoney.js';
import { encodeEnglishNumber } from '../numbers/englishWords.js';

/** The amount in words: 大写 for Chinese, English words otherwise; '' when it cannot be written. */
export function amountInWords(amount: number, language: Locale | 'zh' | 'en'): string {
  return language === 'en' ? encodeEnglishNumber(amount) : encodeChineseMoney(amount);
}

/** The language words are written in, for a contract in `locale`. */
export function wordsLanguage(locale: Locale): 'zh' | 'en' {
  return locale === 'zh-CN' ? 'zh' : 'en';
}
