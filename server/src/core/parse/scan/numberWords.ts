import type { NumberPair } from '../../model.js';
import type { DurationUnit } from '../../numbers/duration.js';
import { decodeChineseDigitSequence, decodeChineseNumber } from '../../numbers/chineseMoney.js';
import { decodeEnglishInteger } from '../../numbers/englishWords.js';
import { normalizeDigits } from '../../numbers/digits.js';

const EN_CARDINAL =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)';
const EN_ORDINAL =
  '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)';
const EN_WORDS = `${EN_CARDINAL}(?:[ -](?:and )?${EN_CARDINAL})*`;
const FIGURE = '\\d{1,3}(?:,\\d{3})+|\\d{1,9}(?:\\.\\d{1,4})?';
// `ten (10) days`, `thirty percent (30%)`, `thirty (30) per cent`; the look-behind starts a run at its first word only.
const EN_PAIR = new RegExp(`(?<![A-Za-z-])(${EN_WORDS})(\\s+(?:percent|per cent))?\\s*\\(\\s*(${FIGURE})\\s*(%)?\\s*\\)(\\s*(?:percent|per cent)\\b)?`, 'gi');
// `twentieth (20th) day`, `twenty-first (21st)`.
const EN_ORDINAL_PAIR = new RegExp(`(?<![A-Za-z-])((?:${EN_CARDINAL}[ -])?${EN_ORDINAL})\\s*\\(\\s*(\\d{1,4}(?:st|nd|rd|th))\\s*\\)`, 'gi');
const ZH_NUMERALS = '零〇一二三四五六七八九十百千万两';
// `十五（15）日`, `百分之三十（30%）`, `三十（30）%`; full-width digits and brackets are read too.
const ZH_PAIR = new RegExp(`(百分之|千分之|万分之)?([${ZH_NUMERALS}]{1,12})\\s*[（(]\\s*([0-9０-９][0-9０-９,，.]{0,14})\\s*([%％])?\\s*[)）]`, 'g');
const UNIT_AFTER_EN = /^\s*(?:(business|working|banking)\s+)?(days?|weeks?|months?|years?)\b/i;
const UNIT_AFTER_ZH = /^\s*(个?工作日|个?自然日|日|天|个?星期|周|个月|年)/;

