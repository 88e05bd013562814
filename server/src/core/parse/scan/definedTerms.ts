import type { DefinedTerm } from '../../model.js';

const Q_OPEN = '["“]';
const Q_CLOSE = '["”]';
// `"Confidential Information" means`, `**Services** means`, `"Fee" shall mean`.
const EN_MEANS = new RegExp(
  `(?:${Q_OPEN}([A-Z][^"“”\\n]{0,58}?)${Q_CLOSE}|\\*\\*([A-Z][^*\\n]{0,58}?)\\*\\*)\\s+(?:means|shall mean|has the meaning|shall have the meaning|refers to|includes)\\b`,
  'g',
);
// `(the "Effective Date")`, `(hereinafter referred to as the "Client")`, `("Acme")`.
const EN_PAREN = new RegExp(
  `\\(\\s*(?:(?:hereinafter|hereafter)\\s+(?:referred\\s+to\\s+as\\s+|called\\s+)?|referred\\s+to\\s+as\\s+|each\\s+a\\s+|together\\s+|collectively\\s+)?(?:the\\s+|a\\s+|an\\s+)?${Q_OPEN}([A-Z][^"“”\\n]{0,58}?)${Q_CLOSE}\\s*\\)`,
  'g',
);
// `（以下简称“甲方”）`, `以下简称"本合同"`, `（下称“服务”）`.
const ZH_TERM = /(?:以下简称|以下称|以下称为|下称|简称)\s*(?:为)?\s*[“"「『]([^”"」』\n]{1,20})[”"」』]/g;

/** Terms the contract defines, and where. */
export function scanDefinedTerms(masked: string, base: number): DefinedTerm[] {
  const found: DefinedTerm[] = [];
  const push = (m: RegExpMatchArray, term: string) => {
    const termStart = m.index! + m[0].indexOf(term);
    found.push({
      span: { start: base + m.index!, end: base + m.index! + m[0].length },
      term,
      termSpan: { start: base + termStart, end: base + termStart + term.length },
    });
  };
  if (/["“*]/.test(masked)) {
    for (const m of masked.matchAll(EN_MEANS)) push(m, (m[1] ?? m[2])!);
    for (const m of masked.matchAll(EN_PAREN)) push(m, m[1]!);
  }
  if (/简称|下称/.test(masked)) for (const m of masked.matchAll(ZH_TERM)) push(m, m[1]!);
  return found.sort((a, b) => a.span.start - b.span.start);
}
