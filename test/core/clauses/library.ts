/** Test helpers: the clause library read from `clauses/` and contracts built around it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyEdits,
  parseClauseTemplate,
  parseContract,
  runChecks,
  type ClauseTemplate,
  type ContractDocument,
  type Field,
  type Locale,
  type Problem,
} from '../../../server/src/core/index.js';
import { setFieldValueEdit } from '../../../server/src/core/edits/setFieldValue.js';

export const LIBRARY = join(process.cwd(), 'clauses');
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Every clause topic of the reference agreement, by the id it has in both locales. */
export const TOPIC_IDS = [
  'parties',
  'dataset',
  'training-targets',
  'deliverables',
  'ip-ownership',
  'fees-payment',
  'confidentiality',
  'training-risk',
  'breach',
  'disputes',
  'effect-termination',
  'signature',
] as const;

export interface LibraryFile {
  readonly path: string;
  readonly text: string;
}

export function libraryFiles(locale: Locale): LibraryFile[] {
  const dir = join(LIBRARY, locale);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ path: join('clauses', locale, f), text: readFileSync(join(dir, f), 'utf8') }));
}

export function loadTemplates(locale: Locale): ClauseTemplate[] {
  return libraryFiles(locale).map(({ path, text }) => {
    const template = parseClauseTemplate(text, path);
    if ('error' in template) throw new Error(template.error);
    return template;
  });
}

export function minimalContract(locale: Locale, eol = '\n'): string {
  const title = locale === 'zh-CN' ? '人工智能模型训练服务合同' : 'AI Model Training Services Agreement';
  return ['---', `title: ${title}`, `locale: ${locale}`, '---', '', `# ${title}`, ''].join(eol);
}

/** Problems other than the unfilled fields a fresh clause is expected to have. */
export function unexpectedProblems(text: string): Problem[] {
  return runChecks(parseContract(text)).filter((p) => !(p.checkId === 'unfilled-field' && p.severity === 'warning'));
}

export function describeProblems(text: string, problems: readonly Problem[]): string {
  return problems.map((p) => `${p.severity} ${p.checkId}: ${p.message} at ${JSON.stringify(text.slice(p.span.start, p.span.end))}`).join('\n');
}

/**
 * A valid value for each type. Percentages of one sum group share out its
 * total (30/40/30 for three); other percentages get a plausible rate.
 */
function sampleValue(doc: ContractDocument, field: Field): string {
  const zh = doc.locale === 'zh-CN';
  switch (field.type) {
    case 'text':
      return zh ? '示例内容' : 'Sample text';
    case 'number':
      return '3';
    case 'money':
      return zh ? '500000' : '120000';
    case 'percent': {
      const group = doc.groups.find((g) => g.members.includes(field.name));
      if (!group) return '5';
      const shares = group.members.length === 3 ? [30, 40, 30] : group.members.map(() => group.total / group.members.length);
      return String(shares[group.members.indexOf(field.name)]);
    }
    case 'date':
      return '2026-03-01';
    case 'duration':
      return zh ? '30日' : '30 days';
    case 'party':
      return doc.parties[0]?.key ?? (zh ? '甲方' : 'Client');
    case 'choice':
      return field.options?.[0] ?? '';
  }
}

/** Gives every front-matter field without a value a valid one, written into the front matter. */
export function fillAllFields(text: string): string {
  const doc = parseContract(text);
  const edits = [...doc.fields.values()]
    .filter((field) => field.value === undefined)
    .map((field) => {
      const edit = setFieldValueEdit(doc, field, sampleValue(doc, field));
      if (!edit) throw new Error(`cannot set a value for ${field.name}`);
      return edit;
    });
  return applyEdits(text, edits);
}

/**
 * Asserts that `after` is `before` with text inserted at the given offsets of
 * `before` only: everything else is byte-identical and in order.
 */
export function insertedOnly(before: string, after: string, edits: ReadonlyArray<{ span: { start: number; end: number }; newText: string }>): boolean {
  if (edits.some((e) => e.span.start !== e.span.end)) return false;
  let rebuilt = '';
  let from = 0;
  for (const edit of [...edits].sort((a, b) => a.span.start - b.span.start)) {
    rebuilt += before.slice(from, edit.span.start) + edit.newText;
    from = edit.span.start;
  }
  return rebuilt + before.slice(from) === after;
}
