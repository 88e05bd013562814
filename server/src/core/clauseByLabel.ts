import type { Clause, ContractDocument } from './model.js';

const byLabel = new WeakMap<ContractDocument, ReadonlyMap<string, Clause>>();

/**
 * The first clause carrying `label`, as a scan from the top would find it.
 * The map is built once per model: references, hints and links ask it for
 * every reference, and a scan per reference is quadratic on long contracts.
 */
export function clauseWithLabel(doc: ContractDocument, label: string): Clause | undefined {
  let map = byLabel.get(doc);
  if (!map) {
    const built = new Map<string, Clause>();
    for (const clause of doc.clauses) if (clause.label !== undefined && !built.has(clause.label)) built.set(clause.label, clause);
    byLabel.set(doc, built);
    map = built;
  }
  return map.get(label);
}
