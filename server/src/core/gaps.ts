import type { ContractDocument, FieldType, GapStyle, Span } from './model.js';

/** One place still to fill in: a legacy blank or a placeholder whose field has no value. */
export interface Gap {
  readonly span: Span;
  readonly kind: 'blank' | 'placeholder';
  /** How the gap is written; `placeholder` for an unfilled Clausemark placeholder. */
  readonly style: GapStyle | 'placeholder';
  /** The words before a blank, or the field name of a placeholder. */
  readonly label: string | undefined;
  readonly field: string | undefined;
  readonly type: FieldType | undefined;
}

/** Every open gap in document order: what the "next gap" command and the status bar count. */
export function listGaps(doc: ContractDocument): Gap[] {
  const gaps: Gap[] = doc.blanks.map((b) => ({ span: b.span, kind: 'blank', style: b.style, label: b.label, field: undefined, type: b.expects }));
  for (const placeholder of doc.placeholders) {
    const field = doc.fields.get(placeholder.name);
    if (!field || field.value !== undefined) continue;
    gaps.push({
      span: placeholder.span,
      kind: 'placeholder',
      style: 'placeholder',
      label: field.description ?? field.name,
      field: field.name,
      type: field.type,
    });
  }
  return gaps.sort((a, b) => a.span.start - b.span.start);
}
