import type { BlockModel, ContractDocument } from '../model.js';
import { originOf } from '../parse/blockOrigin.js';
import type { BlockFacts } from './rigidInput.js';

/**
 * One item per block that has any of a list of facts (`pick`), as its first
 * model holds them: the same array while the block is only moved, so
 * rigidInput recognises it at a glance. Undefined when the blocks' lists do
 * not add up to the document's (`total`), and nothing is then reused.
 */
export function blockLists<T>(doc: ContractDocument, pick: (block: BlockModel) => readonly T[], total: number): Array<BlockFacts<readonly T[]>> | undefined {
  const items: Array<BlockFacts<readonly T[]>> = [];
  let count = 0;
  for (const block of doc.blocks) {
    const { model, delta } = originOf(block);
    const list = pick(model);
    if (list.length === 0) continue;
    items.push({ facts: list, delta });
    count += list.length;
  }
  return count === total ? items : undefined;
}

/**
 * One item per block with clauses or clause references: the block's first
 * model, the same object while the block is only moved. Undefined when the
 * blocks' clauses and references are not the document's.
 */
export function clauseBlocks(doc: ContractDocument, withClause: (block: BlockModel) => boolean): Array<BlockFacts<BlockModel>> | undefined {
  const items: Array<BlockFacts<BlockModel>> = [];
  let clauses = 0;
  let references = 0;
  for (const block of doc.blocks) {
    clauses += block.clauses.length;
    references += block.references.length;
    if (block.references.length === 0 && !withClause(block)) continue;
    const { model, delta } = originOf(block);
    items.push({ facts: model, delta });
  }
  return clauses === doc.clauses.length && references === doc.references.length ? items : undefined;
}
