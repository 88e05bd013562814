import type { ContractDocument, FrontMatterSection, Span, TextEdit } from '../model.js';
import { dominantEol } from '../text/eol.js';

/** The sections declarations go under, in the order a new front matter lists them. */
export const DECLARATION_SECTIONS = ['parties', 'fields', 'groups'] as const;
export type DeclarationSection = (typeof DECLARATION_SECTIONS)[number];

/**
 * Entries to add, each one line of YAML as it stands under its key
 * (`fee: { type: money }`). `partyItems` are the same parties written as list
 * items (`- { key: 丙方 }`), for a `parties:` written as a list.
 */
export interface DeclarationEntries {
  readonly parties?: readonly string[];
  readonly partyItems?: readonly string[];
  readonly fields?: readonly string[];
  readonly groups?: readonly string[];
}

export interface InsertedDeclarations {
  /** Insertions into (or creating) the front matter; nothing else in the document is touched. */
  readonly edits: TextEdit[];
  /** Sections whose entries could not be placed: the YAML is broken, or the key holds something else. */
  readonly refused: DeclarationSection[];
}

/**
 * The edits that add entries under `parties:`, `fields:` and `groups:`: after
 * the last entry already there, in its style (block, flow or list) and
 * indentation, under a new key when the key is missing, in a new front matter
 * when there is none. Every line ends with the document's dominant line ending,
 * and a byte-order mark stays first.
 *
 * @param newFrontMatter what a front matter created from nothing starts with (e.g. `locale: zh-CN`)
 */
export function insertDeclarations(doc: ContractDocument, entries: DeclarationEntries, newFrontMatter: readonly string[] = []): InsertedDeclarations {
  const wanted = DECLARATION_SECTIONS.filter((s) => (entries[s]?.length ?? 0) > 0);
  if (wanted.length === 0) return { edits: [], refused: [] };
  const eol = dominantEol(doc.text);

  if (!doc.frontMatter) {
    const at = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const lines = ['---', ...newFrontMatter, ...sectionLines(wanted, entries, '  '), '---'];
    const rest = doc.text.slice(at);
    // A new front matter stands apart from the body by a blank line when it has anything besides declarations.
    const separate = newFrontMatter.length > 0 && rest !== '' && !/^[ \t]*(?:\r\n|\r|\n)/.test(rest) ? eol : '';
    return { edits: [{ span: { start: at, end: at }, newText: lines.join(eol) + eol + separate }], refused: [] };
  }

  const { layout, contentSpan } = doc.frontMatter;
  if (!layout.parses || layout.root === 'other') return { edits: [], refused: wanted };
  const edits: TextEdit[] = [];
  const refused: DeclarationSection[] = [];
  const toCreate: DeclarationSection[] = [];
  for (const name of wanted) {
    const section = layout.sections.get(name);
    if (!section) {
      toCreate.push(name);
      continue;
    }
    const edit = appendToSection(doc.text, section, name === 'parties' ? entries.partyItems : undefined, entries[name]!, layout.indentUnit, eol);
    if (edit) edits.push(edit);
    else refused.push(name);
  }
  if (toCreate.length > 0) {
    const content = doc.text.slice(contentSpan.start, contentSpan.end);
    const needsBreak = content !== '' && !/[\r\n]$/.test(content);
    const created = sectionLines(toCreate, entries, layout.indentUnit);
    edits.push({ span: at(contentSpan.end), newText: (needsBreak ? eol : '') + created.map((line) => line + eol).join('') });
  }
  return { edits, refused };
}

function sectionLines(sections: readonly DeclarationSection[], entries: DeclarationEntries, indent: string): string[] {
  return sections.flatMap((section) => [`${section}:`, ...(entries[section] ?? []).map((e) => indent + e)]);
}

/** One insertion that extends an existing section, or undefined when its shape does not allow it. */
function appendToSection(
  text: string,
  section: FrontMatterSection,
  listItems: readonly string[] | undefined,
  entries: readonly string[],
  unit: string,
  eol: string,
): TextEdit | undefined {
  switch (section.shape) {
    case 'empty':
      // `fields:` with nothing after it: the entries become its block mapping.
      return { span: at(lineEnd(text, section.keySpan.end)), newText: entries.map((e) => eol + unit + e).join('') };
    case 'flow': {
      const last = section.entries[section.entries.length - 1];
      if (!last) {
        const inner = text.slice(section.flowOpen! + 1, section.flowClose!);
        return inner.trim() === '' ? { span: at(section.flowOpen! + 1), newText: ` ${entries.join(', ')} ` } : undefined;
      }
      return last.end <= section.flowClose! ? { span: at(last.end), newText: entries.map((e) => `, ${e}`).join('') } : undefined;
    }
    case 'block':
      return { span: at(lineEnd(text, section.contentEnd)), newText: entries.map((e) => eol + section.indent! + e).join('') };
    case 'list':
      // Parties written as a list of `- key: 甲方` items take list items.
      return listItems ? { span: at(lineEnd(text, section.contentEnd)), newText: listItems.map((e) => eol + section.indent! + e).join('') } : undefined;
    default:
      return undefined;
  }
}

function at(offset: number): Span {
  return { start: offset, end: offset };
}

function lineEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}
