import nzhcn from 'nzh/cn';

/** Clause numbers in everyday Chinese numerals: 1 → 一, 12 → 十二, 21 → 二十一. */
export function encodeChineseOrdinal(n: number): string {
  return String(nzhcn.encodeS(n));
}
