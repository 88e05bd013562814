/**
 * Completion from where the cursor stands: field names inside `{{`, types
 * after `{{name:` and `type:`, filters after `|`, clause labels inside `](#`,
 * front-matter keys, and a choice or party field's options as its value.
 */
import { FIELD_TYPES, type ContractDocument, type Field, type Locale, type Span, type TextEdit } from '../model.js';
import { clauseNumberText } from '../clauseNumber.js';
import { frontMatterLayout } from '../frontMatter/layout.js';
import { formatValue } from '../values/formatValue.js';
import { typeName } from '../i18n/typeNames.js';

export const COMPLETION_TRIGGERS = ['{', ':', '#', '|'];

/** What a completion offers, by what it names; an editor maps these to its own item kinds. */
/** `contract`: a whole new contract in place of an empty file. */
export type CompletionKind = 'field' | 'type' | 'filter' | 'label' | 'key' | 'option' | 'party' | 'clause' | 'contract';

/** One completion, editor-neutral: the text to put in place of `replace`, and what to show. */
export interface CompletionCandidate {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  /** The documentation is Markdown rather than plain text. */
  readonly markdown?: boolean;
  readonly sortText?: string;
  readonly filterText?: string;
  /** The item the editor should select first. */
  readonly preselect?: boolean;
  readonly replace: Span;
  readonly newText: string;
  /** `newText` is a snippet with `${1:…}` tab stops. */
  readonly snippet?: boolean;
  /** Edits elsewhere in the document (a clause's declarations in the front matter). */
  readonly additionalEdits?: readonly TextEdit[];
}

/** The keys a contract's front matter may hold, described for completion. */
export const FRONT_MATTER_KEYS: ReadonlyArray<{ key: string; en: string; zh: string }> = [
  { key: 'title', en: 'The contract title', zh: '合同标题' },
  { key: 'locale', en: 'zh-CN or en', zh: 'zh-CN 或 en' },
  { key: 'currency', en: 'Default currency of money fields (CNY, USD, …)', zh: '金额字段的默认币种（CNY、USD 等）' },
  { key: 'parties', en: 'The parties, by the name used in the text', zh: '当事方，以正文中的称呼为键' },
  { key: 'fields', en: 'Typed fields used by {{placeholders}}', zh: '正文占位符 {{…}} 使用的带类型字段' },
  { key: 'groups', en: 'Sum groups whose members must add up to a total', zh: '合计组：组内字段之和须等于合计值' },
  { key: 'values', en: 'Values of fields, by name', zh: '按字段名填写的取值' },
  { key: 'data', en: 'A YAML or JSON file with the values', zh: '存放取值的 YAML 或 JSON 文件' },
  { key: 'effective', en: 'The effective date, or the date field that holds it', zh: '生效日期，或存放生效日期的日期字段' },
];

/** The filters a placeholder may carry (`{{fee | 大写}}`), described for completion. */
export const FILTERS: ReadonlyArray<{ name: string; en: string; zh: string }> = [
  { name: '大写', en: 'The amount in Chinese capital numerals (大写)', zh: '金额的中文大写' },
  { name: 'words', en: 'The amount in English words', zh: '金额的英文大写' },
];

/** Extra candidates offered on a body line holding nothing but the word being typed (clause templates). */
export type LineStartCandidates = (replace: Span) => CompletionCandidate[];

/**
 * What can be written at `offset`: field names inside `{{`, types after
 * `{{name:` and `type:`, filters after `|`, clause labels inside `](#`,
 * front-matter keys, and a choice or party field's options as its value.
 */
export function completionsAt(doc: ContractDocument, offset: number, lineStartCandidates?: LineStartCandidates): CompletionCandidate[] {
  const text = doc.text;
  const lineStart = lineStartOf(text, offset);
  const lineEnd = nextLineStart(text, offset);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd).replace(/\r?\n$|\r$/, '');
  const range = (start: number, end = offset): Span => ({ start, end });

  if (inFrontMatter(doc, offset, lineStart)) return frontMatterItems(doc, before, offset, lineStart, range);

  const open = before.lastIndexOf('{{');
  if (open >= 0 && !before.slice(open).includes('}}')) {
    return placeholderItems(doc, before.slice(open + 2), lineStart + open + 2, offset, after, range);
  }
  const link = /\]\(#([\p{L}\p{N}_-]*)$/u.exec(before);
  if (link) {
    const closes = after.startsWith(')') || /^[\p{L}\p{N}_-]*\)/u.test(after);
    const tail = /^[\p{L}\p{N}_-]*/u.exec(after)![0].length;
    return labelItems(doc, range(offset - link[1]!.length, offset + tail), closes);
  }
  const word = /^[ \t]*([\p{L}\p{N}_-]*)$/u.exec(before);
  if (word && lineStartCandidates && after.trim() === '') {
    return lineStartCandidates(range(offset - word[1]!.length));
  }
  return [];
}

