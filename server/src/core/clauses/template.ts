import { isMap, isScalar, parseDocument, type Pair } from 'yaml';
import { FIELD_TYPES, type FieldType, type Locale } from '../model.js';
import { readFieldDeclaration, scalarText } from '../frontMatter/fieldDeclaration.js';
import { format, toLocale } from '../i18n/messages.js';

/** A field a clause template uses, as it will be declared in a contract's `fields:`. */
export interface TemplateField {
  readonly name: string;
  readonly type: FieldType;
  readonly options?: readonly string[] | undefined;
  /** The sum group the field belongs to (e.g. payment instalments). */
  readonly group?: string | undefined;
  readonly currency?: string | undefined;
  readonly description?: string | undefined;
}

/** A sum group a clause template declares under `groups:`. */
export interface TemplateGroup {
  readonly name: string;
  readonly total: number;
}

/** A party a clause template names, as declared under `parties:`. */
export interface TemplateParty {
  readonly key: string;
  readonly role?: string | undefined;
}

/** One clause of the library: its metadata, the declarations it needs and its Markdown body. */
export interface ClauseTemplate {
  /** Kebab-case, the same in every locale (`fees-payment`). */
  readonly id: string;
  /** A short word for the topic (`fees`, `费用`); snippet prefixes are built from it. */
  readonly topic: string;
  readonly title: string;
  readonly locale: Locale;
  readonly description: string;
  /** Where the clause stands in a full contract (`order:`), lowest first; templates without one go last. */
  readonly order: number;
  /** Where the template was read from, for messages. */
  readonly path: string;
  /** The clause text, with `\n` line endings and no trailing line break. */
  readonly body: string;
  readonly fields: readonly TemplateField[];
  readonly groups: readonly TemplateGroup[];
  readonly parties: readonly TemplateParty[];
}

const MESSAGES = {
  en: {
    noFrontMatter: '{path}: a clause template starts with YAML front matter between `---` lines.',
    yaml: '{path}: the front matter is not valid YAML: {detail}',
    notMapping: '{path}: the front matter must be a mapping of keys to values.',
    missing: '{path}: `{key}` is required in the front matter.',
    badId: '{path}: the id "{id}" must be kebab-case (lower-case letters, digits and hyphens).',
    badLocale: '{path}: unexpected locale "{value}", expected zh-CN or en.',
    badField: '{path}: field "{name}" must be a type name or a mapping with `type:`.',
    badType: '{path}: field "{name}" has type "{type}", expected one of {types}.',
    noOptions: '{path}: choice field "{name}" lists no `options`.',
    badSection: '{path}: `{key}` must be a mapping.',
    badTotal: '{path}: group "{name}" has a total that is not a number.',
    emptyBody: '{path}: the template has no clause text after its front matter.',
  },
  'zh-CN': {
    noFrontMatter: '{path}：条款模板须以 `---` 行包围的 YAML 前言开头。',
    yaml: '{path}：前言不是有效的 YAML：{detail}',
    notMapping: '{path}：前言须为“键: 值”形式的映射。',
    missing: '{path}：前言缺少必填项 `{key}`。',
    badId: '{path}：id“{id}”须为短横线连接的小写形式（小写字母、数字和连字符）。',
    badLocale: '{path}：语言“{value}”无效，应为 zh-CN 或 en。',
    badField: '{path}：字段“{name}”应为类型名，或包含 `type:` 的映射。',
    badType: '{path}：字段“{name}”的类型“{type}”无效，应为 {types} 之一。',
    noOptions: '{path}：选择字段“{name}”没有列出 `options`。',
    badSection: '{path}：`{key}` 须为映射。',
    badTotal: '{path}：合计组“{name}”的合计值不是数字。',
    emptyBody: '{path}：模板前言之后没有条款正文。',
  },
} as const;

const FENCE = /^---[ \t]*(?:\r\n|\r|\n)(?:([\s\S]*?)(?:\r\n|\r|\n))?---[ \t]*(?:\r\n|\r|\n|$)/;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads a clause template (`clauses/<locale>/<id>.md`). Returns a message in
 * `messageLocale` instead of throwing when the template is malformed, so a
 * broken file in a user's library is reported, not fatal.
 */
