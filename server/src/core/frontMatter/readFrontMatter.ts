import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import {
  FIELD_TYPES,
  type ContractMeta,
  type Field,
  type FieldType,
  type FrontMatter,
  type ParseIssue,
  type Party,
  type Span,
  type SumGroup,
} from '../model.js';
import { toLocale } from '../i18n/messages.js';
import { parseTypedValue } from '../values/parseTypedValue.js';
import { readFieldDeclaration, scalarText } from './fieldDeclaration.js';
import { readLayout } from './layout.js';

/** What the front matter declares, before inline declarations are merged in. */
export interface FrontMatterModel {
  readonly frontMatter: FrontMatter;
  readonly meta: ContractMeta;
  readonly parties: Party[];
  /** Every front-matter declaration in order (duplicates included). */
  readonly declarations: Field[];
  readonly groups: SumGroup[];
  /** Values from a `values:` map, by field name. */
  readonly values: Map<string, { raw: string; span: Span }>;
  readonly issues: ParseIssue[];
}

/** Values read from a data file, keyed by field name. */
export type DataValues = ReadonlyMap<string, string>;

const EMPTY_META: ContractMeta = {
  title: undefined,
  titleSpan: undefined,
  locale: undefined,
  currency: undefined,
  effective: undefined,
  dataFile: undefined,
};

export function emptyMeta(): ContractMeta {
  return EMPTY_META;
}

/**
 * Reads the YAML between the fences with positions kept, so every declaration
 * and every problem points at its place in the contract.
 */
