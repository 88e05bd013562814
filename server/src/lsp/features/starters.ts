/**
 * An empty contract offers the New Contract templates in the file itself: a
 * code lens per template on the first line, and the same templates as
 * completion items there. Each title is in the template's own language (it
 * names a contract in that language), so no UI locale is needed.
 */
import { CompletionItemKind, type CodeLens, type CompletionItem } from 'vscode-languageserver';
import type { Locale } from '../../core/index.js';
import { NEW_CONTRACT_COMMAND, type ContractSize } from '../../protocol.js';
import type { Analysis } from '../analysis.js';

/** The text of a New Contract template (the server composes it from the clause library). */
export type ComposeContract = (params: { locale: Locale; size: ContractSize }) => string;

interface Starter {
  readonly locale: Locale;
  readonly size: ContractSize;
  readonly label: string;
  readonly detail: string;
}

const STARTERS: readonly Starter[] = [
  {
    locale: 'zh-CN',
    size: 'full',
    label: '新建中文合同（完整模板）',
    detail: '条款库全部条款：主体、数据、指标、交付、知识产权、费用、保密、风险、违约、争议、生效、签署',
  },
  { locale: 'zh-CN', size: 'short', label: '新建中文合同（一页模板）', detail: '主体、费用、争议与签署四条' },
  { locale: 'en', size: 'full', label: 'New contract in English (full template)', detail: 'Every clause of the library, from the parties to the signatures' },
  { locale: 'en', size: 'short', label: 'New contract in English (one-page template)', detail: 'Parties, fees, disputes and signatures' },
];

/** True when the document holds nothing but white space (and perhaps a BOM). */
export function isEmptyContract(analysis: Analysis): boolean {
  return analysis.doc.text.replace(/^\uFEFF/, '').trim() === '';
}

export function starterLenses(): CodeLens[] {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return STARTERS.map((s) => ({ range, command: { title: s.label, command: NEW_CONTRACT_COMMAND, arguments: [s.locale, s.size] } }));
}

export function starterItems(analysis: Analysis, compose: ComposeContract): CompletionItem[] {
  const { document } = analysis;
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
  // The contract's guessed language comes first; an empty file guesses nothing, so Chinese leads as the library does.
  return STARTERS.map((s, i): CompletionItem => ({
    label: s.label,
    kind: CompletionItemKind.File,
    detail: s.detail,
    filterText: `cm-new-contract ${s.locale === 'zh-CN' ? 'cm-zh-new-contract 新合同' : ''} ${s.size} ${s.label}`,
    sortText: String(i),
    textEdit: { range: whole, newText: compose({ locale: s.locale, size: s.size }) },
  }));
}
