import type { Placeholder } from '../model.js';
import { originOf } from '../parse/blockOrigin.js';
import type { Check } from './types.js';
import { rigidInput, type BlockFacts, type FactsKind } from './rigidInput.js';

/** A placeholder whose field is declared but has no value yet. */
export const unfilledField: Check = {
  id: 'unfilled-field',
  defaultSeverity: 'warning',
  messages: {
    en: {
      summary: 'A placeholder refers to a field that has no value yet.',
      unfilled: 'Field "{name}" ({type}) has no value yet.',
    },
    'zh-CN': {
      summary: '占位符引用的字段尚无取值。',
      unfilled: '字段“{name}”（{type}）尚未填写。',
    },
  },
  // Each placeholder's name and span, and which fields lack a value, are all it reads.
  reads(doc) {
    const items: Array<BlockFacts<readonly Placeholder[]>> = [];
    let count = 0;
    for (const block of doc.blocks) {
      const { model, delta } = originOf(block);
      if (model.placeholders.length === 0) continue;
      items.push({ facts: model.placeholders, delta });
      count += model.placeholders.length;
    }
    if (count !== doc.placeholders.length) return undefined;
    let open = '';
    for (const field of doc.fields.values()) if (field.value === undefined) open += `${field.name}\u0000${field.type}\u0000`;
    return rigidInput(open, items, PLACEHOLDERS);
  },
  run({ doc, report }) {
    for (const placeholder of doc.placeholders) {
      const field = doc.fields.get(placeholder.name);
      if (!field || field.value !== undefined) continue;
      report({
        span: placeholder.span,
        key: 'unfilled',
        args: { name: field.name, type: field.type },
        data: { field: field.name, type: field.type },
      });
    }
  },
};

const PLACEHOLDERS: FactsKind<readonly Placeholder[]> = {
  offsets(placeholders, out) {
    for (const p of placeholders) out.push(p.span.start, p.span.end);
  },
  same({ facts: a }, { facts: b }) {
    return a.length === b.length && a.every((p, i) => p.name === b[i]!.name);
  },
};
