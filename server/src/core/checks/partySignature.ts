import type { ContractDocument, Span } from '../model.js';
import type { Check } from './types.js';

/**
 * Every declared party signs, and every signature block belongs to a declared
 * party. Declared means listed under `parties:` or introduced in the preamble
 * (`甲方（委托方）：…`, `**Client** (…):`). Runs only where the contract has a
 * signature page with at least one signature line, so drafts without one stay quiet.
 */
export const partySignature: Check = {
  id: 'party-signature',
  defaultSeverity: 'warning',
  messages: {
    en: {
      summary: 'A declared party has no signature block, or a signature block names no declared party.',
      unsigned: '"{party}" is a party to this contract but has no signature block.',
      undeclared: 'This signature block is for "{party}", who is not a declared party ({parties}).',
      signatures: 'The signature page.',
    },
    'zh-CN': {
      summary: '已声明的当事方没有签署栏，或签署栏所列的不是已声明的当事方。',
      unsigned: '“{party}”是本合同当事方，但没有签署栏。',
      undeclared: '此签署栏属于“{party}”，但其并非已声明的当事方（{parties}）。',
      signatures: '签署页。',
    },
  },
  run({ doc, report, locale }) {
    if (doc.signatureStart === undefined) return;
    const lines = doc.signatureLines.filter((l) => l.span.start >= doc.signatureStart!);
    if (lines.length === 0) return;
    const declared = declaredParties(doc);
    if (declared.size === 0) return;
    const aliases = aliasMap(doc);
    const resolve = (name: string) => aliases.get(aliasKey(name));
    const signed = new Set(lines.map((l) => resolve(l.party)).filter((k) => k !== undefined));
    for (const [key, span] of declared) {
      if (signed.has(key)) continue;
      report({ span, key: 'unsigned', args: { party: key }, related: [{ span: lines[0]!.span, key: 'signatures' }] });
    }
    const list = [...declared.keys()].join(locale === 'zh-CN' ? '、' : ', ');
    for (const line of lines) {
      if (resolve(line.party) !== undefined) continue;
      report({ span: line.partySpan, key: 'undeclared', args: { party: line.party, parties: list } });
    }
  },
};

/** Parties by key, each with where it is declared. */
function declaredParties(doc: ContractDocument): Map<string, Span> {
  const declared = new Map<string, Span>();
  for (const party of doc.parties) declared.set(party.key, party.declaration);
  const defined = new Set(doc.definedTerms.map((d) => d.term));
  const end = doc.signatureStart ?? doc.text.length;
  for (const { term, termSpan } of partyDefinitions(doc)) if (termSpan.start < end && !declared.has(term)) declared.set(term, termSpan);
  for (const p of doc.preambleParties) {
    if (p.span.start >= end || declared.has(p.key)) continue;
    // A bold label before a colon is a party only when the contract also treats it as one.
    const isParty = /^(?:[甲乙丙丁戊]方|Party [A-F])$/.test(p.key) || defined.has(p.key);
    if (isParty) declared.set(p.key, p.span);
  }
  return declared;
}

/** Every way a signature line may name a party (key or legal name, any case) → the party's key. */
function aliasMap(doc: ContractDocument): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const party of doc.parties) {
    aliases.set(aliasKey(party.key), party.key);
    if (party.name) aliases.set(aliasKey(party.name), party.key);
  }
  const end = doc.signatureStart ?? doc.text.length;
  for (const p of doc.preambleParties) if (p.span.start < end && !aliases.has(aliasKey(p.key))) aliases.set(aliasKey(p.key), p.key);
  for (const d of partyDefinitions(doc)) {
    aliases.set(aliasKey(d.term), d.term);
    if (d.name) aliases.set(aliasKey(d.name), d.term);
  }
  return aliases;
}

/**
 * Parties named by definition: `北京示例有限公司（以下简称“甲方”）`, `Acme, Inc. (the "Client")` —
 * a term that is a party label, or one defined right after a company name.
 */
function partyDefinitions(doc: ContractDocument): Array<{ term: string; termSpan: Span; name: string | undefined }> {
  const found: Array<{ term: string; termSpan: Span; name: string | undefined }> = [];
  for (const d of doc.definedTerms) {
    const name = doc.entityNames.find((e) => e.span.end <= d.span.start && d.span.start - e.span.end <= 3);
    // 目标公司…（以下简称“公司”） names a company the contract is about, not a party to it: only a role is a party.
    if (PARTY_ROLE.test(d.term)) found.push({ term: d.term, termSpan: d.termSpan, name: name?.text });
  }
  return found;
}

const PARTY_ROLE =
  /^(?:[甲乙丙丁戊]方|Party [A-F]|转让方|受让方|出租方|承租方|出租人|承租人|委托方|受托方|委托人|受托人|借款人|贷款人|出借人|担保人|保证人|买方|卖方|供方|需方|发包人|承包人|许可方|被许可方|(?:the )?(?:Client|Customer|Provider|Supplier|Service Provider|Licensor|Licensee|Seller|Buyer|Purchaser|Vendor|Contractor|Subcontractor|Consultant|Lender|Borrower|Landlord|Tenant|Lessor|Lessee|Employer|Employee|Guarantor|Agent|Principal|Distributor|Discloser|Recipient|Disclosing Party|Receiving Party|Assignor|Assignee|Transferor|Transferee))$/;

function aliasKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\s.,]+$/, '')
    .replace(/\s+/g, ' ');
}
