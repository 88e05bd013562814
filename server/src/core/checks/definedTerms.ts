import type { ContractDocument, DefinedTerm, Span } from '../model.js';
import type { Check, CheckContext } from './types.js';
import { lastAtOrBefore } from '../text/lineIndex.js';

/**
 * Defined terms are the contract's vocabulary: each defined once, each used,
 * and no capitalised phrase used as a term that nobody defined.
 */
export const definedTerms: Check = {
  id: 'defined-terms',
  defaultSeverity: 'warning',
  messages: {
    en: {
      summary: 'A defined term is never used, is defined twice, or a capitalised term is used without a definition.',
      unused: '"{term}" is defined here but never used.',
      twice: '"{term}" is defined more than once.',
      otherDefinition: 'Also defined here.',
      undefinedTerm: '"{term}" is used as a defined term, but the contract never defines it.',
    },
    'zh-CN': {
      summary: '定义的术语从未使用、被重复定义，或使用了未定义的大写术语。',
      unused: '“{term}”在此定义，但从未使用。',
      twice: '“{term}”被定义了不止一次。',
      otherDefinition: '另一处定义。',
      undefinedTerm: '“{term}”被当作定义术语使用，但本合同从未定义。',
    },
  },
  run(context) {
    const { doc } = context;
    const byTerm = new Map<string, DefinedTerm[]>();
    for (const d of doc.definedTerms) {
      if (!byTerm.has(d.term)) byTerm.set(d.term, []);
      byTerm.get(d.term)!.push(d);
    }
    const definitionSpans = doc.definedTerms.map((d) => d.span);
    for (const [term, definitions] of byTerm) {
      if (definitions.length > 1) {
        for (const d of definitions.slice(1)) {
          // The first definition is the one to compare with; the others are listed with it.
          report2(context, d.termSpan, 'twice', term, [definitions[0]!.termSpan]);
        }
      }
      if (countUses(doc, term, definitionSpans, definitions[0]!.span.end) === 0) {
        context.report({ span: definitions[0]!.termSpan, key: 'unused', args: { term } });
      }
    }
    checkUndefined(context, new Set(byTerm.keys()));
  },
};

function report2({ report }: CheckContext, span: Span, key: string, term: string, others: Span[]): void {
  report({ span, key, args: { term }, related: others.map((o) => ({ span: o, key: 'otherDefinition' })) });
}

/**
 * Uses of a term outside its definitions: whole words in English, anywhere (a
 * definitions clause may come last); the string itself in Chinese, after its
 * 以下简称 (the full name before it contains the short one: 数据清洗服务（以下简称“清洗服务”）).
 */
function countUses(doc: ContractDocument, term: string, definitions: readonly Span[], definedAt: number): number {
  const latin = /^[\x20-\x7e]+$/.test(term);
  const body = latin ? (doc.frontMatter ? doc.frontMatter.span.end : 0) : definedAt;
  // `the "Products"` is used as `Product` in a table heading; `Service` as `Services`.
  const stem = latin ? escape(term.replace(/s$/, '')) : '';
  const pattern = new RegExp(latin ? `(?<![A-Za-z0-9])${stem}(?:s|es)?(?![A-Za-z0-9])` : escape(term), 'g');
  const starts = definitions.map((d) => d.start);
  for (const m of doc.text.slice(body).matchAll(pattern)) {
    const at = body + m.index;
    const i = lastAtOrBefore(starts, at);
    const d = definitions[i];
    if (d && d.start <= at && at < d.end) continue;
    // One use is all the check asks about.
    return 1;
  }
  return 0;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// `the Acceptance Certificate`, `such Confidential Information`: two to four capitalised words after a determiner.
const CAPITALISED = /(?<=\b(?:the|such|any|each|all|this|that|these|those|its|their|other)\s+)((?:[A-Z][a-z]+)(?:\s+(?:of\s+)?[A-Z][a-z]+){1,3})\b/g;
// Words that make a capitalised phrase a proper name (a body, a place, a statute), not a defined term.
const PROPER =
  /\b(?:Act|Law|Laws|Code|Regulations?|Rules|Convention|Treaty|Centre|Center|Court|Courts|Bank|Commission|Association|Institute|University|Office|Ministry|Bureau|Republic|Kingdom|States|Union|Nations|Chamber|Council|Tribunal|Exchange|Street|Road|Avenue|Limited|Inc|Company|Corporation|Group|Holdings|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|English|Chinese|Internet|Schedule|Annex|Appendix|Exhibit|Addendum|Rider|Attachment|Supplement|Form|Clause|Section|Article|Part|State|Province|County|City|District|Country|Government|Department|Agency|Authority|Police|Service|Register|Registry|Standards?)\b/;
// A post in an organisation (`the Head of Operations`, `the Chief Financial Officer`) names a person, not a term.
const JOB_TITLE = /^(?:Head of\b|Chief\b.*\bOfficer$|Vice President|Managing Director|General Manager|General Counsel|Board of Directors)/;

/**
 * Capitalised phrases used as terms where the contract defines terms at all
 * (without a single definition, capitals are the drafter's style, not a vocabulary).
 * Reported once, at the first use; headings, party names and proper names are not terms.
 */
function checkUndefined({ doc, report }: CheckContext, defined: ReadonlySet<string>): void {
  if (defined.size === 0 || doc.locale !== 'en') return;
  const known = new Set<string>([...defined].map((t) => t.toLowerCase()));
  for (const p of doc.parties) {
    known.add(p.key.toLowerCase());
    if (p.name) known.add(p.name.toLowerCase());
  }
  const reported = new Set<string>();
  for (const block of doc.blocks) {
    if (block.type !== 'paragraph' && block.type !== 'list') continue;
    const text = doc.text.slice(block.span.start, block.span.end);
    for (const m of text.matchAll(CAPITALISED)) {
      const term = m[1]!;
      if (reported.has(term) || PROPER.test(term) || JOB_TITLE.test(term) || isKnown(term, known)) continue;
      if (doc.entityNames.some((e) => e.text.startsWith(term))) continue;
      reported.add(term);
      const start = block.span.start + m.index;
      report({ span: { start, end: start + term.length }, key: 'undefinedTerm', args: { term }, severity: 'info' });
    }
  }
}

/** A plural or a longer phrase built on a defined term is that term. */
function isKnown(term: string, known: ReadonlySet<string>): boolean {
  const lower = term.toLowerCase();
  if (known.has(lower) || known.has(lower.replace(/e?s$/, ''))) return true;
  for (const k of known) if (lower.startsWith(`${k} `) || lower.endsWith(` ${k}`)) return true;
  return false;
}