/** Finds numbers written both in words and in figures, whether or not the two agree. */
export function scanNumberPairs(masked: string, base: number): NumberPair[] {
  const found: NumberPair[] = [];
  const hasParen = masked.includes('(') || masked.includes('（');
  if (!hasParen) return found;
  for (const m of masked.matchAll(EN_PAIR)) {
    const wordsText = m[1]!;
    // `one (1) of the parties` is still a pair; a lone `and` or a dangling hyphen is not words.
    const value = decodeEnglishInteger(wordsText.toLowerCase().replace(/-/g, ' '));
    const figureStart = m.index + m[0].indexOf(m[3]!, wordsText.length + (m[2]?.length ?? 0));
    const percent = m[2] !== undefined || m[4] !== undefined || m[5] !== undefined;
    found.push({
      span: span(base, m.index, m.index + m[0].length),
      words: { text: wordsText, span: span(base, m.index, m.index + wordsText.length), value },
      figure: { text: m[3]!, span: span(base, figureStart, figureStart + m[3]!.length), value: Number(m[3]!.replace(/,/g, '')) },
      language: 'en',
      kind: percent ? 'percent' : 'cardinal',
      unit: percent ? undefined : englishUnit(masked.slice(m.index + m[0].length, m.index + m[0].length + 24)),
    });
  }
  for (const m of masked.matchAll(EN_ORDINAL_PAIR)) {
    const wordsText = m[1]!;
    const figureStart = m.index + m[0].indexOf(m[2]!, wordsText.length);
    found.push({
      span: span(base, m.index, m.index + m[0].length),
      words: { text: wordsText, span: span(base, m.index, m.index + wordsText.length), value: decodeEnglishOrdinal(wordsText) },
      figure: { text: m[2]!, span: span(base, figureStart, figureStart + m[2]!.length), value: parseInt(m[2]!, 10) },
      language: 'en',
      kind: 'ordinal',
      unit: undefined,
    });
  }
  for (const m of masked.matchAll(ZH_PAIR)) {
    const numeral = m[2]!;
    // 万分之五（0.05%）: a rate per ten thousand, written in per cent beside it.
    const per = m[1] === '千分之' ? 1000 : m[1] === '万分之' ? 10000 : 100;
    const hasSign = m[4] !== undefined;
    // 统一、唯一、之一、万一 are words, not numbers: a numeral glued to such a character is not one.
    if (m[1] === undefined && WORD_BEFORE.test(masked[m.index - 1] ?? '') && /^[一二两]$/.test(numeral)) continue;
    const figureText = m[3]!;
    const figure = Number(normalizeDigits(figureText).replace(/[,，]/g, ''));
    if (!Number.isFinite(figure)) continue;
    const wordsStart = m.index + (m[1]?.length ?? 0);
    const percentAfter = /^\s*[%％]/.test(masked.slice(m.index + m[0].length, m.index + m[0].length + 3));
    const percent = m[1] !== undefined || m[4] !== undefined || percentAfter;
    // A 大写 amount or a year in digits (二〇二六（2026）) reads the same way and is still a pair.
    const figureStart = m.index + m[0].indexOf(figureText, (m[1]?.length ?? 0) + numeral.length);
    const wordsEnd = wordsStart + numeral.length;
    found.push({
      span: span(base, m.index, m.index + m[0].length),
      words: { text: masked.slice(m.index, wordsEnd), span: span(base, m.index, wordsEnd), value: scaled(decodeZh(numeral), per, hasSign) },
      figure: { text: figureText, span: span(base, figureStart, figureStart + figureText.length), value: figure },
      language: 'zh',
      kind: percent ? 'percent' : 'cardinal',
      unit: percent ? undefined : chineseUnit(masked.slice(m.index + m[0].length, m.index + m[0].length + 6)),
    });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** 千分之N and 万分之N as the figure beside them writes the rate: in per cent with `%`, as a fraction without. */
function scaled(value: number | undefined, per: number, percentSign: boolean): number | undefined {
  if (value === undefined || per === 100) return value;
  return Math.round((value / per) * (percentSign ? 100 : 1) * 1e9) / 1e9;
}

const WORD_BEFORE = /[统唯之万初同专单逐划均整任某另其合归择]/;

/** `十五` → 15; a year read digit by digit, `二〇二六` → 2026. */
function decodeZh(numeral: string): number | undefined {
  return /[十百千万]/.test(numeral) || numeral.length === 1 ? decodeChineseNumber(numeral) : decodeChineseDigitSequence(numeral.replace(/两/g, '二'));
}

function span(base: number, start: number, end: number) {
  return { start: base + start, end: base + end };
}

function englishUnit(after: string): DurationUnit | undefined {
  const m = UNIT_AFTER_EN.exec(after);
  if (!m) return undefined;
  if (m[1]) return 'workday';
  const unit = m[2]!.toLowerCase().replace(/s$/, '');
  return unit as DurationUnit;
}

function chineseUnit(after: string): DurationUnit | undefined {
  const m = UNIT_AFTER_ZH.exec(after);
  if (!m) return undefined;
  const unit = m[1]!.replace(/^个/, '');
  if (unit === '工作日') return 'workday';
  if (unit === '星期' || unit === '周') return 'week';
  if (unit === '月') return 'month';
  if (unit === '年') return 'year';
  return 'day';
}

const ORDINAL_TO_CARDINAL: Readonly<Record<string, string>> = {
  first: 'one',
  second: 'two',
  third: 'three',
  fifth: 'five',
  eighth: 'eight',
  ninth: 'nine',
  twelfth: 'twelve',
};

/** `twenty-first` → 21, `thirtieth` → 30. */
export function decodeEnglishOrdinal(words: string): number | undefined {
  const tokens = words.toLowerCase().split(/[\s-]+/);
  const last = tokens.pop()!;
  const cardinal = ORDINAL_TO_CARDINAL[last] ?? (last.endsWith('ieth') ? `${last.slice(0, -4)}y` : last.replace(/th$/, ''));
  return decodeEnglishInteger([...tokens, cardinal].join(' '));
}
