import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { FIELD_TYPES, type FieldType } from '../model.js';

/** A field type as written: `money`, or the shorthand `choice(甲方所有|双方共有)` with its options. */
export interface TypeText {
  /** The type name without options (`choice` for the shorthand); may be unknown. */
  readonly name: string;
  /** The type, when the name is one of `FIELD_TYPES`. */
  readonly type: FieldType | undefined;
  /** Options written in the shorthand, if any. */
  readonly options: string[] | undefined;
}

/** Reads a type as written in the front matter or a placeholder; the shorthand keeps simple declarations on one line. */
export function parseTypeText(text: string): TypeText {
  const shorthand = /^choice\s*\((.*)\)$/s.exec(text);
  const name = shorthand ? 'choice' : text;
  const options = shorthand
    ? shorthand[1]!
        .split('|')
        .map((o) => o.trim())
        .filter((o) => o !== '')
    : undefined;
  return { name, type: (FIELD_TYPES as readonly string[]).includes(name) ? (name as FieldType) : undefined, options };
}

/** What one `fields:` entry declares, read the same way for contracts and clause templates. */
export interface FieldDeclaration {
  /** The type as written (`undefined` when missing), after the choice shorthand is read. */
  readonly typeText: string | undefined;
  readonly type: FieldType | undefined;
  /** The node that names the type, for positions. */
  readonly typeNode: YamlNode | undefined;
  readonly options: string[] | undefined;
  /** Set when `options:` is there but is not a list. */
  readonly optionsNode: YamlNode | undefined;
  readonly optionsIsList: boolean;
  readonly group: string | undefined;
  readonly currency: string | undefined;
  readonly description: string | undefined;
  /** The `value:` node of a mapping declaration. */
  readonly valueNode: YamlNode | undefined;
}

/**
 * Reads a field declaration's value: a type name (`fee: money`), the choice
 * shorthand, or a mapping with `type`, `options`, `group`, `currency`,
 * `description` (or `label`) and `value`. Undefined when it is neither (a list).
 */
export function readFieldDeclaration(node: unknown): FieldDeclaration | undefined {
  let typeNode: YamlNode | undefined;
  let options: string[] | undefined;
  let optionsNode: YamlNode | undefined;
  let optionsIsList = false;
  let group: string | undefined;
  let currency: string | undefined;
  let description: string | undefined;
  let valueNode: YamlNode | undefined;
  if (isMap(node)) {
    typeNode = (node.get('type', true) as YamlNode | undefined) ?? undefined;
    optionsNode = (node.get('options', true) as YamlNode | undefined) ?? undefined;
    if (isSeq(optionsNode)) {
      optionsIsList = true;
      options = optionsNode.items.map((o) => scalarText(o) ?? '').filter((o) => o !== '');
    }
    group = scalarText(node.get('group', true));
    currency = scalarText(node.get('currency', true))?.toUpperCase();
    description = scalarText(node.get('description', true)) ?? scalarText(node.get('label', true));
    valueNode = (node.get('value', true) as YamlNode | undefined) ?? undefined;
  } else if (isScalar(node) || node === null || node === undefined) {
    typeNode = (node as YamlNode | null) ?? undefined;
  } else {
    return undefined;
  }
  let typeText = scalarText(typeNode);
  let type: FieldType | undefined;
  if (typeText !== undefined) {
    const parsed = parseTypeText(typeText);
    typeText = parsed.name;
    type = parsed.type;
    options ??= parsed.options;
  }
  return { typeText, type, typeNode, options, optionsNode, optionsIsList, group, currency, description, valueNode };
}

/** A scalar's text, trimmed; undefined for null, empty or a non-scalar. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.value === null || node.value === undefined) return undefined;
  const value = String(node.value).trim();
  return value === '' ? undefined : value;
}
