import type { CheckInput } from './types.js';
import { afterEdit } from '../parse/lastEdit.js';

/** A block's facts as first read (the same object while the block is only moved), and how far it has moved since. */
export interface BlockFacts<U> {
  readonly facts: U;
  readonly delta: number;
  /** What the analysis decided about them over the document (compared as is). */
  readonly decided?: string;
}

export interface FactsKind<U> {
  /** Every offset `run` reads of `facts`, where the block was first read. */
  offsets(facts: U, out: number[]): void;
  /** Whether two blocks' facts say the same but for offsets; each stands `delta` from where it was read. */
  same(a: BlockFacts<U>, b: BlockFacts<U>, aText: string, bText: string): boolean;
}

/**
 * A `CheckInput` of one item per block: a block only moved since the last
 * analysis is the same at a glance (same facts object), a reparsed one is
 * compared fact by fact and must have moved as a whole.
 */
export function rigidInput<U extends object>(context: string, items: ReadonlyArray<BlockFacts<U>>, kind: FactsKind<U>): CheckInput<BlockFacts<U>> {
  return {
    context,
    items,
    rigid: true,
    offsets: (item, out) => {
      const [first, last] = ends(item.facts, kind);
      out.push(first + item.delta, last + item.delta);
    },
    same: (a, b, aText, bText, edit) => {
      if (a.decided !== b.decided) return false;
      if (a.facts === b.facts) return true;
      if (!kind.same(a, b, aText, bText)) return false;
      const before: number[] = [];
      const after: number[] = [];
      kind.offsets(a.facts, before);
      kind.offsets(b.facts, after);
      if (before.length !== after.length) return false;
      // The block the edit was in: each fact before the edit stayed, each after it moved with the text.
      if (edit !== undefined) {
        for (let i = 0; i < before.length; i++) if (afterEdit(edit, before[i]! + a.delta) !== after[i]! + b.delta) return false;
        return true;
      }
      const shift = after[0]! + b.delta - (before[0]! + a.delta);
      for (let i = 1; i < before.length; i++) if (after[i]! + b.delta - (before[i]! + a.delta) !== shift) return false;
      return true;
    },
  };
}

const ENDS = new WeakMap<object, readonly [number, number]>();

function ends<U extends object>(facts: U, kind: FactsKind<U>): readonly [number, number] {
  let known = ENDS.get(facts);
  if (known === undefined) {
    const all: number[] = [];
    kind.offsets(facts, all);
    let first = Infinity;
    let last = -Infinity;
    for (const offset of all) {
      if (offset < first) first = offset;
      if (offset > last) last = offset;
    }
    ENDS.set(facts, (known = [first, last]));
  }
  return known;
}
