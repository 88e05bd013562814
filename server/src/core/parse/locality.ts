/**
 * What lets a window of the text be parsed on its own and give the blocks the
 * whole parse gives there: the rules the incremental reparse (`incremental.ts`)
 * and the windowed first parse (`bodyWindows.ts`) share.
 */

/** Blocks whose extent never depends on their neighbours; edits among them reparse locally. */
export const SELF_CONTAINED = new Set(['paragraph', 'heading', 'thematicBreak', 'table']);
/**
 * Blocks an edit reparses locally, in a window that no list borders and whose
 * next block starts its line: a list then ends where it ended, as the items of
 * numbered clauses (`1.`, `2.`) in most contracts do.
 */
export const LOCAL = new Set([...SELF_CONTAINED, 'list']);
// Constructs that can reach past a blank line or change how distant text parses.
// (Indented lines are not among them: code blocks are only fenced in a contract, and a list that could take
// them in is inside the window or borders none.)
export const REACHING = /^ {0,3}(?:```|~~~|<|\[[^\]\n]*\]:|>|---)|\$\$/m;
export const REACHING_OR_LIST = /^ {0,3}(?:```|~~~|<|\[[^\]\n]*\]:|[-+*] |\d{1,9}[.)] |>|---|\s{4})|\$\$/m;
export const OPENING_FENCE = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n|$)/;

/**
 * What reaches across the whole text, wherever it stands: a definition's `]:`
 * (a link anywhere may use it; it may stand in a list item or end a label
 * that spans lines), and `$$`, as in `REACHING`.
 */
export const REACHING_EVERYWHERE = /\]:|\$\$/;

/**
 * Where a window may end: at the first character of a line that follows a
 * blank line and starts at column 0 with neither a list marker, nor a space,
 * a tab or a byte-order mark (micromark reads one that opens its input as a
 * space), nor a `-` (a `---` opening a window would open a front matter).
 * After a blank line such a line closes every open list, list item, block
 * quote and paragraph, so it starts a top-level block, unless a fence or an
 * HTML block is still open (see `closedAtItsEnd` in `bodyWindows.ts`). A lone
 * `\r` breaks a line too, but the `\r` of a CRLF is no line of its own.
 */
export const WINDOW_EDGE = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)(?=[^ \t\r\n\uFEFF-])(?!(?:[+*]|\d{1,9}[.)])(?:[ \t\r\n]|$))/g;

/** Whether `offset` is the first character of its line. */
export function startsLine(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  return offset === 0 || previous === 0x0a || previous === 0x0d || previous === 0xfeff;
}
