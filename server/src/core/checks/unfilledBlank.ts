import type { Blank } from '../model.js';
import { originOf } from '../parse/blockOrigin.js';
import type { Check } from './types.js';
import { rigidInput, type BlockFacts, type FactsKind } from './rigidInput.js';
import { placeholderForBlank, UniqueNames } from '../edits/blankToPlaceholder.js';

const FUNCTION_WORD = /^(?:a|an|the|of|to|at|on|in|by|for|from|with|as|per|than|and|or|is|are|be|was|were|shall|will|of the|this|that|made this|dated this)$/i;

/** Every legacy blank (`____`, `[●]`, `____年__月__日`) is a gap still to fill. */
export const unfilledBlank: Check = {
  id: 'unfilled-blank',
  defaultSeverity: 'warning',
  messages: {
    en: {
      summary: 'A legacy blank (____, [●], ____年__月__日) has not been filled in.',
      blank: 'Unfilled blank.',
      labelled: 'Unfilled blank for "{label}".',
      toPlaceholder: 'Turn the blank into the typed placeholder {placeholder}',
    },
    'zh-CN': {
      summary: '旧式空白（____、[●]、____年__月__日）尚未填写。',
      blank: '空白尚未填写。',
      labelled: '“{label}”处的空白尚未填写。',
      toPlaceholder: '将空白改为带类型的占位符 {placeholder}',
    },
  },
  // A blank's problem and fix follow from the blank, the colon before its fill, the fields' names and the contract's language.
  reads(doc) {
    const items: Array<BlockFacts<readonly Blank[]>> = [];
    let count = 0;
    for (const block of doc.blocks) {
      const { model, delta } = originOf(block);
      if (model.blanks.length === 0) continue;
      items.push({ facts: model.blanks, delta });
      count += model.blanks.length;
    }
    // The blocks' blanks are the document's; should they ever not be, nothing is reused.
    if (count !== doc.blanks.length) return undefined;
    return rigidInput(`${doc.contractLocale}\u0000${[...doc.fields.keys()].join('\u0000')}`, items, BLANKS);
  },
  run({ doc, report }) {
    const names = new UniqueNames(doc.fields.keys());
    for (const blank of doc.blanks) {
      const refactor = placeholderForBlank(doc, blank, names);
      // "Unfilled blank for "of"" tells a reader nothing: a lone function word is no label.
      const label = blank.label !== undefined && (blank.style === 'empty-label' || !FUNCTION_WORD.test(blank.label)) ? blank.label : undefined;
      report({
        span: blank.span,
        key: label ? 'labelled' : 'blank',
        args: { label: label ?? '' },
        data: { kind: blank.kind, style: blank.style, expects: blank.expects ?? null, label: blank.label ?? null },
        fixes: [{ key: 'toPlaceholder', args: { placeholder: refactor.newText }, edits: [refactor], safe: false, refactor: true }],
      });
    }
  },
};

const BLANKS: FactsKind<readonly Blank[]> = {
  offsets(blanks, out) {
    for (const blank of blanks) {
      out.push(blank.span.start, blank.span.end);
      if (blank.fill) out.push(blank.fill.start, blank.fill.end);
    }
  },
  same(a, b, aText, bText) {
    if (a.facts.length !== b.facts.length) return false;
    for (let i = 0; i < a.facts.length; i++) if (!sameBlank(a.facts[i]!, b.facts[i]!, aText, a.delta, bText, b.delta)) return false;
    return true;
  },
};

function sameBlank(a: Blank, b: Blank, aText: string, aDelta: number, bText: string, bDelta: number): boolean {
  if (a.kind !== b.kind || a.style !== b.style || a.expects !== b.expects || a.label !== b.label) return false;
  if ((a.fill === undefined) !== (b.fill === undefined)) return false;
  // The placeholder is written after a space when an ASCII colon stands before the fill.
  if (a.fill && b.fill && aText[a.fill.start + aDelta - 1] !== bText[b.fill.start + bDelta - 1]) return false;
  const ao = a.options;
  const bo = b.options;
  if (ao === bo) return true;
  if (ao === undefined || bo === undefined || ao.length !== bo.length) return false;
  return ao.every((option, i) => option === bo[i]);
}
