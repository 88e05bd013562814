/**
 * An empty contract offers the New Contract templates in the file itself.
 * Each title is in the template's own language (it names a contract in that
 * language), so no message locale is needed. Chinese leads, as in the library.
 */
import type { ContractDocument, Locale } from '../model.js';
import { newContractText, type LibraryTemplate } from '../clauses/library.js';
import type { CompletionCandidate } from './completion.js';

export interface Starter {
  readonly locale: Locale;
  readonly size: 'full' | 'short';
  readonly label: string;
  readonly detail: string;
  /** The words a completion matches on: the snippet prefixes of the same templates. */
  readonly filterText: string;
}

const starter = (locale: Locale, size: 'full' | 'short', label: string, detail: string): Starter => ({
  locale,
  size,
  label,
  detail,
  filterText: `cm-new-contract ${locale === 'zh-CN' ? 'cm-zh-new-contract 新合同' : ''} ${size} ${label}`,
});

export const STARTERS: readonly Starter[] = [
  starter('zh-CN', 'full', '新建中文合同（完整模板）', '条款库全部条款：主体、数据、指标、交付、知识产权、费用、保密、风险、违约、争议、生效、签署'),
  starter('zh-CN', 'short', '新建中文合同（一页模板）', '主体、费用、争议与签署四条'),
  starter('en', 'full', 'New contract in English (full template)', 'Every clause of the library, from the parties to the signatures'),
  starter('en', 'short', 'New contract in English (one-page template)', 'Parties, fees, disputes and signatures'),
];

/** True when the document holds nothing but white space (and perhaps a BOM): the starters replace it. */
export function isEmptyContract(doc: ContractDocument): boolean {
  return doc.text.replace(/^\uFEFF/, '').trim() === '';
}

/** The starters as completions on an empty contract, each replacing it with its template composed from `templates`. */
export function starterCandidates(doc: ContractDocument, templates: readonly LibraryTemplate[]): CompletionCandidate[] {
  const replace = { start: 0, end: doc.text.length };
  return STARTERS.map((s, i) => {
    const newText = newContractText(templates, s.locale, { size: s.size });
    return { label: s.label, kind: 'contract', detail: s.detail, filterText: s.filterText, sortText: String(i), replace, newText };
  });
}
