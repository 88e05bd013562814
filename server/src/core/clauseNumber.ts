import type { Clause, ContractDocument } from './model.js';

/**
 * How a reference shows a clause: its number as written, prefixed by its
 * parents' numbers when nested (`三（二）`, `2.1(a)`), so it reads unambiguously.
 */
export function clauseNumberText(doc: ContractDocument, clause: Clause): string {
  const parts: string[] = [];
  for (let current: Clause | undefined = clause; current; current = current.parent === undefined ? undefined : doc.clauses[current.parent]) {
    parts.unshift(ownNumber(current));
    if (current.style === 'decimal-multi' || current.style === 'article') break;
  }
  return parts.join('');
}

function ownNumber(clause: Clause): string {
  switch (clause.style) {
    case 'cjk-paren':
      return `（${clause.number}）`;
    case 'arabic-paren':
    case 'alpha-paren':
    case 'roman-paren':
      return `(${clause.number})`;
    case 'article':
      return /^\d+$/.test(clause.number) ? clause.marker.replace(/\.$/, '') : `第${clause.number}条`;
    default:
      return clause.number;
  }
}