export function parseClauseTemplate(text: string, path: string, messageLocale: Locale = 'en'): ClauseTemplate | { error: string } {
  const fail = (key: keyof (typeof MESSAGES)['en'], args: Record<string, string | number> = {}) => ({
    error: format(MESSAGES, messageLocale, key, { path, ...args }),
  });
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const fence = FENCE.exec(source);
  if (!fence) return fail('noFrontMatter');
  const doc = parseDocument(fence[1] ?? '', { prettyErrors: false });
  if (doc.errors.length > 0) return fail('yaml', { detail: doc.errors[0]!.message.split('\n')[0] ?? '' });
  const root = doc.contents;
  if (!isMap(root)) return fail('notMapping');
  const top = (key: string): Pair | undefined => root.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
  const text_ = (key: string): string | undefined => scalarText(top(key)?.value);

  for (const key of ['id', 'topic', 'title', 'locale', 'description']) {
    if (text_(key) === undefined) return fail('missing', { key });
  }
  const id = text_('id')!;
  if (!KEBAB.test(id)) return fail('badId', { id });
  const locale = toLocale(text_('locale'));
  if (locale === undefined) return fail('badLocale', { value: text_('locale')! });

  const fields: TemplateField[] = [];
  const fieldsNode = top('fields')?.value;
  if (fieldsNode !== undefined && fieldsNode !== null && !isNullScalar(fieldsNode)) {
    if (!isMap(fieldsNode)) return fail('badSection', { key: 'fields' });
    for (const item of fieldsNode.items) {
      const field = readField(item);
      if ('error' in field) return fail(field.error, field.args);
      fields.push(field);
    }
  }

  const groups: TemplateGroup[] = [];
  const groupsNode = top('groups')?.value;
  if (groupsNode !== undefined && groupsNode !== null && !isNullScalar(groupsNode)) {
    if (!isMap(groupsNode)) return fail('badSection', { key: 'groups' });
    for (const item of groupsNode.items) {
      const name = scalarText(item.key);
      if (name === undefined) continue;
      const totalText = scalarText(isMap(item.value) ? item.value.get('total', true) : item.value);
      const total = totalText === undefined ? 100 : Number(totalText.replace(/%$/, ''));
      if (!Number.isFinite(total)) return fail('badTotal', { name });
      groups.push({ name, total });
    }
  }

  const parties: TemplateParty[] = [];
  const partiesNode = top('parties')?.value;
  if (partiesNode !== undefined && partiesNode !== null && !isNullScalar(partiesNode)) {
    if (!isMap(partiesNode)) return fail('badSection', { key: 'parties' });
    for (const item of partiesNode.items) {
      const key = scalarText(item.key);
      if (key === undefined) continue;
      const role = isMap(item.value) ? scalarText(item.value.get('role', true)) : scalarText(item.value);
      parties.push({ key, role });
    }
  }

  const body = source
    .slice(fence[0].length)
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/\s+$/, '');
  if (body === '') return fail('emptyBody');

  const orderText = text_('order');
  const order = orderText !== undefined && Number.isFinite(Number(orderText)) ? Number(orderText) : Number.POSITIVE_INFINITY;

  return {
    id,
    order,
    topic: text_('topic')!,
    title: text_('title')!,
    locale,
    description: text_('description')!,
    path,
    body,
    fields,
    groups,
    parties,
  };
}

type FieldResult = TemplateField | { error: 'badField' | 'badType' | 'noOptions'; args: Record<string, string> };

function readField(item: Pair): FieldResult {
  const name = scalarText(item.key) ?? '';
  const read = isMap(item.value) || isScalar(item.value) ? readFieldDeclaration(item.value) : undefined;
  if (!read) return { error: 'badField', args: { name } };
  const { type, options, group, currency, description } = read;
  if (type === undefined) return { error: 'badType', args: { name, type: read.typeText ?? '', types: FIELD_TYPES.join(', ') } };
  if (type === 'choice' && (!options || options.length === 0)) return { error: 'noOptions', args: { name } };
  return {
    name,
    type,
    ...(options && type === 'choice' ? { options } : {}),
    ...(group !== undefined ? { group } : {}),
    ...(currency !== undefined ? { currency } : {}),
    ...(description !== undefined ? { description } : {}),
  };
}

function isNullScalar(node: unknown): boolean {
  return isScalar(node) && (node.value === null || node.value === undefined);
}

/** Templates in contract order: by `order:`, then by id, so every build lists them the same way. */
export function sortTemplates(templates: readonly ClauseTemplate[]): ClauseTemplate[] {
  return [...templates].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.locale < b.locale ? -1 : 1));
}
