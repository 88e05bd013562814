import type { ContractDocument } from './model.js';
import { LineIndex } from './text/lineIndex.js';

const indexes = new WeakMap<ContractDocument, LineIndex>();

/** The line index of a model's text, built once per model rather than once per question. */
export function linesOf(doc: ContractDocument): LineIndex {
  let index = indexes.get(doc);
  if (!index) {
    index = new LineIndex(doc.text);
    indexes.set(doc, index);
  }
  return index;
}
