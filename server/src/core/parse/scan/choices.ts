import type { ChoiceMention } from '../../model.js';
import { decodeChineseNumber } from '../../numbers/chineseMoney.js';
import { BLANK_CHAR, BLANK_TOKEN } from './shape.js';

const SENTENCE_WINDOW = 1000;
const CHOICE = new RegExp(`第\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3}|${BLANK_TOKEN})\\s*种`, 'g');

/**
 * `第N种…方案：A；B；C` picks one of the options the same sentence lists after
 * its colon; counting them lets `choice-option` catch 第4种 of three.
 */
export function scanChoices(shaped: string, base: number): ChoiceMention[] {
  const found: ChoiceMention[] = [];
  for (const match of shaped.matchAll(CHOICE)) {
    const token = match[1]!;
    const numberStart = match.index + match[0].indexOf(token);
    const chosen = token[0] === BLANK_CHAR ? undefined : /^\d+$/.test(token) ? Number(token) : decodeChineseNumber(token);
    // A sentence that offers options is short; reading to the end of a block
    // for every 第N种 made a long run-on block quadratic (40 KB: 37 s).
    const rest = shaped.slice(match.index + match[0].length, match.index + match[0].length + SENTENCE_WINDOW);
    const sentenceEnd = rest.search(/[。\n\r]/);
    const sentence = sentenceEnd < 0 ? rest : rest.slice(0, sentenceEnd);
    const colon = sentence.search(/[:：]/);
    let optionCount: number | undefined;
    if (colon >= 0) {
      // Split on semicolons outside brackets so an option's own aside does not count twice.
      const options = countTopLevelParts(sentence, colon + 1);
      optionCount = options >= 2 ? options : undefined;
    }
    found.push({
      span: { start: base + match.index, end: base + match.index + match[0].length },
      numberSpan: { start: base + numberStart, end: base + numberStart + token.length },
      chosen,
      optionCount,
    });
  }
  return found;
}

/** How many non-blank parts `text` has from `from` on, split at semicolons outside brackets. */
function countTopLevelParts(text: string, from: number): number {
  let parts = 0;
  let depth = 0;
  let blank = true;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '（' || c === '[' || c === '【') depth++;
    else if ((c === ')' || c === '）' || c === ']' || c === '】') && depth > 0) depth--;
    if ((c === ';' || c === '；') && depth === 0) {
      if (!blank) parts++;
      blank = true;
    } else if (blank && !/\s/.test(c)) blank = false;
  }
  return blank ? parts : parts + 1;
}
