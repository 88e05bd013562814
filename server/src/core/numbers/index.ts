/**
 * Pure helpers for numbers, amounts in words, dates and durations in
 * Chinese and English contract text.
 */
export { normalizeDigits, parseNumberLiteral, formatGrouped, toHundredths } from './digits.js';
export { decodeChineseMoney, encodeChineseMoney, decodeChineseNumber, encodeChineseNumber, decodeChineseDigitSequence } from './chineseMoney.js';
export { decodeEnglishNumber, encodeEnglishNumber, decodeEnglishInteger, rewriteEnglishAmount } from './englishWords.js';
export { type CalendarDate, isValidDate, compareDates, daysInMonth, parseChineseDate, parseEnglishDate, parseIsoDate, formatDate } from './dates.js';
export { type Duration, type DurationUnit, parseDuration } from './duration.js';
export { encodeChineseOrdinal } from './chineseOrdinal.js';
