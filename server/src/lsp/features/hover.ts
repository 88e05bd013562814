/**
 * Hovers: what a field holds, what an amount says in words, what a clause
 * reference points at, what a blank expects.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { clauseNumberText, numbers, type AmountMention, type Blank, type ClauseReference, type ContractDocument, type Field, type Locale, type TypedValue } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { rangeOf, touches } from '../convert.js';
import { t, typeName } from '../messages.js';
import { symbolAt } from '../occurrences.js';

/** How much of a referenced clause's section the hover quotes. */
const SECTION_PREVIEW_LENGTH = 300;

export function hover(analysis: Analysis, position: Position): Hover | null {
  const { doc, document, locale } = analysis;
  const offset = document.offsetAt(position);
  const markdown = (value: string, span: { start: number; end: number }): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: rangeOf(document, span),
  });

  const reference = doc.references.find((r) => touches(r.span, offset));
  if (reference) return markdown(referenceHover(doc, reference, locale), reference.span);

  const symbol = symbolAt(doc, offset);
  if (symbol?.kind === 'field') {
    const field = doc.fields.get(symbol.name);
    if (field) return markdown(fieldHover(analysis, field), symbol.span);
  }

  // A placeholder says more about its field than about the amount it stands in.
  const placeholder = doc.placeholders.find((p) => touches(p.span, offset));
  const field = placeholder ? doc.fields.get(placeholder.name) : undefined;
  if (placeholder && field) return markdown(fieldHover(analysis, field), placeholder.span);

  const amount = doc.amounts.find((a) => touches(a.figureSpan, offset) || (a.words !== undefined && touches(a.words.span, offset)));
  if (amount) return markdown(amountHover(amount, locale, analysis.contractLocale), amount.span);

  const blank = doc.blanks.find((b) => touches(b.span, offset));
  if (blank) return markdown(blankHover(blank, locale), blank.span);
  return null;
}

function fieldHover(analysis: Analysis, field: Field): string {
  const { doc, document, locale } = analysis;
  const line = document.positionAt(field.declaration.start).line + 1;
  const uses = doc.placeholders.filter((p) => p.name === field.name).length;
  const lines = [
    `**${t(locale, 'field')}** \`${field.name}\``,
    '',
    `${t(locale, 'type')}: \`${field.type}\` (${typeName(locale, field.type)})`,
    '',
    `${t(locale, 'value')}: ${valueText(field, locale, analysis.contractLocale)}`,
  ];
  if (field.options?.length) lines.push('', `${t(locale, 'options')}: ${field.options.map((o, i) => `${i + 1}. ${o}`).join('; ')}`);
  if (field.group) lines.push('', `${t(locale, 'group')}: ${field.group}`);
  if (field.description) lines.push('', `${t(locale, 'description')}: ${field.description}`);
  const declared = t(locale, field.declaredIn === 'front-matter' ? 'declaredFrontMatter' : 'declaredInline', { line });
  const used = uses === 0 ? t(locale, 'usesNone') : uses === 1 ? t(locale, 'usesOne') : t(locale, 'uses', { count: uses });
  lines.push('', `${declared} · ${used}`);
  return lines.join('\n');
}

function valueText(field: Field, locale: Locale, contractLocale: Locale): string {
  const value = field.value;
  if (!value) return `*${t(locale, 'noValue')}*`;
  const source = value.source === 'data' ? ` (${t(locale, 'fromData')})` : '';
  if (!value.parsed) return t(locale, 'unreadableValue', { raw: value.raw, type: field.type }) + source;
  return formatValue(value.parsed, contractLocale) + source;
}

/** A typed value as the contract would write it, in `locale` (the contract's language). */
export function formatValue(value: TypedValue, locale: Locale): string {
  switch (value.kind) {
    case 'money': {
      const figure = `${value.currency} ${numbers.formatGrouped(value.amount, value.amount % 1 === 0 ? 0 : 2)}`;
      const words = amountInWords(value.amount, locale);
      return words ? `${figure} (${words})` : figure;
    }
    case 'number':
      return numbers.formatGrouped(value.value);
    case 'percent':
      return `${value.value}%`;
    case 'date':
      return numbers.formatDate(value.date, locale);
    case 'duration':
      return value.text;
    case 'party':
      return value.party;
    case 'choice':
      return `${value.option} (${value.index + 1})`;
    case 'text':
      return value.text;
  }
}

/** The amount in words: 大写 for Chinese, English words otherwise; '' when it cannot be written. */
export function amountInWords(amount: number, locale: Locale | 'zh' | 'en'): string {
  return locale === 'en' ? numbers.encodeEnglishNumber(amount) : numbers.encodeChineseMoney(amount);
}

function amountHover(amount: AmountMention, locale: Locale, contractLocale: Locale): string {
  const lines = [`**${t(locale, 'amount')}**`];
  if (amount.figure === undefined) {
    lines.push('', t(locale, 'figureOpen'));
    return lines.join('\n');
  }
  const figure = `${amount.currency ?? ''} ${numbers.formatGrouped(amount.figure, amount.figure % 1 === 0 ? 0 : 2)}`.trim();
  // Words in the language the contract would write them in, whatever language the hover speaks.
  const language = amount.words?.language ?? (contractLocale === 'zh-CN' ? 'zh' : 'en');
  const words = amountInWords(amount.figure, language);
  lines.push('', figure, '', `${t(locale, 'inWords')}: ${words || '—'}`, '');
  const written = amount.words;
  if (!written) lines.push(t(locale, 'wordsMissing'));
  else if (written.derived) lines.push(t(locale, 'wordsDerived'));
  else if (written.value === undefined) lines.push(t(locale, 'wordsUnread'));
  else if (Math.round(written.value * 100) === Math.round(amount.figure * 100)) lines.push(t(locale, 'wordsAgree'));
  else lines.push(t(locale, 'wordsDisagree', { words: numbers.formatGrouped(written.value), figure: numbers.formatGrouped(amount.figure) }));
  return lines.join('\n');
}

function referenceHover(doc: ContractDocument, reference: ClauseReference, locale: Locale): string {
  const clause = doc.clauses.find((c) => c.label === reference.label);
  if (!clause) return t(locale, 'clauseMissing', { label: reference.label });
  const number = clauseNumberText(doc, clause);
  const section = doc.text.slice(clause.span.start, clause.sectionEnd).trim();
  const preview = section.length > SECTION_PREVIEW_LENGTH ? `${section.slice(0, SECTION_PREVIEW_LENGTH)}…` : section;
  const quoted = preview.split(/\r\n|\r|\n/).map((line) => `> ${line}`).join('\n');
  return `**${t(locale, 'clause', { number })}** ${clause.title}\n\n${quoted}`;
}

function blankHover(blank: Blank, locale: Locale): string {
  const lines = [`**${t(locale, 'blank')}** \`${blank.kind}\``, ''];
  lines.push(blank.expects ? t(locale, 'blankExpects', { type: `\`${blank.expects}\` (${typeName(locale, blank.expects)})` }) : t(locale, 'blankExpectsUnknown'));
  if (blank.label) lines.push('', t(locale, 'blankLabel', { label: blank.label }));
  lines.push('', t(locale, 'blankHint', { action: t(locale, 'blankToPlaceholder', { placeholder: '{{…}}' }) }));
  return lines.join('\n');
}
