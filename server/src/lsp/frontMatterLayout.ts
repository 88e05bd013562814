/**
 * Where things stand inside the front matter, beyond what the core's model
 * keeps: the `fields:` key and its shape, each declaration's type scalar, the
 * keys of `values:` and the `effective:` value. Rename, semantic tokens and
 * the "extract field" refactoring need these exact spans.
 */
import { isMap, isScalar, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { ContractDocument, Span } from '../core/index.js';

export interface FieldEntryLayout {
  readonly name: string;
  readonly keySpan: Span;
  /** The scalar naming the type (`money` in `{ type: money }` or in `fee: money`). */
  readonly typeSpan: Span | undefined;
  /** The scalar holding the value, when the declaration has one. */
  readonly valueSpan: Span | undefined;
  /** The end of the whole entry (key and value). */
  readonly end: number;
}

export interface FrontMatterLayout {
  /** False when the YAML has errors: edits inside it would be guesses. */
  readonly parses: boolean;
  readonly fields:
    | {
        readonly keySpan: Span;
        /** `block`: indented entries; `flow`: `{ a: text }`; `empty`: nothing after `fields:`. */
        readonly shape: 'block' | 'flow' | 'empty' | 'other';
        /** For `flow`, the offset of the closing `}`. */
        readonly flowClose: number | undefined;
        readonly entries: readonly FieldEntryLayout[];
      }
    | undefined;
  /** Keys of the `values:` map, by field name. */
  readonly valueKeys: ReadonlyMap<string, readonly Span[]>;
  /** Values under `values:`, by field name. */
  readonly valueSpans: ReadonlyMap<string, Span>;
  readonly effective: { readonly value: string; readonly span: Span } | undefined;
  /** Top-level keys, for semantic tokens and completion. */
  readonly topKeys: ReadonlyArray<{ readonly name: string; readonly span: Span }>;
}

const EMPTY: FrontMatterLayout = { parses: true, fields: undefined, valueKeys: new Map(), valueSpans: new Map(), effective: undefined, topKeys: [] };
const layouts = new WeakMap<ContractDocument, FrontMatterLayout>();

/** The front matter's layout, computed once per parsed document. */
export function frontMatterLayout(doc: ContractDocument): FrontMatterLayout {
  let layout = layouts.get(doc);
  if (!layout) {
    layout = readLayout(doc);
    layouts.set(doc, layout);
  }
  return layout;
}

function readLayout(doc: ContractDocument): FrontMatterLayout {
  const frontMatter = doc.frontMatter;
  if (!frontMatter) return EMPTY;
  const base = frontMatter.contentSpan.start;
  const yaml = parseDocument(doc.text.slice(base, frontMatter.contentSpan.end), { uniqueKeys: false, prettyErrors: false });
  const spanOf = (node: unknown): Span | undefined => {
    const range = (node as YamlNode | null | undefined)?.range;
    return range ? { start: base + range[0], end: base + range[1] } : undefined;
  };
  const root = yaml.contents;
  if (!isMap(root)) return { ...EMPTY, parses: yaml.errors.length === 0 };
  const topKeys: Array<{ name: string; span: Span }> = [];
  let fields: FrontMatterLayout['fields'];
  const valueKeys = new Map<string, Span[]>();
  const valueSpans = new Map<string, Span>();
  let effective: FrontMatterLayout['effective'];
  for (const pair of root.items as Pair[]) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const keySpan = spanOf(pair.key)!;
    topKeys.push({ name, span: keySpan });
    if (name === 'fields' && fields === undefined) fields = readFields(pair, keySpan, spanOf);
    if (name === 'values' && isMap(pair.value)) {
      for (const item of pair.value.items as Pair[]) {
        if (!isScalar(item.key)) continue;
        const key = String(item.key.value);
        if (!valueKeys.has(key)) valueKeys.set(key, []);
        valueKeys.get(key)!.push(spanOf(item.key)!);
        const valueSpan = spanOf(item.value);
        if (valueSpan) valueSpans.set(key, valueSpan);
      }
    }
    if (name === 'effective' && isScalar(pair.value) && pair.value.value !== null) {
      const span = spanOf(pair.value);
      if (span) effective = { value: String(pair.value.value).trim(), span };
    }
  }
  return { parses: yaml.errors.length === 0, fields, valueKeys, valueSpans, effective, topKeys };
}

function readFields(pair: Pair, keySpan: Span, spanOf: (node: unknown) => Span | undefined): FrontMatterLayout['fields'] {
  const value = pair.value as YamlNode | null;
  const isEmpty = value === null || (isScalar(value) && (value.value === null || value.value === ''));
  if (isEmpty) return { keySpan, shape: 'empty', flowClose: undefined, entries: [] };
  if (!isMap(value)) return { keySpan, shape: 'other', flowClose: undefined, entries: [] };
  const entries: FieldEntryLayout[] = [];
  for (const item of value.items as Pair[]) {
    if (!isScalar(item.key)) continue;
    const itemKey = spanOf(item.key)!;
    let typeSpan: Span | undefined;
    let valueSpan: Span | undefined;
    if (isMap(item.value)) {
      typeSpan = spanOf(item.value.get('type', true));
      valueSpan = spanOf(item.value.get('value', true));
    } else if (isScalar(item.value)) {
      typeSpan = spanOf(item.value);
    }
    entries.push({ name: String(item.key.value).trim(), keySpan: itemKey, typeSpan, valueSpan, end: spanOf(item.value)?.end ?? itemKey.end });
  }
  const span = spanOf(value)!;
  const flow = value.flow === true;
  return { keySpan, shape: flow ? 'flow' : 'block', flowClose: flow ? span.end - 1 : undefined, entries };
}
