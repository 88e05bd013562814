/**
 * Inlay hints: the running total of instalments and sum groups, the words of
 * an amount written only in figures, and the number a clause reference should show.
 */
import type { ContractDocument, Span } from '../model.js';
import { clauseWithLabel } from '../clauseByLabel.js';
import { clauseNumberText } from '../clauseNumber.js';
import { frontMatterLayout } from '../frontMatter/layout.js';
import { formatGrouped } from '../numbers/digits.js';
import { amountInWords } from '../values/amountInWords.js';
import { instalmentGroups } from '../facts/instalmentGroups.js';
import type { InstalmentPart } from '../values/instalments.js';
import { t } from './messages.js';

export interface InlayHintText {
  readonly offset: number;
  readonly label: string;
  /** False for a hint that stands in for missing text (an empty reference), true beside text. */
  readonly padded: boolean;
}

/** Where a hint may go; its label is made only when the hint is asked for, since most never are. */
interface HintSite {
  readonly offset: number;
  readonly padded: boolean;
  /** The label, or undefined when the site turns out to need no hint. */
  readonly label: () => string | undefined;
}

const sitesOf = new WeakMap<ContractDocument, readonly HintSite[]>();

/**
 * The hints whose offsets fall within `within`, in document order. The sites
 * are found once per model and sorted, so a request for the visible lines
 * costs a binary search and the labels of those lines, not the whole contract.
 */
export function inlayHintsIn(doc: ContractDocument, within: Span): InlayHintText[] {
  const sites = hintSites(doc);
  const hints: InlayHintText[] = [];
  for (let i = firstAtOrAfter(sites, within.start); i < sites.length && sites[i]!.offset <= within.end; i++) {
    const site = sites[i]!;
    const label = site.label();
    if (label !== undefined) hints.push({ offset: site.offset, label, padded: site.padded });
  }
  return hints;
}

function hintSites(doc: ContractDocument): readonly HintSite[] {
  const cached = sitesOf.get(doc);
  if (cached) return cached;
  const { locale } = doc;
  const sites: HintSite[] = [];
  const total = (part: InstalmentPart, unit: string) => `Σ ${formatGrouped(part.runningTotal)}${unit}${part.openSoFar ? ' + ?' : ''}`;

  const entries = new Map<string, number>();
  for (const entry of frontMatterLayout(doc).sections.get('fields')?.entries ?? []) {
    const key = `${entry.keySpan.start}:${entry.name}`;
    if (!entries.has(key)) entries.set(key, entry.end);
  }
  for (const group of instalmentGroups(doc)) {
    if (group.kind === 'written') {
      for (const part of group.parts) sites.push({ offset: part.mention.span.end, padded: true, label: () => total(part, group.unit) });
      continue;
    }
    for (const part of group.parts) {
      const offset = entries.get(`${part.field.declaration.start}:${part.field.name}`) ?? part.field.declarationSpan.end;
      sites.push({ offset, padded: true, label: () => total(part, group.unit) });
    }
  }

  for (const amount of doc.amounts) {
    const figure = amount.figure;
    if (amount.words !== undefined || figure === undefined) continue;
    sites.push({
      offset: amount.span.end,
      padded: true,
      label: () => {
        const words = amountInWords(figure, doc.contractLocale);
        return words ? t(locale, 'inWordsHint', { words }) : undefined;
      },
    });
  }

  for (const reference of doc.references) {
    const clause = clauseWithLabel(doc, reference.label);
    if (!clause) continue;
    const empty = reference.text.trim() === '';
    const label = () => {
      const number = clauseNumberText(doc, clause);
      if (reference.text.trim() === number) return undefined;
      return empty ? number : t(locale, 'referenceHint', { number });
    };
    sites.push({ offset: empty ? reference.textSpan.start : reference.span.end, padded: !empty, label });
  }
  // Stable: hints at the same offset keep the order they were found in.
  sites.sort((a, b) => a.offset - b.offset);
  sitesOf.set(doc, sites);
  return sites;
}

/** Index of the first site at or after `offset` (the length when none is). */
function firstAtOrAfter(sites: readonly HintSite[], offset: number): number {
  let low = 0;
  let high = sites.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sites[mid]!.offset < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
