import { isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type { ContractDocument, FrontMatterEntry, FrontMatterLayout, FrontMatterSection, Span } from '../model.js';

export const EMPTY_LAYOUT: FrontMatterLayout = {
  parses: true,
  root: 'empty',
  sections: new Map(),
  topKeys: [],
  valueKeys: new Map(),
  effective: undefined,
  indentUnit: '  ',
};

/**
 * The layout of a parsed front matter: where each key, type and value stands
 * and how each section is written, so edits follow the style already there.
 *
 * @param source the YAML between the fences, as parsed
 * @param base the offset of `source` in the contract
 */
export function readLayout(yaml: Document.Parsed, source: string, base: number): FrontMatterLayout {
  const parses = yaml.errors.length === 0;
  const root = yaml.contents;
  const span = (range: readonly number[]): Span => ({ start: base + range[0]!, end: base + range[1]! });
  const spanOf = (node: unknown): Span | undefined => {
    const range = (node as YamlNode | null | undefined)?.range;
    return range ? span(range) : undefined;
  };
  if (root === null || (isScalar(root) && (root.value === null || root.value === '') && (root.source ?? '') === '')) return { ...EMPTY_LAYOUT, parses };
  if (!isMap(root)) return { ...EMPTY_LAYOUT, parses, root: 'other' };
  const sections = new Map<string, FrontMatterSection>();
  const topKeys: Array<{ name: string; span: Span }> = [];
  const valueKeys = new Map<string, Span[]>();
  let effective: FrontMatterLayout['effective'];
  for (const pair of root.items as Pair[]) {
    if (!isScalar(pair.key) || !(pair.key as YamlNode).range) continue;
    const name = String(pair.key.value);
    const keySpan = spanOf(pair.key)!;
    topKeys.push({ name, span: keySpan });
    if (!sections.has(name)) sections.set(name, readSection(name, pair, keySpan, source, base, spanOf));
    if (name === 'values' && isMap(pair.value)) {
      for (const item of pair.value.items as Pair[]) {
        if (!isScalar(item.key) || !(item.key as YamlNode).range) continue;
        const key = String(item.key.value);
        if (!valueKeys.has(key)) valueKeys.set(key, []);
        valueKeys.get(key)!.push(spanOf(item.key)!);
      }
    }
    if (name === 'effective' && effective === undefined && isScalar(pair.value) && pair.value.value !== null) {
      const valueSpan = spanOf(pair.value);
      if (valueSpan) effective = { value: String(pair.value.value).trim(), span: valueSpan };
    }
  }
  return { parses, root: root.flow ? 'other' : 'map', sections, topKeys, valueKeys, effective, indentUnit: indentUnit(source, root.items as Pair[]) };
}

function readSection(name: string, pair: Pair, keySpan: Span, source: string, base: number, spanOf: (node: unknown) => Span | undefined): FrontMatterSection {
  const value = pair.value as YamlNode | null;
  const section = { name, keySpan, flowOpen: undefined, flowClose: undefined, indent: undefined, contentEnd: keySpan.end, entries: [] as FrontMatterEntry[] };
  if (value === null || (isScalar(value) && value.value === null && (value.source ?? '') === '')) return { ...section, shape: 'empty' };
  const range = value.range;
  if (!range) return { ...section, shape: 'other' };
  const contentEnd = base + trimmedEnd(source, range[0], range[1]);
  if (isMap(value)) {
    const entries = (value.items as Pair[]).flatMap((item) => (isScalar(item.key) && (item.key as YamlNode).range ? [readEntry(item, spanOf)] : []));
    if (value.flow) return { ...section, shape: 'flow', flowOpen: base + range[0], flowClose: base + range[1] - 1, contentEnd, entries };
    const first = value.items[0]?.key as YamlNode | undefined;
    if (!first?.range) return { ...section, shape: 'other', contentEnd };
    return { ...section, shape: 'block', indent: columnText(source, first.range[0]), contentEnd, entries };
  }
  if (isSeq(value) && !value.flow && value.items.length > 0) {
    const first = value.items[0] as YamlNode;
    if (!first.range) return { ...section, shape: 'other', contentEnd };
    const lineStart = lineStartOf(source, first.range[0]);
    return { ...section, shape: 'list', indent: /^[ \t]*/.exec(source.slice(lineStart))![0], contentEnd };
  }
  return { ...section, shape: 'other', contentEnd };
}

function readEntry(item: Pair, spanOf: (node: unknown) => Span | undefined): FrontMatterEntry {
  const keySpan = spanOf(item.key)!;
  const value = item.value as YamlNode | null;
  let typeSpan: Span | undefined;
  let valueSpan: Span | undefined;
  let shape: FrontMatterEntry['shape'] = 'other';
  let flowClose: number | undefined;
  if (isMap(value)) {
    typeSpan = spanOf(value.get('type', true));
    valueSpan = spanOf(value.get('value', true));
    shape = value.flow ? 'flow' : 'block';
    if (value.flow && value.range) flowClose = spanOf(value)!.end - 1;
  } else if (isScalar(value)) {
    typeSpan = spanOf(value);
    shape = value.value === null && (value.source ?? '') === '' ? 'empty' : 'scalar';
  } else if (value === null) {
    shape = 'empty';
  }
  return {
    name: String((item.key as { value: unknown }).value).trim(),
    keySpan,
    typeSpan,
    valueSpan,
    shape,
    flowClose,
    end: spanOf(value)?.end ?? keySpan.end,
  };
}

/** The indentation the front matter uses for nested block mappings, two spaces if it has none. */
function indentUnit(source: string, items: readonly Pair[]): string {
  for (const pair of items) {
    const value = pair.value as YamlNode | null;
    const first = isMap(value) && !value.flow ? (value.items[0]?.key as YamlNode | undefined) : undefined;
    if (first?.range) {
      const indent = columnText(source, first.range[0]);
      if (indent !== '') return indent;
    }
  }
  return '  ';
}

function lineStartOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** The whitespace between the start of the line and `offset`. */
function columnText(text: string, offset: number): string {
  return text.slice(lineStartOf(text, offset), offset).replace(/[^ \t]/g, ' ');
}

/** The end of a node's text without the line breaks and blank lines YAML counts into it. */
function trimmedEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  return at;
}

/** The layout of a contract's front matter; an empty one when it has none. */
export function frontMatterLayout(doc: ContractDocument): FrontMatterLayout {
  return doc.frontMatter?.layout ?? EMPTY_LAYOUT;
}
