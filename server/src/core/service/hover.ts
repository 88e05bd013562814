/**
 * Hovers: what a field holds, what an amount says in words, what a clause
 * reference points at, what a blank expects.
 */
import type { AmountMention, Blank, ClauseReference, ContractDocument, Field, Locale, Span } from '../model.js';
import { clauseWithLabel } from '../clauseByLabel.js';
import { clauseNumberText } from '../clauseNumber.js';
import { formatGrouped } from '../numbers/digits.js';
import { linesOf } from '../docLines.js';
import { touches } from '../text/spans.js';
import { amountInWords, wordsLanguage } from '../values/amountInWords.js';
import { formatFigure, formatValue } from '../values/formatValue.js';
import { sameFactElsewhere, type FactStatements } from '../facts/statements.js';
import { typeName } from '../i18n/typeNames.js';
import { t } from './messages.js';
import { symbolAt } from './occurrences.js';

/** What to show over a span: Markdown in the message locale. */
export interface HoverText {
  readonly markdown: string;
  readonly span: Span;
}

/** How much of a referenced clause's section the hover quotes. */
const SECTION_PREVIEW_LENGTH = 300;

/** The hover at `offset`: a clause reference, a field, an amount or a blank; undefined elsewhere. */
export function hoverAt(doc: ContractDocument, offset: number): HoverText | undefined {
  const { locale } = doc;
  const markdown = (value: string, span: Span): HoverText => ({ markdown: value, span });

  const reference = doc.references.find((r) => touches(r.span, offset));
  if (reference) return markdown(referenceHover(doc, reference, locale), reference.span);

  const symbol = symbolAt(doc, offset);
  if (symbol?.kind === 'field') {
    const field = doc.fields.get(symbol.name);
    if (field) return markdown(fieldHover(doc, field), symbol.span);
  }

  // A placeholder says more about its field than about the amount it stands in.
  const placeholder = doc.placeholders.find((p) => touches(p.span, offset));
  const field = placeholder ? doc.fields.get(placeholder.name) : undefined;
  if (placeholder && field) return markdown(fieldHover(doc, field), placeholder.span);

  // A fact stated in several places (an instalment, a deadline, a name) lists them all.
  const statements = sameFactElsewhere(doc, offset);
  const elsewhere = statements ? `\n\n${statementsHover(doc, statements)}` : '';
  const amount = doc.amounts.find((a) => touches(a.figureSpan, offset) || (a.words !== undefined && touches(a.words.span, offset)));
  if (amount) return markdown(amountHover(amount, locale, doc.contractLocale) + elsewhere, amount.span);
  if (statements) return markdown(elsewhere.trimStart(), statements.span);

  const blank = doc.blanks.find((b) => touches(b.span, offset));
  if (blank) return markdown(blankHover(blank, locale), blank.span);
  return undefined;
}

function statementsHover(doc: ContractDocument, statements: FactStatements): string {
  const { locale } = doc;
  const lines = linesOf(doc);
  const out = [`**${t(locale, 'statedElsewhere')}**`, ''];
  for (const place of statements.others) {
    const line = lines.positionAt(place.span.start).line + 1;
    out.push(`- ${t(locale, 'statedAt', { line, value: `\`${place.value}\`` })} · ${t(locale, place.disagrees ? 'statedDisagrees' : 'statedAgrees')}`);
  }
  return out.join('\n');
}

function fieldHover(doc: ContractDocument, field: Field): string {
  const { locale } = doc;
  const line = linesOf(doc).positionAt(field.declaration.start).line + 1;
  const uses = doc.placeholders.filter((p) => p.name === field.name).length;
  const lines = [
    `**${t(locale, 'field')}** \`${field.name}\``,
    '',
    labelled(locale, 'type', t(locale, 'typeValue', { type: field.type, name: typeName(locale, field.type) })),
    '',
    labelled(locale, 'value', valueText(field, locale, doc.contractLocale)),
  ];
  if (field.options?.length) lines.push('', labelled(locale, 'options', field.options.map((o, i) => `${i + 1}. ${o}`).join(locale === 'zh-CN' ? '；' : '; ')));
  if (field.group) lines.push('', labelled(locale, 'group', field.group));
  if (field.description) lines.push('', labelled(locale, 'description', field.description));
  lines.push(
    '',
    `${t(locale, field.declaredIn === 'front-matter' ? 'declaredFrontMatter' : 'declaredInline', { line })} · ${uses === 0 ? t(locale, 'usesNone') : uses === 1 ? t(locale, 'usesOne') : t(locale, 'uses', { count: uses })}`,
  );
  return lines.join('\n');
}

