import type { ContractDocument } from '../model.js';
import type { Check } from './types.js';
import type { CalendarDate } from '../numbers/dates.js';
import { compareDates, formatDate, isValidDate, parseChineseDate, parseEnglishDate, parseIsoDate } from '../numbers/dates.js';
import { isSignatureContext } from '../parse/scan/dates.js';

/**
 * A signature dated before the contract's declared effective date (`effective:`
 * in the front matter: a date field or a date) usually means one of them is wrong.
 */
export const signatureDate: Check = {
  id: 'signature-date',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'A signature is dated before the effective date the contract declares.',
      before: 'Signature dated {date}, before the effective date {effective}.',
      effective: 'The effective date: {effective}.',
    },
    'zh-CN': {
      summary: '签署日期早于合同声明的生效日期。',
      before: '签署日期 {date} 早于生效日期 {effective}。',
      effective: '生效日期：{effective}。',
    },
  },
  run({ doc, report }) {
    const effective = effectiveDate(doc);
    if (!effective || !isValidDate(effective.date)) return;
    const effectiveText = formatDate(effective.date, doc.locale);
    const related = effective.span ? [{ span: effective.span, key: 'effective', args: { effective: effectiveText } }] : [];
    const signatures: Array<{ span: { start: number; end: number }; date: CalendarDate }> = doc.dates.filter((d) => d.signature);
    for (const placeholder of doc.placeholders) {
      const parsed = doc.fields.get(placeholder.name)?.value?.parsed;
      if (parsed?.kind === 'date' && isSignatureContext(doc.text, placeholder.span.start)) signatures.push({ span: placeholder.span, date: parsed.date });
    }
    for (const signature of signatures) {
      if (!isValidDate(signature.date) || compareDates(signature.date, effective.date) >= 0) continue;
      report({ span: signature.span, key: 'before', args: { date: formatDate(signature.date, doc.locale), effective: effectiveText }, related });
    }
  },
};

function effectiveDate(doc: ContractDocument): { date: CalendarDate; span: { start: number; end: number } | undefined } | undefined {
  const effective = doc.meta.effective;
  if (effective === undefined) return undefined;
  const field = doc.fields.get(effective);
  if (field) {
    const parsed = field.value?.parsed;
    return parsed?.kind === 'date' ? { date: parsed.date, span: field.value?.span ?? field.declaration } : undefined;
  }
  const date = parseIsoDate(effective) ?? parseChineseDate(effective) ?? parseEnglishDate(effective);
  return date ? { date, span: doc.frontMatter?.contentSpan } : undefined;
}
