/**
 * The clause library as custom requests: the "Insert Clause…" picker lists
 * templates, inserts one at the cursor with its declarations, and "New
 * Contract" composes a whole agreement.
 */
import { composeContract, insertClauseEdits, sortTemplates } from '../../core/index.js';
import type { ClauseTemplateItem, InsertClauseParams, NewContractParams } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import type { LoadedTemplate } from '../clauseLibrary.js';
import { lspEdit } from '../convert.js';
import type { TextEdit } from 'vscode-languageserver';
import type { Locale } from '../../core/index.js';

export function clauseList(templates: readonly LoadedTemplate[], locale: Locale): ClauseTemplateItem[] {
  const ofLocale = templates.filter((t) => t.template.locale === locale);
  const order = new Map(sortTemplates(ofLocale.map((t) => t.template)).map((t, i) => [t, i]));
  return [...ofLocale]
    .sort((a, b) => (order.get(a.template) ?? 0) - (order.get(b.template) ?? 0))
    .map(({ template, source }) => ({
      id: template.id,
      topic: template.topic,
      title: template.title,
      description: template.description,
      locale: template.locale,
      body: template.body,
      source,
    }));
}

export function insertClause(analysis: Analysis, params: InsertClauseParams, templates: readonly LoadedTemplate[]): TextEdit[] | null {
  const found = templates.find((t) => t.template.id === params.id && t.template.locale === analysis.locale) ?? templates.find((t) => t.template.id === params.id);
  if (!found) return null;
  const offset = analysis.document.offsetAt(params.position);
  return insertClauseEdits(analysis.doc, found.template, offset).map((edit) => lspEdit(analysis.document, edit));
}

const TITLES: Record<Locale, string> = { 'zh-CN': '人工智能模型训练服务合同', en: 'AI Model Training Services Agreement' };
const CURRENCIES: Record<Locale, string> = { 'zh-CN': 'CNY', en: 'USD' };

export function newContract(params: NewContractParams, templates: readonly LoadedTemplate[]): { text: string } {
  const locale: Locale = params.locale === 'en' ? 'en' : 'zh-CN';
  let chosen = templates.filter((t) => t.template.locale === locale).map((t) => t.template);
  if (params.ids) chosen = params.ids.flatMap((id) => chosen.filter((t) => t.id === id));
  else chosen = sortTemplates(chosen);
  return { text: composeContract(chosen, { title: params.title ?? TITLES[locale], locale, currency: CURRENCIES[locale] }) };
}
