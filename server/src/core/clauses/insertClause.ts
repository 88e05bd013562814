import type { Clause, ContractDocument, TextEdit } from '../model.js';
import { parseContract } from '../parse/parseContract.js';
import { dominantEol } from '../text/eol.js';
import { adaptClauseBody, type ClauseNumberStyle } from './adaptBody.js';
import { declareInline } from './inlineDeclarations.js';
import { mergeFrontMatterEdits } from './mergeFrontMatter.js';
import type { ClauseTemplate } from './template.js';

/**
 * The edits that insert a clause template into a contract near `offset`:
 * the body goes on its own lines (after the line holding `offset`, and never
 * inside the front matter), set apart by blank lines, numbered as the next
 * clause in the contract's own style; the parties, fields and groups it
 * needs are added to the front matter (created if missing). Everything else
 * stays byte for byte, and inserted lines use the document's line ending.
 */
export function insertClauseEdits(doc: ContractDocument, template: ClauseTemplate, offset: number): TextEdit[] {
  const text = doc.text;
  const eol = dominantEol(text);
  const at = insertionPoint(doc, offset);

  const taken = new Set(doc.clauses.flatMap((c) => (c.label ? [c.label] : [])));
  const { ordinal, numbering } = placementAt(doc, at, template);
  const merge = mergeFrontMatterEdits(doc, template, doc.meta.locale ?? template.locale);
  let body = adaptClauseBody(template.body, { ordinal, numbering, takenLabels: taken });
  body = declareInline(body, merge.inline);

  const before = text.slice(0, at);
  const after = text.slice(at);
  const atStart = before.replace(/^\uFEFF/, '').trim() === '';
  const prefix = eol.repeat(atStart ? 0 : Math.max(0, 2 - trailingBreaks(before)));
  const leading = leadingBreaks(after);
  const suffix = after.trim() === '' ? (leading >= 1 ? '' : eol) : eol.repeat(Math.max(0, 2 - leading));
  const insertion = prefix + body.replace(/\n/g, eol) + suffix;

  const edits = [...merge.edits];
  const same = edits.findIndex((e) => e.span.start === at && e.span.end === at);
  if (same >= 0) {
    // Creating the front matter at the very start: one insertion keeps the order unambiguous.
    const created = edits[same]!.newText;
    edits[same] = { span: { start: at, end: at }, newText: created + (created.endsWith(eol + eol) ? '' : eol) + insertion };
  } else {
    edits.push({ span: { start: at, end: at }, newText: insertion });
  }
  return edits.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Where a clause may go: never inside the front matter, a line or a Markdown
 * block (a paragraph, list, table or fenced code stays whole and the clause
 * goes after it); on a blank line between blocks it goes right there.
 */
export function insertionPoint(doc: ContractDocument, offset: number): number {
  const text = doc.text;
  let at = Math.max(0, Math.min(Number.isFinite(offset) ? Math.trunc(offset) : 0, text.length));
  if (text.charCodeAt(0) === 0xfeff && at === 0) at = 1;
  if (doc.frontMatter && at < doc.frontMatter.span.end) at = doc.frontMatter.span.end;
  // Between \r and \n is inside a line break: treat it as the end of the line.
  if (text[at - 1] === '\r' && text[at] === '\n') at--;
  let lineStart = at;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let lineEnd = at;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const line = text.slice(lineStart, lineEnd).replace(/^\uFEFF/, '');
  at = line.trim() !== '' ? lineEnd : text.charCodeAt(lineStart) === 0xfeff ? lineStart + 1 : lineStart;
  const block = doc.blocks.find((b) => b.span.start < at && at < b.span.end);
  return block ? block.span.end : at;
}

/** The number the inserted clause takes and the style it follows: the top-level clause before it, else after it. */
function placementAt(doc: ContractDocument, at: number, template: ClauseTemplate): { ordinal: number; numbering: ClauseNumberStyle | undefined } {
  const tops = doc.clauses.filter((c) => c.depth === 0);
  const previous = [...tops].reverse().find((c) => c.span.start < at);
  const model = previous ?? tops.find((c) => c.span.start >= at);
  if (!model) return { ordinal: 1, numbering: undefined };
  const ordinal = previous ? previous.ordinal + 1 : 1;
  const templateTop = parseContract(template.body, { foreignTemplates: false }).clauses.find((c) => c.depth === 0);
  // A destination numbered only by a Markdown list or `1.1` paths is left to the template's own style.
  if (!templateTop || model.style === 'decimal-multi' || model.container === 'listItem') return { ordinal, numbering: undefined };
  return { ordinal, numbering: numberStyleOf(doc.text, model) };
}

function numberStyleOf(text: string, clause: Clause): ClauseNumberStyle {
  const hashes = clause.container === 'heading' ? /^[ \t]*(#{1,6})/.exec(text.slice(clause.span.start, clause.markerSpan.start)) : null;
  return {
    prefix: text.slice(clause.markerSpan.start, clause.numberSpan.start),
    suffix: text.slice(clause.numberSpan.end, clause.markerSpan.end),
    style: clause.style,
    sample: clause.number,
    separator: /^[ \t\u3000]*/.exec(text.slice(clause.markerSpan.end, clause.span.end))![0],
    headingLevel: hashes ? hashes[1]!.length : undefined,
  };
}

/** How many line breaks end `text`, counting only its trailing blank space. */
function trailingBreaks(text: string): number {
  const tail = /\s*$/.exec(text)![0];
  return (tail.match(/\r\n|\r|\n/g) ?? []).length;
}

function leadingBreaks(text: string): number {
  const head = /^\s*/.exec(text)![0];
  return (head.match(/\r\n|\r|\n/g) ?? []).length;
}
