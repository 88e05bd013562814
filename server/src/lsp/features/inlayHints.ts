/**
 * Inlay hints: the running total of instalments and sum groups, the words of
 * an amount written only in figures, and the number a clause reference should show.
 */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import { amountInWords, clauseNumberText, instalmentGroups, numbers, type InstalmentPart } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { frontMatterLayout } from '../frontMatterLayout.js';
import { t } from '../messages.js';

export function inlayHints(analysis: Analysis, range: Range): InlayHint[] {
  const { doc, document, locale } = analysis;
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const hints: InlayHint[] = [];
  const add = (offset: number, label: string, kind?: InlayHintKind) => {
    if (offset < from || offset > to) return;
    hints.push({ position: document.positionAt(offset), label, paddingLeft: true, ...(kind ? { kind } : {}) });
  };
  const total = (part: InstalmentPart, unit: string) => `Σ ${numbers.formatGrouped(part.runningTotal)}${unit}${part.openSoFar ? ' + ?' : ''}`;

  const entries = frontMatterLayout(doc).fields?.entries ?? [];
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