export function readFrontMatter(text: string, span: Span): FrontMatterModel {
  const contentSpan = fenceContent(text, span);
  // The yaml package does not read a lone CR as a line break; LF keeps every offset where it was.
  const source = text.slice(contentSpan.start, contentSpan.end).replace(/\r(?!\n)/g, '\n');
  const base = contentSpan.start;
  const at = (range: readonly number[] | null | undefined, fallback: Span = span): Span =>
    range ? { start: base + range[0]!, end: base + range[1]! } : fallback;
  const issues: ParseIssue[] = [];
  // Duplicate field names are the `duplicate-field` check's to report, not a YAML error.
  const doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false });
  for (const error of doc.errors) {
    issues.push({
      span: { start: base + error.pos[0], end: Math.max(base + error.pos[1], base + error.pos[0] + 1) },
      code: 'front-matter-yaml',
      key: 'yaml',
      args: { detail: error.message.split('\n')[0] ?? error.message, code: error.code },
    });
  }
  const result: FrontMatterModel = {
    frontMatter: { span, contentSpan, data: doc.errors.length === 0 ? safeToJs(doc) : undefined, layout: readLayout(doc, source, base) },
    meta: EMPTY_META,
    parties: [],
    declarations: [],
    groups: [],
    values: new Map(),
    issues,
  };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return result;
  if (!isMap(root)) {
    issues.push(schemaIssue(at(root.range), 'notMapping', {}));
    return result;
  }
  const schema = (s: Span, key: string, args: Record<string, string | number> = {}) => issues.push(schemaIssue(s, key, args));

  const topPair = (name: string): Pair | undefined => root.items.find((p) => isScalar(p.key) && String(p.key.value) === name) as Pair | undefined;

  const titlePair = topPair('title');
  const localePair = topPair('locale');
  const locale = toLocale(scalarText(localePair?.value));
  if (localePair && scalarText(localePair.value) !== undefined && locale === undefined) {
    schema(at((localePair.value as YamlNode).range), 'badLocale', { value: scalarText(localePair.value) ?? '' });
  }
  const currency = scalarText(topPair('currency')?.value)?.toUpperCase();
  const meta: ContractMeta = {
    title: scalarText(titlePair?.value),
    titleSpan: titlePair ? at((titlePair.value as YamlNode | null)?.range ?? (titlePair.key as YamlNode).range) : undefined,
    locale,
    currency,
    effective: scalarText(topPair('effective')?.value),
    dataFile: scalarText(topPair('data')?.value),
  };
  (result as { meta: ContractMeta }).meta = meta;

  readParties(topPair('parties'), result.parties, at, schema);
  const partyKeys = result.parties.map((p) => p.key);
  const partyNames = result.parties.flatMap((p) => (p.name ? [p.name] : []));

  const valuesPair = topPair('values');
  if (valuesPair && isMap(valuesPair.value)) {
    for (const item of valuesPair.value.items) {
      if (!isScalar(item.key)) continue;
      const raw = rawValue(item.value);
      if (raw !== undefined) result.values.set(String(item.key.value), { raw, span: at((item.value as YamlNode).range) });
    }
  } else if (valuesPair && valuesPair.value !== null) {
    schema(at((valuesPair.value as YamlNode).range), 'notMapping', { key: 'values' });
  }

  const fieldsPair = topPair('fields');
  if (fieldsPair && isMap(fieldsPair.value)) {
    for (const item of (fieldsPair.value as YAMLMap).items) {
      const field = readField(item, at, schema, { currency, partyKeys, partyNames });
      if (field) result.declarations.push(field);
    }
  } else if (fieldsPair && fieldsPair.value !== null && !(isScalar(fieldsPair.value) && fieldsPair.value.value === null)) {
    schema(at((fieldsPair.value as YamlNode).range), 'notMapping', { key: 'fields' });
  }

  const groupsPair = topPair('groups');
  const explicitGroups = new Map<string, { total: number; declaration: Span }>();
  if (groupsPair && isMap(groupsPair.value)) {
    for (const item of groupsPair.value.items) {
      if (!isScalar(item.key)) continue;
      const name = String(item.key.value);
      let total = 100;
      const totalNode = isMap(item.value) ? item.value.get('total', true) : item.value;
      const totalText = scalarText(totalNode);
      if (totalText !== undefined) {
        const parsed = Number(totalText.replace(/%$/, ''));
        if (Number.isFinite(parsed)) total = parsed;
        else schema(at((totalNode as YamlNode).range), 'badTotal', { value: totalText });
      }
      explicitGroups.set(name, { total, declaration: at((item.key as YamlNode).range) });
    }
  }
  const members = new Map<string, string[]>();
  for (const field of result.declarations) {
    if (field.group === undefined) continue;
    if (!members.has(field.group)) members.set(field.group, []);
    const list = members.get(field.group)!;
    if (!list.includes(field.name)) list.push(field.name);
  }
  for (const [name, list] of members) {
    const explicit = explicitGroups.get(name);
    result.groups.push({ name, total: explicit?.total ?? 100, members: list, declaration: explicit?.declaration });
  }
  for (const [name, explicit] of explicitGroups) {
    if (!members.has(name)) result.groups.push({ name, total: explicit.total, members: [], declaration: explicit.declaration });
  }
  return result;
}

function readParties(
  pair: Pair | undefined,
  parties: Party[],
  at: (range: readonly number[] | null | undefined, fallback?: Span) => Span,
  schema: (s: Span, key: string, args?: Record<string, string | number>) => void,
): void {
  if (!pair || pair.value === null) return;
  const add = (key: string, keyRange: readonly number[] | null | undefined, value: unknown) => {
    let role: string | undefined;
    let name: string | undefined;
    if (isMap(value)) {
      role = scalarText(value.get('role', true));
      name = scalarText(value.get('name', true));
    } else {
      role = scalarText(value);
    }
    parties.push({ key, role, name, declaration: at(keyRange) });
  };
  if (isMap(pair.value)) {
    for (const item of pair.value.items) {
      if (isScalar(item.key)) add(String(item.key.value), (item.key as YamlNode).range, item.value);
    }
  } else if (isSeq(pair.value)) {
    for (const item of pair.value.items) {
      if (isMap(item)) {
        const keyNode = item.get('key', true) ?? item.get('id', true);
        const key = scalarText(keyNode);
        if (key) add(key, (keyNode as YamlNode).range, item);
        else schema(at((item as YamlNode).range), 'partyKey');
      } else if (isScalar(item) && scalarText(item)) {
        parties.push({ key: scalarText(item)!, role: undefined, name: undefined, declaration: at(item.range) });
      }
    }
  } else {
    schema(at((pair.value as YamlNode).range), 'notMapping', { key: 'parties' });
  }
}

