import type { Clause, NumberingStyle, TextEdit } from '../model.js';
import { parseContract } from '../parse/parseContract.js';
import { applyEdits } from '../edits/applyEdits.js';
import { formatNumber } from '../parse/scan/clauseMarkers.js';
import { encodeChineseOrdinal } from '../numbers/chineseOrdinal.js';
import { clauseNumberText } from '../clauseNumber.js';

/** How the destination numbers the clause a template becomes. */
export interface ClauseNumberStyle {
  /** The marker around the number, e.g. `第` + `条`, `` + `、`, `` + `.`. */
  readonly prefix: string;
  readonly suffix: string;
  readonly style: NumberingStyle;
  /** A number as the destination writes it, so `第3条` stays in digits. */
  readonly sample: string;
  /** What stands between the marker and the title (`第三条 定义` has a space, `三、定义` none). */
  readonly separator: string;
  /** The heading level (`##` → 2), or undefined when the destination writes clauses as plain lines. */
  readonly headingLevel: number | undefined;
}

export interface BodyPlacement {
  /** The ordinal the body's first top-level clause takes; later top-level clauses follow on. */
  readonly ordinal: number;
  /** The destination's numbering, when it has clauses to follow; otherwise the template's own is kept. */
  readonly numbering?: ClauseNumberStyle | undefined;
  /** Labels the destination already uses; a body label that collides gets a numeric suffix. */
  readonly takenLabels?: ReadonlySet<string> | undefined;
}

/**
 * Rewrites a template body for its place in a contract: its top-level clause
 * takes the next number in the destination's style and heading level, `5.1`
 * sub-clauses follow their new parent, colliding labels are renamed, and the
 * body's references to its own labels show the new numbers. Text outside
 * numbers, labels and reference texts is left as written.
 */
export function adaptClauseBody(body: string, placement: BodyPlacement): string {
  const first = parseContract(body, { foreignTemplates: false });
  const edits: TextEdit[] = [];
  const tops = first.clauses.filter((c) => c.depth === 0);
  tops.forEach((top, index) => renumberTop(body, first.clauses, top, placement.ordinal + index, placement.numbering, edits));
  renameTakenLabels(first.clauses, first.references, placement.takenLabels, edits);
  const renumbered = edits.length > 0 ? applyEdits(body, edits) : body;

  const second = edits.length > 0 ? parseContract(renumbered, { foreignTemplates: false }) : first;
  const own = new Map(second.clauses.filter((c) => c.label !== undefined).map((c) => [c.label!, c]));
  const referenceEdits: TextEdit[] = [];
  for (const reference of second.references) {
    const clause = own.get(reference.label);
    if (!clause) continue;
    const number = clauseNumberText(second, clause);
    if (reference.text === number) continue;
    referenceEdits.push({ span: reference.textSpan, newText: number });
    // `第[九（三）]项` in a contract of articles reads `[第三条（三）]项`, not `第[第三条（三）]项`.
    if (number.startsWith('第') && renumbered[reference.span.start - 1] === '第') {
      referenceEdits.push({ span: { start: reference.span.start - 1, end: reference.span.start }, newText: '' });
    }
  }
  return referenceEdits.length > 0 ? applyEdits(renumbered, referenceEdits) : renumbered;
}

function renumberTop(
  body: string,
  clauses: readonly Clause[],
  top: Clause,
  ordinal: number,
  numbering: ClauseNumberStyle | undefined,
  edits: TextEdit[],
): void {
  const style = numbering?.style ?? top.style;
  const numberText = formatNumber(style, ordinal, numbering?.sample ?? top.number, encodeChineseOrdinal);
  if (numbering) {
    const spaces = /^[ \t\u3000]*/.exec(body.slice(top.markerSpan.end))![0].length;
    edits.push({
      span: { start: top.markerSpan.start, end: top.markerSpan.end + spaces },
      newText: `${numbering.prefix}${numberText}${numbering.suffix}${numbering.separator}`,
    });
    if (top.container === 'heading') {
      const lineStart = top.span.start;
      const hashes = /^[ \t]*#{1,6}[ \t]+/.exec(body.slice(lineStart, top.markerSpan.start));
      if (hashes) {
        const wanted = numbering.headingLevel === undefined ? '' : `${'#'.repeat(numbering.headingLevel)} `;
        if (hashes[0] !== wanted) edits.push({ span: { start: lineStart, end: lineStart + hashes[0].length }, newText: wanted });
      }
    }
  } else if (top.number !== numberText) {
    edits.push({ span: top.numberSpan, newText: numberText });
  }
  // `5.1` under clause 5 becomes `3.1` under clause 3; only digits can lead such a path.
  if (!/^\d+$/.test(numberText)) return;
  for (const clause of clauses) {
    if (clause.style !== 'decimal-multi' || clause.span.start < top.span.end || clause.span.start >= top.sectionEnd) continue;
    if (clause.path[0] !== top.ordinal || String(clause.path[0]) === numberText) continue;
    edits.push({ span: clause.numberSpan, newText: [numberText, ...clause.path.slice(1)].join('.') });
  }
}

function renameTakenLabels(
  clauses: readonly Clause[],
  references: ReturnType<typeof parseContract>['references'],
  taken: ReadonlySet<string> | undefined,
  edits: TextEdit[],
): void {
  if (!taken || taken.size === 0) return;
  const inBody = new Set(clauses.flatMap((c) => (c.label ? [c.label] : [])));
  const renamed = new Map<string, string>();
  for (const clause of clauses) {
    if (!clause.label || !clause.labelSpan || !taken.has(clause.label) || renamed.has(clause.label)) continue;
    let n = 2;
    while (taken.has(`${clause.label}-${n}`) || inBody.has(`${clause.label}-${n}`)) n++;
    const label = `${clause.label}-${n}`;
    renamed.set(clause.label, label);
    edits.push({ span: clause.labelSpan, newText: `{#${label}}` });
  }
  for (const reference of references) {
    const label = renamed.get(reference.label);
    if (label) edits.push({ span: reference.labelSpan, newText: label });
  }
}