/** `类型：…` / `Type: …`: a Chinese hover uses the full-width colon. */
function labelled(locale: Locale, key: 'type' | 'value' | 'options' | 'group' | 'description' | 'inWords', value: string): string {
  return t(locale, 'labelled', { label: t(locale, key), value });
}

function valueText(field: Field, locale: Locale, contractLocale: Locale): string {
  const value = field.value;
  if (!value) return `*${t(locale, 'noValue')}*`;
  const source = value.source === 'data' ? ` (${t(locale, 'fromData')})` : '';
  if (!value.parsed) return t(locale, 'unreadableValue', { raw: value.raw, type: field.type }) + source;
  return formatValue(value.parsed, contractLocale) + source;
}

function amountHover(amount: AmountMention, locale: Locale, contractLocale: Locale): string {
  const lines = [`**${t(locale, 'amount')}**`];
  if (amount.figure === undefined) {
    lines.push('', t(locale, 'figureOpen'));
    return lines.join('\n');
  }
  const figure = `${amount.currency ?? ''} ${formatFigure(amount.figure)}`.trim();
  // Words in the language the contract would write them in, whatever language the hover speaks.
  const language = amount.words?.language ?? wordsLanguage(contractLocale);
  const words = amountInWords(amount.figure, language);
  lines.push('', figure, '', labelled(locale, 'inWords', words || '—'), '');
  const written = amount.words;
  if (!written) lines.push(t(locale, 'wordsMissing'));
  else if (written.derived) lines.push(t(locale, 'wordsDerived'));
  else if (written.value === undefined) lines.push(t(locale, 'wordsUnread'));
  else if (Math.round(written.value * 100) === Math.round(amount.figure * 100)) lines.push(t(locale, 'wordsAgree'));
  else lines.push(t(locale, 'wordsDisagree', { words: formatGrouped(written.value), figure: formatGrouped(amount.figure) }));
  return lines.join('\n');
}

function referenceHover(doc: ContractDocument, reference: ClauseReference, locale: Locale): string {
  const clause = clauseWithLabel(doc, reference.label);
  if (!clause) return t(locale, 'clauseMissing', { label: reference.label });
  const number = clauseNumberText(doc, clause);
  const section = doc.text.slice(clause.span.start, clause.sectionEnd).trim();
  const preview = section.length > SECTION_PREVIEW_LENGTH ? `${section.slice(0, SECTION_PREVIEW_LENGTH)}…` : section;
  const quoted = preview
    .split(/\r\n|\r|\n/)
    .map((line) => `> ${line}`)
    .join('\n');
  return `**${t(locale, 'clause', { number })}** ${clause.title}\n\n${quoted}`;
}

function blankHover(blank: Blank, locale: Locale): string {
  const lines = [`**${t(locale, 'blank')}** \`${blank.kind}\``, ''];
  lines.push(
    blank.expects
      ? t(locale, 'blankExpects', { type: t(locale, 'typeValue', { type: blank.expects, name: typeName(locale, blank.expects) }) })
      : t(locale, 'blankExpectsUnknown'),
  );
  if (blank.label) lines.push('', t(locale, 'blankLabel', { label: blank.label }));
  lines.push('', t(locale, 'blankHint', { action: t(locale, 'blankToPlaceholder', { placeholder: '{{…}}' }) }));
  return lines.join('\n');
}
