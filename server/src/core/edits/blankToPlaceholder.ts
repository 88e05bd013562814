import type { Blank, ContractDocument, Problem, TextEdit } from '../model.js';

/** Hands out field names no other field uses: `地址`, then `地址2`, `地址3`… */
export class UniqueNames {
  private readonly taken: Set<string>;
  private readonly next = new Map<string, number>();

  constructor(existing: Iterable<string>) {
    this.taken = new Set(existing);
  }

  claim(base: string): string {
    let n = this.next.get(base) ?? 1;
    let name = n === 1 ? base : `${base}${n}`;
    while (this.taken.has(name)) name = `${base}${++n}`;
    this.next.set(base, n + 1);
    this.taken.add(name);
    return name;
  }
}

/**
 * The edit that turns a legacy blank into a typed, inline-declared placeholder
 * named after the words before it (`地址:____` → `{{地址: text}}`); a second
 * `地址` becomes `地址2`.
 */
export function placeholderForBlank(doc: ContractDocument, blank: Blank, names: UniqueNames): TextEdit {
  const base = fieldNameFrom(blank.label) ?? (doc.contractLocale === 'zh-CN' ? '待填' : 'blank');
  const name = names.claim(base);
  const type = blank.expects ?? 'text';
  const options = blank.options?.filter((o) => o !== '' && !/[|(){}]/.test(o));
  const declared =
    type === 'choice' && options && options.length > 0
      ? `choice(${options.join('|')})`
      : type === 'choice' && !blank.options
        ? type
        : type === 'choice'
          ? 'text'
          : type;
  const placeholder = `{{${name}: ${declared}}}`;
  if (blank.fill) {
    // A label's empty value: the label stays, the placeholder takes the spaces after its colon.
    const colon = doc.text[blank.fill.start - 1];
    return { span: blank.fill, newText: colon === ':' ? ` ${placeholder}` : placeholder };
  }
  return { span: blank.span, newText: placeholder };
}

function fieldNameFrom(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const cleaned = label
    .replace(/[^\p{L}\p{N}_ -]/gu, '')
    .replace(/(?:为|是|于|不少于|不低于|支付|约定|采用)$/u, '')
    .trim()
    .replace(/\s+/g, '_');
  return cleaned === '' || /^\d/.test(cleaned) ? undefined : cleaned.slice(0, 24);
}

/**
 * Each blank with the edit that turns it into a placeholder: the one the
 * `unfilled-blank` check offered for it, else one named the same way.
 */
export function blankRewrites(doc: ContractDocument, problems: readonly Problem[]): ReadonlyArray<{ blank: Blank; fix: TextEdit }> {
  // Each name depends on the blanks before it, so they are named in one pass; the
  // editor asks again for every cursor move, hence the memo per model and problem list.
  const cached = rewritesOf.get(problems);
  if (cached?.doc === doc) return cached.rewrites;
  const names = new UniqueNames(doc.fields.keys());
  const reportedAt = new Map(problems.filter((p) => p.checkId === 'unfilled-blank').map((p) => [p.span.start, p.fixes[0]?.edits[0]]));
  const rewrites = doc.blanks.map((blank) => {
    const computed = placeholderForBlank(doc, blank, names);
    return { blank, fix: reportedAt.get(blank.span.start) ?? computed };
  });
  rewritesOf.set(problems, { doc, rewrites });
  return rewrites;
}

const rewritesOf = new WeakMap<readonly Problem[], { readonly doc: ContractDocument; readonly rewrites: ReadonlyArray<{ blank: Blank; fix: TextEdit }> }>();