function readField(
  item: Pair,
  at: (range: readonly number[] | null | undefined, fallback?: Span) => Span,
  schema: (s: Span, key: string, args?: Record<string, string | number>) => void,
  context: { currency: string | undefined; partyKeys: string[]; partyNames: string[] },
): Field | undefined {
  if (!isScalar(item.key)) return undefined;
  const name = String(item.key.value).trim();
  const keyNode = item.key as YamlNode;
  const declaration = at(keyNode.range);
  const valueNode = item.value as YamlNode | null;
  const declarationSpan: Span = { start: declaration.start, end: valueNode?.range ? at(valueNode.range).end : declaration.end };
  const read = readFieldDeclaration(valueNode);
  if (!read) {
    schema(at(valueNode!.range), 'fieldShape', { name });
    return undefined;
  }
  const typeSpan = read.typeNode ? at(read.typeNode.range) : declaration;
  if (read.optionsNode && !read.optionsIsList) schema(at(read.optionsNode.range), 'optionsList');
  const { options, group, currency, description } = read;
  const valueRaw = rawValue(read.valueNode);
  const valueSpan = valueRaw !== undefined ? at(read.valueNode!.range) : undefined;
  let type: FieldType = 'text';
  if (read.typeText === undefined) {
    schema(typeSpan, 'missingType', { name });
  } else if (read.type !== undefined) {
    type = read.type;
  } else {
    schema(typeSpan, 'unknownType', { name, type: read.typeText, types: FIELD_TYPES.join(', ') });
  }
  if (type === 'choice' && (!options || options.length === 0)) schema(typeSpan, 'choiceOptions', { name });
  const fieldCurrency = currency ?? context.currency;
  return {
    name,
    type,
    declaration,
    declarationSpan,
    declaredIn: 'front-matter',
    value:
      valueRaw === undefined
        ? undefined
        : {
            raw: valueRaw,
            parsed: parseTypedValue(type, valueRaw, { ...context, options, currency: fieldCurrency }),
            span: valueSpan,
            source: 'front-matter',
          },
    options,
    group,
    currency: fieldCurrency,
    description,
  };
}

/** A YAML scalar as the text a drafter wrote; null and empty mean "no value yet". */
function rawValue(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value === null || value === undefined) return undefined;
  const text = typeof node.source === 'string' && typeof value !== 'string' ? node.source : String(value);
  return text.trim() === '' ? undefined : text;
}

function schemaIssue(span: Span, key: string, args: Record<string, string | number>): ParseIssue {
  return { span, code: 'front-matter-schema', key, args };
}

function safeToJs(doc: ReturnType<typeof parseDocument>): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/** The span of the YAML between the opening and closing `---` lines. */
function fenceContent(text: string, span: Span): Span {
  let start = span.start + 3;
  while (start < span.end && text[start] !== '\n' && text[start] !== '\r') start++;
  if (text[start] === '\r' && text[start + 1] === '\n') start += 2;
  else if (start < span.end) start++;
  let end = span.end - 3;
  if (end < start) end = start;
  return { start, end };
}

/** Reads a data file's text (YAML or JSON) into values by field name; a `values:` key is honoured. */
export function readDataValues(source: string): { values: Map<string, string>; error: string | undefined } {
  const doc = parseDocument(source, { prettyErrors: false });
  if (doc.errors.length > 0) return { values: new Map(), error: doc.errors[0]!.message.split('\n')[0] };
  let root = doc.contents as unknown;
  if (isMap(root) && root.has('values')) root = root.get('values', true);
  const values = new Map<string, string>();
  if (!isMap(root)) return { values, error: root === null ? undefined : 'not a mapping of field names to values' };
  for (const item of root.items) {
    if (!isScalar(item.key)) continue;
    const raw = rawValue(item.value);
    if (raw !== undefined) values.set(String(item.key.value), raw);
  }
  return { values, error: undefined };
}
