/**
 * "Extract repeated value into a field": a literal written more than once in
 * the body (an amount, a number, a date, a name) becomes `{{newField}}`
 * everywhere, declared once under `fields:` with the value it had.
 */
import type { ContractDocument, FieldType, Span, TextEdit } from '../model.js';
import * as numbers from '../numbers/index.js';
import { insertDeclarations } from '../frontMatter/insertDeclarations.js';
import { yamlScalar } from '../frontMatter/yamlScalar.js';

export interface Extraction {
  readonly name: string;
  readonly type: FieldType;
  readonly value: string;
  readonly occurrences: number;
  readonly edits: TextEdit[];
}

const BASE_NAME = 'newField';
const MAX_VALUE_LENGTH = 200;

/** The extraction for the selected text, or undefined when it does not qualify. */
export function extractField(doc: ContractDocument, selection: Span): Extraction | undefined {
  const raw = doc.text.slice(selection.start, selection.end);
  const value = raw.trim();
  if (value === '' || value.length > MAX_VALUE_LENGTH || /[\r\n{}]/.test(value)) return undefined;
  const start = selection.start + raw.indexOf(value);
  const selected: Span = { start, end: start + value.length };
  if (!inBody(doc, selected)) return undefined;
  if (doc.frontMatter && !doc.frontMatter.layout.parses) return undefined;

  // `30%`: the field holds 30 and the text keeps its `%`, as instalments are written.
  const percent = /^([\d.,]+)\s*[%％]$/.exec(value);
  const literal = percent ? percent[1]! : value;
  const type = percent ? 'percent' : inferType(doc, literal, selected);
  const spans = occurrences(doc, literal, percent !== null);
  if (spans.length < 2 || !spans.some((s) => s.start === selected.start)) return undefined;

  let name = BASE_NAME;
  for (let n = 2; doc.fields.has(name) || doc.parties.some((p) => p.key === name); n++) name = `${BASE_NAME}${n}`;
  const declaration = insertDeclarations(doc, { fields: [`${name}: { type: ${type}, value: ${yamlScalar(literal, 'value')} }`] });
  if (declaration.refused.length > 0) return undefined;
  return {
    name,
    type,
    value: literal,
    occurrences: spans.length,
    edits: [...declaration.edits, ...spans.map((span) => ({ span, newText: `{{${name}}}` }))],
  };
}

function inBody(doc: ContractDocument, span: Span): boolean {
  if (doc.frontMatter && span.start < doc.frontMatter.span.end) return false;
  return !insideAny(doc, span);
}

/** Inside a placeholder, a blank or a clause label: not literal contract text. */
function insideAny(doc: ContractDocument, span: Span): boolean {
  const within = (outer: Span | undefined) => outer !== undefined && span.start < outer.end && outer.start < span.end;
  return (
    doc.placeholders.some((p) => within(p.span)) ||
    doc.blanks.some((b) => within(b.span)) ||
    doc.clauses.some((c) => within(c.labelSpan)) ||
    doc.references.some((r) => within({ start: r.textSpan.end, end: r.span.end }))
  );
}

function inferType(doc: ContractDocument, literal: string, selected: Span): FieldType {
  if (numbers.parseIsoDate(literal) ?? numbers.parseChineseDate(literal) ?? numbers.parseEnglishDate(literal)) return 'date';
  const isAmountFigure = doc.amounts.some((a) => a.figureSpan.start === selected.start && a.figureSpan.end === selected.end);
  if (numbers.parseNumberLiteral(literal) !== undefined) return isAmountFigure ? 'money' : 'number';
  return 'text';
}

/** Every place the literal is written in the body as a whole token, outside placeholders and blanks. */
function occurrences(doc: ContractDocument, literal: string, percent: boolean): Span[] {
  const spans: Span[] = [];
  const bodyStart = doc.frontMatter?.span.end ?? 0;
  const numeric = /^[\d.,]+$/.test(literal);
  const word = /^[A-Za-z0-9]/.test(literal);
  for (let at = doc.text.indexOf(literal, bodyStart); at >= 0; at = doc.text.indexOf(literal, at + literal.length)) {
    const span = { start: at, end: at + literal.length };
    const before = doc.text[at - 1] ?? '';
    const after = doc.text[span.end] ?? '';
    if (numeric && (/[\d.,]/.test(before) || /\d/.test(after) || (/[.,]/.test(after) && /\d/.test(doc.text[span.end + 1] ?? '')))) continue;
    if (word && (/[A-Za-z0-9_]/.test(before) || /[A-Za-z0-9_]/.test(after))) continue;
    if (percent && !/^\s*[%％]/.test(doc.text.slice(span.end, span.end + 3))) continue;
    if (insideAny(doc, span)) continue;
    spans.push(span);
  }
  return spans;
}
