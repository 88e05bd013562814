import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { ContractDocument, Locale, TextEdit } from '../model.js';
import { dominantEol } from '../text/eol.js';
import type { TemplateField, TemplateGroup, TemplateParty } from './template.js';
import { fieldEntry, groupEntry, partyEntry, partyListItem } from './yamlEntries.js';

/** Declarations a clause brings with it. */
export interface Declarations {
  readonly parties: readonly TemplateParty[];
  readonly fields: readonly TemplateField[];
  readonly groups: readonly TemplateGroup[];
}

export interface FrontMatterMerge {
  /** Insertions into (or creating) the front matter; nothing else in the document is touched. */
  readonly edits: TextEdit[];
  /**
   * Fields the front matter could not take (it is not valid YAML, or `fields:`
   * is not a mapping); the caller declares them inline in the body instead.
   */
  readonly inline: TemplateField[];
}

type Section = 'parties' | 'fields' | 'groups';
const SECTIONS: readonly Section[] = ['parties', 'fields', 'groups'];

/**
 * The edits that add to a contract's front matter the parties, fields and
 * groups it lacks, each as a one-line entry under its key, indented like the
 * entries already there and ended with the document's dominant line ending.
 * Names the contract already declares (in the front matter or inline) are
 * left alone, even when the template would type them differently.
 */
export function mergeFrontMatterEdits(doc: ContractDocument, additions: Declarations, locale: Locale): FrontMatterMerge {
  const missing: Record<Section, string[]> = {
    parties: uniqueBy(additions.parties.filter((p) => !doc.parties.some((d) => d.key === p.key)), (p) => p.key).map(partyEntry),
    fields: uniqueBy(additions.fields.filter((f) => !doc.declarations.has(f.name)), (f) => f.name).map(fieldEntry),
    groups: uniqueBy(additions.groups.filter((g) => !doc.groups.some((d) => d.name === g.name)), (g) => g.name).map(groupEntry),
  };
  const missingFields = uniqueBy(additions.fields.filter((f) => !doc.declarations.has(f.name)), (f) => f.name);
  const eol = dominantEol(doc.text);
  if (SECTIONS.every((s) => missing[s].length === 0)) return { edits: [], inline: [] };

  if (!doc.frontMatter) {
    const at = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const rest = doc.text.slice(at);
    const lines = [`---`, `locale: ${locale}`, ...sectionLines(missing, '  '), `---`];
    const separate = rest !== '' && !/^[ \t]*(?:\r\n|\r|\n)/.test(rest) ? eol : '';
    return { edits: [{ span: { start: at, end: at }, newText: lines.join(eol) + eol + separate }], inline: [] };
  }

  const { contentSpan } = doc.frontMatter;
  const source = doc.text.slice(contentSpan.start, contentSpan.end);
  const base = contentSpan.start;
  const yaml = parseDocument(source, { uniqueKeys: false, prettyErrors: false });
  const root = yaml.contents;
  const empty = root === null || (isScalar(root) && (root.value === null || root.value === '') && (root.source ?? '') === '');
  if (yaml.errors.length > 0 || (!empty && !(isMap(root) && !root.flow))) return { edits: [], inline: missingFields };

  const edits: TextEdit[] = [];
  const toCreate: Record<Section, string[]> = { parties: [], fields: [], groups: [] };
  let inline: TemplateField[] = [];
  const unit = indentUnit(source, root);
  for (const section of SECTIONS) {
    const entries = missing[section];
    if (entries.length === 0) continue;
    const pair = isMap(root) ? (root.items.find((p) => isScalar(p.key) && String(p.key.value) === section) as Pair | undefined) : undefined;
    if (!pair) {
      toCreate[section] = entries;
      continue;
    }
    const edit = appendToSection(source, base, pair, section === 'parties' ? additions.parties.filter((p) => !doc.parties.some((d) => d.key === p.key)) : undefined, entries, unit, eol);
    if (edit) edits.push(edit);
    else if (section === 'fields') inline = missingFields;
  }
  const created = sectionLines(toCreate, unit);
  if (created.length > 0) {
    edits.push({ span: { start: contentSpan.end, end: contentSpan.end }, newText: created.map((line) => line + eol).join('') });
  }
  return { edits, inline };
}

function sectionLines(entries: Record<Section, string[]>, indent: string): string[] {
  return SECTIONS.flatMap((section) => (entries[section].length === 0 ? [] : [`${section}:`, ...entries[section].map((e) => indent + e)]));
}

/** One insertion that extends an existing `parties:`/`fields:`/`groups:` value, or undefined when its shape does not allow it. */
function appendToSection(
  source: string,
  base: number,
  pair: Pair,
  parties: readonly TemplateParty[] | undefined,
  entries: readonly string[],
  unit: string,
  eol: string,
): TextEdit | undefined {
  const value = pair.value as YamlNode | null;
  const at = (offset: number): TextEdit['span'] => ({ start: base + offset, end: base + offset });
  if (value === null || (isScalar(value) && value.value === null && (value.source ?? '') === '')) {
    // `fields:` with nothing after it: the entries become its block mapping.
    const keyEnd = (pair.key as YamlNode).range![1];
    return { span: at(lineEnd(source, keyEnd)), newText: entries.map((e) => eol + unit + e).join('') };
  }
  if (isMap(value) && value.flow) {
    const [start, end] = value.range!;
    if (value.items.length === 0) return { span: at(start + 1), newText: ` ${entries.join(', ')} ` };
    const last = value.items[value.items.length - 1]!;
    const lastEnd = ((last.value as YamlNode | null)?.range ?? (last.key as YamlNode).range)![1];
    return lastEnd <= end ? { span: at(lastEnd), newText: entries.map((e) => `, ${e}`).join('') } : undefined;
  }
  if (isMap(value) && value.items.length > 0) {
    const indent = columnText(source, (value.items[0]!.key as YamlNode).range![0]);
    const after = lineEnd(source, contentEnd(source, value.range![0], value.range![1]));
    return { span: at(after), newText: entries.map((e) => eol + indent + e).join('') };
  }
  if (parties && isSeq(value) && !value.flow && value.items.length > 0) {
    // Parties written as a list of `- key: 甲方` items take list items.
    const lineStart = lineStartOf(source, (value.items[0] as YamlNode).range![0]);
    const indent = /^[ \t]*/.exec(source.slice(lineStart))![0];
    const after = lineEnd(source, contentEnd(source, value.range![0], value.range![1]));
    return { span: at(after), newText: parties.map((p) => eol + indent + partyListItem(p)).join('') };
  }
  return undefined;
}

/** The indentation the front matter uses for nested block mappings, two spaces if it has none. */
function indentUnit(source: string, root: unknown): string {
  if (!isMap(root)) return '  ';
  for (const pair of root.items) {
    const value = pair.value as YamlNode | null;
    if (isMap(value) && !value.flow && value.items.length > 0) {
      const indent = columnText(source, (value.items[0]!.key as YamlNode).range![0]);
      if (indent !== '') return indent;
    }
  }
  return '  ';
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
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

function lineEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

/** The end of a node's text without the line breaks and blank lines YAML counts into it. */
function contentEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  return at;
}
