/**
 * Names that appear in several places: fields (front-matter keys, inline
 * declarations, placeholders, `values:` keys, `effective:`) and clause labels
 * (`{#label}` and `[..](#label)`). Definition, references, rename and
 * highlights all start here.
 */
import type { ContractDocument, Span } from '../model.js';
import { clauseWithLabel } from '../clauseByLabel.js';
import { frontMatterLayout } from '../frontMatter/layout.js';
import { touches } from '../text/spans.js';

export type SymbolKind = 'field' | 'label';

export interface Occurrence {
  readonly span: Span;
  /** A declaration (front-matter key, inline declaration, `{#label}`) rather than a use. */
  readonly declaration: boolean;
}

export interface SymbolAt {
  readonly kind: SymbolKind;
  readonly name: string;
  /** The name under the cursor. */
  readonly span: Span;
}

/** The field or label whose name is at `offset`, if any. */
export function symbolAt(doc: ContractDocument, offset: number): SymbolAt | undefined {
  for (const placeholder of doc.placeholders) {
    if (touches(placeholder.nameSpan, offset)) return { kind: 'field', name: placeholder.name, span: placeholder.nameSpan };
  }
  for (const list of doc.declarations.values()) {
    for (const field of list) {
      if (field.declaredIn === 'front-matter' && touches(field.declaration, offset)) return { kind: 'field', name: field.name, span: field.declaration };
    }
  }
  const layout = frontMatterLayout(doc);
  for (const [name, spans] of layout.valueKeys) {
    for (const span of spans) if (touches(span, offset)) return { kind: 'field', name, span };
  }
  if (layout.effective && doc.fields.has(layout.effective.value) && touches(layout.effective.span, offset)) {
    return { kind: 'field', name: layout.effective.value, span: layout.effective.span };
  }
  for (const clause of doc.clauses) {
    const inner = labelInner(clause.labelSpan);
    if (clause.label !== undefined && inner && touches(inner, offset)) return { kind: 'label', name: clause.label, span: inner };
  }
  for (const reference of doc.references) {
    if (touches(reference.labelSpan, offset)) return { kind: 'label', name: reference.label, span: reference.labelSpan };
  }
  return undefined;
}

/** Every place the symbol's name is written, in document order, each once. */
export function occurrencesOf(doc: ContractDocument, symbol: Pick<SymbolAt, 'kind' | 'name'>): Occurrence[] {
  const found: Occurrence[] = [];
  const add = (span: Span, declaration: boolean) => {
    const same = found.find((o) => o.span.start === span.start);
    if (same) {
      if (declaration && !same.declaration) found[found.indexOf(same)] = { span, declaration };
      return;
    }
    found.push({ span, declaration });
  };
  if (symbol.kind === 'field') {
    for (const field of doc.declarations.get(symbol.name) ?? []) add(field.declaration, true);
    for (const placeholder of doc.placeholders) if (placeholder.name === symbol.name) add(placeholder.nameSpan, false);
    const layout = frontMatterLayout(doc);
    for (const span of layout.valueKeys.get(symbol.name) ?? []) add(span, false);
    if (layout.effective?.value === symbol.name) add(layout.effective.span, false);
  } else {
    for (const clause of doc.clauses) {
      const inner = labelInner(clause.labelSpan);
      if (clause.label === symbol.name && inner) add(inner, true);
    }
    for (const reference of doc.references) if (reference.label === symbol.name) add(reference.labelSpan, false);
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** Where the symbol is defined: the first declaration of a field, the clause carrying a label. */
export function definitionOf(doc: ContractDocument, symbol: Pick<SymbolAt, 'kind' | 'name'>): Span | undefined {
  if (symbol.kind === 'field') return doc.fields.get(symbol.name)?.declaration;
  const clause = clauseWithLabel(doc, symbol.name);
  return labelInner(clause?.labelSpan);
}

/** `{#label}` → the span of `label` alone. */
export function labelInner(span: Span | undefined): Span | undefined {
  return span ? { start: span.start + 2, end: span.end - 1 } : undefined;
}

/** Where the field or label at `offset` is declared; on a reference's link text (`[一](#fees)`) too, where a drafter's cursor is. */
export function definitionAt(doc: ContractDocument, offset: number): Span | undefined {
  const reference = doc.references.find((r) => r.span.start <= offset && offset <= r.span.end);
  const symbol = symbolAt(doc, offset) ?? (reference && { kind: 'label' as const, name: reference.label });
  return symbol && definitionOf(doc, symbol);
}

/** Where the field or label at `offset` occurs, its declarations too when asked. */
export function referencesAt(doc: ContractDocument, offset: number, includeDeclaration: boolean): Span[] {
  const symbol = symbolAt(doc, offset);
  return symbol ? occurrencesOf(doc, symbol).flatMap((o) => (includeDeclaration || !o.declaration ? [o.span] : [])) : [];
}
