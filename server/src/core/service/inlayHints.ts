/**
 * Inlay hints: the running total of instalments and sum groups, the words of
 * an amount written only in figures, and the number a clause reference should show.
 */
import type { ContractDocument, Span } from '../model.js';
import { clauseNumberText } from '../clauseNumber.js';
import { frontMatterLayout } from '../frontMatter/layout.js';
import { formatGrouped } from '../numbers/digits.js';
import { amountInWords } from '../values/amountInWords.js';
import { instalmentGroups, type InstalmentPart } from '../values/instalments.js';
import { t } from './messages.js';

export interface InlayHintText {
  readonly offset: number;
  readonly label: string;
  /** False for a hint that stands in for missing text (an empty reference), true beside text. */
  readonly padded: boolean;
}

/** The hints whose offsets fall within `within`, in document order. */
export function inlayHintsIn(doc: ContractDocument, within: Span): InlayHintText[] {
  const { locale } = doc;
  const hints: InlayHintText[] = [];
  const add = (offset: number, label: string, padded = true) => {
    if (offset >= within.start && offset <= within.end) hints.push({ offset, label, padded });
  };
  const total = (part: InstalmentPart, unit: string) => `Σ ${formatGrouped(part.runningTotal)}${unit}${part.openSoFar ? ' + ?' : ''}`;

  const entries = frontMatterLayout(doc).sections.get('fields')?.entries ?? [];
  for (const group of instalmentGroups(doc)) {
    if (group.kind === 'written') {
      for (const part of group.parts) add(part.mention.span.end, total(part, group.unit));
      continue;
    }
    for (const part of group.parts) {
      const entry = entries.find((e) => e.name === part.field.name && e.keySpan.start === part.field.declaration.start);
      add(entry?.end ?? part.field.declarationSpan.end, total(part, group.unit));
    }
  }

  for (const amount of doc.amounts) {
    if (amount.words !== undefined || amount.figure === undefined) continue;
    const words = amountInWords(amount.figure, doc.contractLocale);
    if (words) add(amount.span.end, t(locale, 'inWordsHint', { words }));
  }

  for (const reference of doc.references) {
    const clause = doc.clauses.find((c) => c.label === reference.label);
    if (!clause) continue;
    const number = clauseNumberText(doc, clause);
    if (reference.text.trim() === number) continue;
    if (reference.text.trim() === '') add(reference.textSpan.start, number, false);
    else add(reference.span.end, t(locale, 'referenceHint', { number }));
  }
  // Stable: hints at the same offset keep the order they were found in.
  return hints.sort((a, b) => a.offset - b.offset);
}
