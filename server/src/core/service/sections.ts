/**
 * The parts of a contract an editor folds and links: the front matter and
 * each clause's section, and each clause reference to the clause it names.
 */
import type { ContractDocument, Span } from '../model.js';
import { clauseWithLabel } from '../clauseByLabel.js';
import { clauseNumberText } from '../clauseNumber.js';

export interface FoldingSpan {
  readonly span: Span;
  readonly kind: 'frontMatter' | 'clause';
}

/** The front matter and each clause section, without the blank lines that end them. */
export function foldingSpans(doc: ContractDocument): FoldingSpan[] {
  const trimmed = (start: number, end: number): Span => {
    let e = end;
    while (e > start && /\s/.test(doc.text[e - 1]!)) e--;
    return { start, end: e };
  };
  const clauses = doc.clauses.map((clause): FoldingSpan => ({ span: trimmed(clause.span.start, clause.sectionEnd), kind: 'clause' }));
  const frontMatter = doc.frontMatter && { span: trimmed(doc.frontMatter.span.start, doc.frontMatter.span.end), kind: 'frontMatter' as const };
  return frontMatter ? [frontMatter, ...clauses] : clauses;
}

export interface ClauseLink {
  readonly span: Span;
  /** Where the clause it names begins. */
  readonly target: number;
  /** `3.2 Fees`: the clause's number and title. */
  readonly tooltip: string;
}

/** Every clause reference whose label a clause has. */
export function clauseLinks(doc: ContractDocument): ClauseLink[] {
  return doc.references.flatMap((reference) => {
    const clause = clauseWithLabel(doc, reference.label);
    return clause ? [{ span: reference.span, target: clause.span.start, tooltip: `${clauseNumberText(doc, clause)} ${clause.title}`.trim() }] : [];
  });
}
