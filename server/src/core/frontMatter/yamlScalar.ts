import { parse } from 'yaml';

// YAML's rules for a plain scalar inside `{ … }` or `[ … ]`: no flow indicators,
// no `: ` or ` #`, no leading indicator or space; anything else is double-quoted
// (a JSON string is a valid YAML double-quoted scalar).
const UNSAFE_START = /^[\s\-?:,[\]{}#&*!|>'"%@`]/;
const UNSAFE_ANYWHERE = /[,[\]{}\u0000-\u001f\u007f]|:\s|:$|\s#|\s$/;
// Words other YAML readers (1.1: `yes`, `on`) take for booleans and nulls, whatever this library does.
const TYPED_WORD = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?\.inf|\.nan)$/i;
// Anything a YAML reader may take for a number: decimals, exponents, hex, octal, binary, sexagesimal, dates.
const NUMBER_LIKE = /^[-+]?(?:\.?\d[\d_.,:eE+-]*|0x[\da-f_]+|0o[0-7_]+|0b[01_]+)$/i;

/**
 * A string as a YAML scalar that reads back as exactly that string, in a flow
 * collection (`{ … }`, `[ … ]`) or as a block value.
 *
 * `value` mode is for a field's value: a number written plainly (`40`, `20.5`)
 * may stay a YAML number when it reads back with the same text, because values
 * are read from the text as written; `1e3`, `0x1F` or `010` are still quoted.
 */
export function yamlScalar(text: string, mode: 'text' | 'value' = 'text'): string {
  return isPlainSafe(text, mode) ? text : JSON.stringify(text);
}

function isPlainSafe(text: string, mode: 'text' | 'value'): boolean {
  if (text === '' || UNSAFE_START.test(text) || UNSAFE_ANYWHERE.test(text) || TYPED_WORD.test(text)) return false;
  const back = readBack(text);
  if (NUMBER_LIKE.test(text)) return mode === 'value' && typeof back === 'number' && String(back) === text;
  return back === text;
}

/**
 * What this YAML library reads `text` as, as the only item of a flow sequence.
 * Remembered: a fix that sets a field is built on every keystroke, and a YAML
 * parse for it was a twentieth of a keystroke in a small contract.
 */
function readBack(text: string): unknown {
  if (READ_BACK.has(text)) return READ_BACK.get(text);
  if (READ_BACK.size >= READ_BACK_LIMIT) READ_BACK.clear();
  const value = parseBack(text);
  READ_BACK.set(text, value);
  return value;
}

const READ_BACK = new Map<string, unknown>();
const READ_BACK_LIMIT = 1000;

function parseBack(text: string): unknown {
  try {
    const items: unknown = parse(`[${text}]`);
    return Array.isArray(items) && items.length === 1 ? items[0] : undefined;
  } catch {
    return undefined;
  }
}
