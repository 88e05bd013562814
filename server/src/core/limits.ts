/**
 * The hard cap on what Clausemark checks at all. A contract is a few hundred
 * kilobytes; anything past this is a mistake or an attack, and scanning it
 * would cost seconds and gigabytes (V8 cannot even hold an array of one
 * string per character past 2^27). The check is the first thing done with a
 * text, before any per-character work, in the core, the CLI and the server.
 */
export const INPUT_LIMIT = 16 * 1024 * 1024;

/** The limit as people read it: 16,777,216. */
export const INPUT_LIMIT_TEXT = INPUT_LIMIT.toLocaleString('en-US');

/**
 * Most bytes a file can take per UTF-16 unit it decodes to, in any encoding
 * the CLI reads (UTF-8: 3 for one unit, 4 for a pair): a file larger than
 * this many bytes is over the limit without being read.
 */
export const INPUT_LIMIT_BYTES = 3 * INPUT_LIMIT;

export function exceedsInputLimit(length: number): boolean {
  return length > INPUT_LIMIT;
}
