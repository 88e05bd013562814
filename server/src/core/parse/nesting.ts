/**
 * How deep a line opens block quotes and lists, read from its first
 * characters without parsing. micromark re-checks every open container on
 * every line, so its cost grows with the square of the depth (2 000 nested
 * `>` took 2 s, 500 nested list levels 51 s); no contract nests this deep.
 */
export const NESTING_LIMIT = 64;

/** Whether some line of `text` opens more than `NESTING_LIMIT` block quotes and list levels. */
export function nestsTooDeep(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    let depth = 0;
    let indent = 0;
    let listed = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20) {
        indent++;
        i++;
      } else if (c === 0x09) {
        indent += 4;
        i++;
      } else if (c === 0x3e /* > */) {
        depth++;
        i++;
      } else if ((c === 0x2d || c === 0x2a || c === 0x2b) /* - * + */ && isSpace(text.charCodeAt(i + 1))) {
        depth++;
        listed = true;
        i += 2;
      } else {
        const ordered = orderedMarkerLength(text, i);
        if (ordered === 0) break;
        depth++;
        listed = true;
        i += ordered;
      }
      // Nested list items are written by indentation: two columns a level.
      if (depth + (listed ? indent >> 1 : 0) > NESTING_LIMIT) return true;
    }
    while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    i++;
  }
  return false;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** `1. ` or `12) `: the length of an ordered-list marker with its space, or 0. */
function orderedMarkerLength(text: string, at: number): number {
  let i = at;
  while (i - at < 9 && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  if (i === at) return 0;
  const c = text.charCodeAt(i);
  return (c === 0x2e || c === 0x29) && isSpace(text.charCodeAt(i + 1)) ? i - at + 2 : 0;
}
