import type { ContractDocument, Field, TextEdit } from '../model.js';
import { dominantEol } from '../text/eol.js';

/**
 * The front-matter edit that gives a field a value, written in the style the
 * declaration already uses (flow map, block map or `name: type` shorthand).
 * Returns undefined for declarations it cannot edit without guessing.
 */
export function setFieldValueEdit(doc: ContractDocument, field: Field, value: string): TextEdit | undefined {
  if (field.declaredIn !== 'front-matter') return undefined;
  if (field.value?.span) return { span: field.value.span, newText: value };
  const { start, end } = field.declarationSpan;
  const source = doc.text.slice(start, end);
  if (source.endsWith('}')) {
    const close = end - 1;
    const inner = doc.text.slice(doc.text.lastIndexOf('{', close) + 1, close).trim();
    // After the last entry, not before the closing brace: `{ type: percent, value: 30 }`, not `…percent , value: 30 }`.
    let at = close;
    while (at > start && (doc.text[at - 1] === ' ' || doc.text[at - 1] === '\t')) at--;
    return { span: { start: at, end: at }, newText: `${inner === '' ? '' : ', '}value: ${value}` };
  }
  const lines = source.split(/\r\n|\r|\n/);
  if (lines.length === 1) {
    const colon = source.search(/:\s*/);
    if (colon < 0) return undefined;
    const valueStart = field.declaration.end + (source.slice(field.declaration.end - start).match(/^\s*:\s*/)?.[0].length ?? 0);
    const type = doc.text.slice(valueStart, end).trim();
    if (type === '') return undefined;
    return { span: { start: valueStart, end }, newText: `{ type: ${type}, value: ${value} }` };
  }
  const indent = /^[ \t]*/.exec(lines[1]!)?.[0] ?? '  ';
  return { span: { start: end, end }, newText: `${dominantEol(doc.text)}${indent}value: ${value}` };
}
