/** What ends a clause for the purpose of reading the words around a number. */
const CLAUSE_BREAK = /[。；;！？!?\n\r]/;
const SENTENCE_BREAK = /[。！？!?\n\r]/;

/** The text before `index` back to the start of its clause (a semicolon or sentence end), at most `limit` units. */
export function clauseBefore(text: string, index: number, limit = 60): string {
  let from = index;
  while (from > 0 && index - from < limit && !CLAUSE_BREAK.test(text[from - 1]!)) from--;
  return text.slice(from, index);
}

/** The text after `index` up to the end of its clause, at most `limit` units. */
export function clauseAfter(text: string, index: number, limit = 60): string {
  let to = index;
  while (to < text.length && to - index < limit && !CLAUSE_BREAK.test(text[to]!)) to++;
  return text.slice(index, to);
}

/** Start of the sentence holding `index`: after the last 。！？, a full stop and a space, or a line break. */
export function sentenceStartOf(text: string, index: number, limit = 400): number {
  let from = index;
  while (from > 0 && index - from < limit) {
    const c = text[from - 1]!;
    if (SENTENCE_BREAK.test(c)) break;
    if (c === '.' && /\s/.test(text[from] ?? '') && !/\d/.test(text[from - 2] ?? '')) break;
    from--;
  }
  return from;
}
