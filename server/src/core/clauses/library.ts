/**
 * The clause library as a whole: the templates of one language in contract
 * order, the one to insert for an id, and a new contract composed of them.
 */
import type { Locale } from '../model.js';
import { composeContractInSteps, runSteps } from './compose.js';
import { sortTemplates, type ClauseTemplate } from './template.js';

/** A template of the clause library, and whether it came with Clausemark or from the workspace. */
export interface LibraryTemplate {
  readonly template: ClauseTemplate;
  readonly source: 'bundled' | 'workspace';
}

/** A template as a picker lists it. */
export interface ClauseListing {
  readonly id: string;
  readonly topic: string;
  readonly title: string;
  readonly description: string;
  readonly locale: Locale;
  readonly body: string;
  readonly source: 'bundled' | 'workspace';
}

/** The templates written in `locale`, in contract order. */
export function listClauses(templates: readonly LibraryTemplate[], locale: Locale): ClauseListing[] {
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

/** The template with `id`, in `locale` when there is one in it. */
export function findClause(templates: readonly LibraryTemplate[], id: string, locale: Locale): ClauseTemplate | undefined {
  return (templates.find((t) => t.template.id === id && t.template.locale === locale) ?? templates.find((t) => t.template.id === id))?.template;
}

const TITLES: Record<Locale, string> = { 'zh-CN': '人工智能模型训练服务合同', en: 'AI Model Training Services Agreement' };
const CURRENCIES: Record<Locale, string> = { 'zh-CN': 'CNY', en: 'USD' };

/** The one-page agreement: who, how much, where disputes go, and the signatures. */
const SHORT_CONTRACT = ['parties', 'fees-payment', 'disputes', 'signature'];

/**
 * A whole contract of the templates in `locale`: the ones named by `ids` in
 * that order, else the one-page set for `size: 'short'`, else all of them in
 * contract order.
 */
export function newContractText(templates: readonly LibraryTemplate[], locale: Locale, options: NewContractOptions = {}): string {
  return runSteps(newContractTextInSteps(templates, locale, options));
}

export interface NewContractOptions {
  readonly ids?: readonly string[] | undefined;
  readonly title?: string | undefined;
  readonly size?: 'full' | 'short' | undefined;
}

/** newContractText a clause at a time (see composeContractInSteps). */
export function newContractTextInSteps(templates: readonly LibraryTemplate[], locale: Locale, options: NewContractOptions = {}): Generator<void, string> {
  let chosen = templates.filter((t) => t.template.locale === locale).map((t) => t.template);
  const ids = options.ids ?? (options.size === 'short' ? SHORT_CONTRACT : undefined);
  if (ids) chosen = ids.flatMap((id) => chosen.filter((t) => t.id === id));
  else chosen = sortTemplates(chosen);
  return composeContractInSteps(chosen, { title: options.title ?? TITLES[locale], locale, currency: CURRENCIES[locale] });
}
