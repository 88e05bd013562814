import type { ContractDocument, Field, TextEdit } from '../model.js';
import { dominantEol } from '../text/eol.js';
import { yamlScalar } from '../frontMatter/yamlScalar.js';

/**
 * The front-matter edit that gives a field a value, written in the style the
 * declaration already uses (flow map, block map or `name: type` shorthand).
 * Returns undefined for declarations it cannot edit without guessing.
 */
export function setFieldValueEdit(doc: ContractDocument, field: Field, value: string): TextEdit | undefined {
  if (field.declaredIn !== 'front-matter') return undefined;
  const written = yamlScalar(value, 'value');
  if (field.value?.span) return { span: field.value.span, newText: written };
  const layout = doc.frontMatter?.layout;
  const entry = layout?.parses ? layout.sections.get('fields')?.entries.find((e) => e.keySpan.start === field.declaration.start) : undefined;
  switch (entry?.shape) {
    case 'flow': {
      const close = entry.flowClose!;
      const inner = doc.text.slice(doc.text.lastIndexOf('{', close) + 1, close).trim();
      // After the last entry, not before the closing brace: `{ type: percent, value: 30 }`, not `…percent , value: 30 }`.
      let at = close;
      while (at > entry.keySpan.end && (doc.text[at - 1] === ' ' || doc.text[at - 1] === '\t')) at--;
      return { span: { start: at, end: at }, newText: `${inner === '' ? '' : ', '}value: ${written}` };
    }
    case 'scalar': {
      const typeSpan = entry.typeSpan!;
      const type = doc.text.slice(typeSpan.start, typeSpan.end).trim();
      return type === '' ? undefined : { span: typeSpan, newText: `{ type: ${type}, value: ${written} }` };
    }
    case 'block': {
      const lines = doc.text.slice(entry.keySpan.start, entry.end).split(/\r\n|\r|\n/);
      const indent = /^[ \t]*/.exec(lines[1] ?? '')?.[0] || '  ';
      return { span: { start: entry.end, end: entry.end }, newText: `${dominantEol(doc.text)}${indent}value: ${written}` };
    }
    default:
      return undefined;
  }
}