/** The offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
  return at;
}

/** The offset where the next line starts (after the line break), or the end of the text. */
export function nextLineStart(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  if (text[at] === '\r' && text[at + 1] === '\n') return at + 2;
  return at < text.length ? at + 1 : at;
}

function inFrontMatter(doc: ContractDocument, offset: number, lineStart: number): boolean {
  if (doc.frontMatter) return offset >= doc.frontMatter.contentSpan.start && lineStart < doc.frontMatter.contentSpan.end;
  // Front matter still being written: an opening fence and no closing one yet.
  const open = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)/.exec(doc.text);
  if (!open || offset < open[0].length) return false;
  return !/(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n)/.test(doc.text.slice(open[0].length - 1, lineStart));
}

function placeholderItems(
  doc: ContractDocument,
  inner: string,
  innerStart: number,
  offset: number,
  after: string,
  range: (start: number, end?: number) => Span,
): CompletionCandidate[] {
  const { locale } = doc;
  const bar = inner.indexOf('|');
  if (bar >= 0) {
    const partial = inner.slice(bar + 1).trimStart();
    return FILTERS.map((f, i) => ({
      label: f.name,
      kind: 'filter',
      detail: locale === 'zh-CN' ? f.zh : f.en,
      sortText: String(i),
      replace: range(offset - partial.length),
      newText: f.name,
    }));
  }
  const colon = inner.search(/[:：]/);
  if (colon >= 0) {
    const partial = inner.slice(colon + 1).trimStart();
    if (/[(|]/.test(partial)) return [];
    return typeItems(locale, range(offset - partial.length));
  }
  // A name: replace what is typed, and the rest of the name when this placeholder is already closed
  // on this line; otherwise close it. (CJK prose after an unclosed `{{` would look like a name.)
  const lead = inner.length - inner.trimStart().length;
  const close = after.indexOf('}}');
  const nextOpen = after.indexOf('{{');
  const closed = close >= 0 && (nextOpen < 0 || close < nextOpen);
  const nameTail = closed ? /^[^\s}:：|]*/.exec(after.slice(0, close))![0] : '';
  // Replace through closing braces that follow the name (an editor's auto-closed `{{}}`), so the
  // cursor lands after them and the next character typed is prose, not part of the name.
  const through = closed ? (/^[ \t]*\}\}/.exec(after.slice(nameTail.length))?.[0] ?? '') : '';
  const replace = range(innerStart + lead, offset + nameTail.length + through.length);
  return [...doc.fields.values()].map((field, i): CompletionCandidate => ({
    label: field.name,
    kind: 'field',
    detail: fieldDetail(field, doc.contractLocale),
    ...(field.description ? { documentation: field.description } : {}),
    sortText: `0${String(i).padStart(4, '0')}`,
    replace,
    newText: closed && through === '' ? field.name : `${field.name}}}`,
  }));
}

function fieldDetail(field: Field, contractLocale: Locale): string {
  const value = field.value?.parsed ? formatValue(field.value.parsed, contractLocale) : field.value?.raw;
  return value === undefined ? field.type : `${field.type} · ${value}`;
}

function typeItems(locale: Locale, replace: Span): CompletionCandidate[] {
  return FIELD_TYPES.map((type, i): CompletionCandidate => ({
    label: type,
    kind: 'type',
    detail: typeName(locale, type),
    sortText: String(i),
    replace,
    ...(type === 'choice' ? { newText: 'choice(${1:a}|${2:b})', snippet: true } : { newText: type }),
  }));
}

function labelItems(doc: ContractDocument, replace: Span, closes: boolean): CompletionCandidate[] {
  return doc.clauses.flatMap((clause, i): CompletionCandidate[] =>
    clause.label === undefined
      ? []
      : [
          {
            label: clause.label,
            kind: 'label',
            detail: `${clauseNumberText(doc, clause)} ${clause.title}`.trim(),
            sortText: String(i).padStart(4, '0'),
            replace,
            newText: closes ? clause.label : `${clause.label})`,
          },
        ],
  );
}

