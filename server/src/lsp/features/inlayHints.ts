/**
 * Inlay hints: the running total of instalments and sum groups, the words of
 * an amount written only in figures, and the number a clause reference should show.
 */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import { clauseNumberText, numbers } from '../../core/index.js';
import { writtenGroups } from '../../core/checks/percentSum.js';
import type { Analysis } from '../analysis.js';
import { frontMatterLayout } from '../frontMatterLayout.js';
import { t } from '../messages.js';
import { amountInWords } from './hover.js';

export function inlayHints(analysis: Analysis, range: Range): InlayHint[] {
  const { doc, document, locale } = analysis;
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const hints: InlayHint[] = [];
  const add = (offset: number, label: string, kind?: InlayHintKind) => {
    if (offset < from || offset > to) return;
    hints.push({ position: document.positionAt(offset), label, paddingLeft: true, ...(kind ? { kind } : {}) });
  };
  const total = (sum: number, open: boolean, unit: string) => `Σ ${numbers.formatGrouped(Math.round(sum * 10000) / 10000)}${unit}${open ? ' + ?' : ''}`;

  const inDeclaredGroup = new Set(doc.groups.flatMap((g) => g.members.filter((m) => doc.fields.has(m))));
  for (const mentions of writtenGroups(doc, inDeclaredGroup)) {
    let sum = 0;
    let open = false;
    for (const mention of mentions) {
      if (mention.value === undefined) open = true;
      else sum += mention.value;
      add(mention.span.end, total(sum, open, '%'));
    }
  }

  const entries = frontMatterLayout(doc).fields?.entries ?? [];
  for (const group of doc.groups) {
    const fields = group.members.map((name) => doc.fields.get(name)).filter((f) => f !== undefined);
    if (fields.length < 2) continue;
    const unit = fields.every((f) => f.type === 'percent') ? '%' : '';
    let sum = 0;
    let open = false;
    for (const field of fields) {
      const parsed = field.value?.parsed;
      const value = parsed?.kind === 'percent' || parsed?.kind === 'number' ? parsed.value : parsed?.kind === 'money' ? parsed.amount : undefined;
      if (value === undefined) open = true;
      else sum += value;
      const entry = entries.find((e) => e.name === field.name && e.keySpan.start === field.declaration.start);
      add(entry?.end ?? field.declarationSpan.end, total(sum, open, unit));
    }
  }

  for (const amount of doc.amounts) {
    if (amount.words !== undefined || amount.figure === undefined) continue;
    const words = amountInWords(amount.figure, analysis.contractLocale);
    if (words) add(amount.span.end, t(locale, 'inWordsHint', { words }));
  }

  for (const reference of doc.references) {
    const clause = doc.clauses.find((c) => c.label === reference.label);
    if (!clause) continue;
    const number = clauseNumberText(doc, clause);
    if (reference.text.trim() === number) continue;
    if (reference.text.trim() === '') {
      hints.push(...(reference.textSpan.start >= from && reference.textSpan.start <= to ? [{ position: document.positionAt(reference.textSpan.start), label: number }] : []));
    } else {
      add(reference.span.end, t(locale, 'referenceHint', { number }));
    }
  }
  return hints.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}
