import type { ChoiceMention } from '../../model.js';
import { decodeChineseNumber } from '../../numbers/chineseMoney.js';
import { BLANK_CHAR, BLANK_TOKEN } from './shape.js';

const CHOICE = new RegExp(
  [
    `第\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3}|${BLANK_TOKEN})\\s*种`,
    // "Option 2 of the following: …; …; …" (the number may still be a [●] blank).
    `\\b(?:Option|Alternative)\\s+(\\d{1,2}|${BLANK_TOKEN})(?![\\w\\uE002])`,
  ].join('|'),
  'g',
);
// Options are listed within one sentence; a bounded look keeps a long line linear.
const SENTENCE_WINDOW = 2000;
const ZH_SENTENCE_END = /[。\n\r]/;
const EN_SENTENCE_END = /\.(?=\s|$)|[\n\r]/;

/**
 * `第N种…方案：A；B；C` and `Option N of the following: A; B; C` pick one of the
 * options the same sentence lists after its colon; counting them lets
 * `choice-option` catch 第4种 (or Option 4) of three.
 */
export function scanChoices(shaped: string, base: number): ChoiceMention[] {
  const found: ChoiceMention[] = [];
  for (const match of shaped.matchAll(CHOICE)) {
    const english = match[1] === undefined;
    const token = (match[1] ?? match[2])!;
    const numberStart = match.index + match[0].lastIndexOf(token);
    const chosen = token[0] === BLANK_CHAR ? undefined : /^\d+$/.test(token) ? Number(token) : decodeChineseNumber(token);
    const after = match.index + match[0].length;
    const rest = shaped.slice(after, after + SENTENCE_WINDOW);
    const sentenceEnd = rest.search(english ? EN_SENTENCE_END : ZH_SENTENCE_END);
    const sentence = sentenceEnd < 0 ? rest : rest.slice(0, sentenceEnd);
    const colon = sentence.search(/[:：]/);
    let optionCount: number | undefined;
    if (colon >= 0) {
      // Split on semicolons outside brackets so an option's own aside does not count twice.
      const options = splitTopLevel(sentence.slice(colon + 1)).filter((o) => o.trim() !== '');
      optionCount = options.length >= 2 ? options.length : undefined;
    }
    found.push({
      span: { start: base + match.index, end: base + after },
      numberSpan: { start: base + numberStart, end: base + numberStart + token.length },
      chosen,
      optionCount,
    });
  }
  return found;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if ('(（[【'.includes(c)) depth++;
    else if (')）]】'.includes(c) && depth > 0) depth--;
    if ((c === ';' || c === '；') && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}