function frontMatterItems(
  doc: ContractDocument,
  before: string,
  offset: number,
  lineStart: number,
  range: (start: number, end?: number) => Span,
): CompletionCandidate[] {
  const { locale } = doc;
  const topKey = /^([\p{L}\p{N}_-]*)$/u.exec(before);
  if (topKey) {
    const present = new Set(frontMatterLayout(doc).topKeys.map((k) => k.name));
    return FRONT_MATTER_KEYS.filter((k) => !present.has(k.key)).map((k, i) => ({
      label: k.key,
      kind: 'key' as const,
      detail: locale === 'zh-CN' ? k.zh : k.en,
      sortText: String(i),
      replace: range(offset - topKey[1]!.length),
      newText: `${k.key}: `,
    }));
  }
  const section = enclosingTopKey(doc, lineStart, before);
  const typeValue = /(?:^|[{,\s])type:[ \t]*([\p{L}]*)$/u.exec(before);
  if (typeValue) return typeItems(locale, range(offset - typeValue[1]!.length));
  // `  fee: mo|` directly under `fields:` is the shorthand declaration.
  const shorthand = /^[ \t]+[^\s:#{}]+:[ \t]*([\p{L}]*)$/u.exec(before);
  if (shorthand && section === 'fields' && !/^[ \t]{4}/.test(before)) return typeItems(locale, range(offset - shorthand[1]!.length));
  if (section === 'fields') {
    const value = /(?:^|[{,\s])value:[ \t]*([^,{}\[\]]*)$/u.exec(before);
    const field = value ? fieldDeclaredBefore(doc, offset) : undefined;
    if (value && field) return valueItems(doc, field, range(offset - value[1]!.trimStart().length));
  }
  if (section === 'values') {
    const entry = /^[ \t]+([^\s:#]+):[ \t]*([^#]*)$/u.exec(before);
    const field = entry ? doc.fields.get(entry[1]!) : undefined;
    if (entry && field) return valueItems(doc, field, range(offset - entry[2]!.trimStart().length));
  }
  if (section === 'effective') {
    const value = /^effective:[ \t]*([^#]*)$/u.exec(before);
    if (value) {
      return [...doc.fields.values()]
        .filter((f) => f.type === 'date')
        .map((f) => ({
          label: f.name,
          kind: 'field' as const,
          detail: fieldDetail(f, doc.contractLocale),
          replace: range(offset - value[1]!.trimStart().length),
          newText: f.name,
        }));
    }
  }
  return [];
}

/** A choice field's options, or the party keys for a party field. */
function valueItems(doc: ContractDocument, field: Field, replace: Span): CompletionCandidate[] {
  if (field.type === 'choice') {
    return (field.options ?? []).map((option, i) => ({
      label: option,
      kind: 'option' as const,
      detail: `${field.name} (${i + 1})`,
      sortText: String(i).padStart(3, '0'),
      replace,
      newText: option,
    }));
  }
  if (field.type === 'party') {
    return doc.parties.map((party, i) => ({
      label: party.key,
      kind: 'party' as const,
      detail: [party.role, party.name].filter((s) => s !== undefined).join(' · '),
      sortText: String(i).padStart(3, '0'),
      replace,
      newText: party.key,
    }));
  }
  return [];
}

/** The field whose declaration the cursor is in: the last one that starts before it. */
function fieldDeclaredBefore(doc: ContractDocument, offset: number): Field | undefined {
  const entries = frontMatterLayout(doc).sections.get('fields')?.entries ?? [];
  const entry = [...entries].reverse().find((e) => e.keySpan.start < offset);
  return entry ? doc.fields.get(entry.name) : undefined;
}

/** The top-level key whose block holds the cursor's line (the line itself included). */
function enclosingTopKey(doc: ContractDocument, lineStart: number, before: string): string | undefined {
  const from = doc.frontMatter?.contentSpan.start ?? 0;
  const lines = doc.text.slice(from, lineStart).split(/\r\n|\r|\n/);
  lines[lines.length - 1] = before;
  for (let i = lines.length - 1; i >= 0; i--) {
    const key = /^([\p{L}\p{N}_-]+):/u.exec(lines[i]!);
    if (key) return key[1];
    if (/^---/.test(lines[i]!)) return undefined;
  }
  return undefined;
}
