import type { PreambleParty, SignatureLine } from '../../model.js';
import { linesIn } from '../../text/lines.js';

const LEAD = /^[ \t]*(?:>[ \t]*)?(?:[-*+][ \t]+)?(?:\|[ \t]*)?(?:\*\*|__)?/;
const ZH_KEY = '甲方|乙方|丙方|丁方|戊方';
// `甲方（盖章）：`, `乙方授权代表（签字）：`, `甲方签章：`.
const ZH_SIGNATURE = new RegExp(
  `^(${ZH_KEY})(?:\\*\\*|__)?\\s*(?:[（(][^)）\\n]{0,12}[)）])?\\s*(?:法定代表人|授权代表|委托代理人|代表)?\\s*(?:[（(]?\\s*(?:签字|签章|盖章|签名|公章|印章|签署|签字或盖章|签字\\s*[/／]\\s*盖章|盖章\\s*[/／]\\s*签字|签字并盖章|盖章并签字)\\s*[)）]?)`,
);
// `Signed for the Client:`, `For and on behalf of Acme, Inc.`, `Party A (Seal):`.
const EN_SIGNATURE =
  /^(?:(?:Signed|Executed|Agreed)\s+(?:for\s+and\s+on\s+behalf\s+of|on\s+behalf\s+of|for|by)|For\s+and\s+on\s+behalf\s+of|On\s+behalf\s+of|For)\s+(?:the\s+)?([A-Z][A-Za-z0-9&.,' -]{0,60}?)\s*(?:[:：(]|\*\*|__|$)/;
const EN_PARTY_SEAL = /^(Party\s+[A-F])\s*(?:\((?:signature|seal|stamp|signature\s+and\s+seal)\)\s*)?:/i;
// Preamble: `甲方（委托方）：…`, `**Client** (data provider): …`, `Party A: …`.
const ZH_PREAMBLE = new RegExp(`^(${ZH_KEY})(?:\\*\\*|__)?\\s*(?:[（(][^)）\\n]{0,20}[)）])?\\s*[:：]`);
// `转让方（甲方）：…`: the role first, the party label in brackets.
const ZH_ROLE_PREAMBLE = new RegExp(`^[\\u4e00-\\u9fa5]{1,8}[（(](${ZH_KEY})[)）](?:\\*\\*|__)?\\s*[:：]`);
const EN_PREAMBLE = /^([A-Z][A-Za-z]{1,20}(?: [A-Z])?)(?:\*\*|__)\s*(?:\([^)\n]{0,40}\))?\s*:|^(Party\s+[A-F])\s*(?:\([^)\n]{0,40}\))?\s*:/;

/** Lines of a signature block that name a party. */
export function scanSignatureLines(masked: string, base: number): SignatureLine[] {
  const found: SignatureLine[] = [];
  for (const line of linesIn(masked, 0, masked.length)) {
    // Signature blocks often stand side by side: `甲方（盖章）：…　　　乙方（盖章）：…`, or in table cells.
    for (const cell of cellsOf(masked, line.start, line.end)) {
      const text = masked.slice(cell.start, cell.end);
      const lead = LEAD.exec(text)?.[0].length ?? 0;
      const rest = text.slice(lead);
      const m = ZH_SIGNATURE.exec(rest) ?? EN_PARTY_SEAL.exec(rest) ?? EN_SIGNATURE.exec(rest);
      if (!m) continue;
      const party = m[1]!.replace(/[\s,.]+$/, '');
      if (party === '' || FIELD_LABEL.test(party)) continue;
      const partyStart = cell.start + lead + m[0].indexOf(party);
      found.push({
        span: { start: base + cell.start + lead, end: base + cell.end },
        party,
        partySpan: { start: base + partyStart, end: base + partyStart + party.length },
      });
    }
  }
  return found;
}

// `Signed by Name:` and `By: Title:` label a blank to sign in; they name no party.
const FIELD_LABEL = /^(?:Name|Title|Date|Signature|Signatory|Authori[sz]ed Signatory|Position|Print Name|Its|Witness)$/i;

const CELL_BREAK = /[ \t]{2,}|\u3000+|\|/g;

/** The parts of a line set apart by wide spacing or table bars. */
function cellsOf(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const cells: Array<{ start: number; end: number }> = [];
  let from = start;
  for (const m of text.slice(start, end).matchAll(CELL_BREAK)) {
    cells.push({ start: from, end: start + m.index });
    from = start + m.index + m[0].length;
  }
  cells.push({ start: from, end });
  return cells.filter((c) => c.end > c.start);
}

/** Parties introduced at the start of a line with a colon, as preambles do. */
export function scanPreambleParties(masked: string, base: number): PreambleParty[] {
  const found: PreambleParty[] = [];
  for (const line of linesIn(masked, 0, masked.length)) {
    const text = masked.slice(line.start, line.end);
    const lead = LEAD.exec(text)?.[0].length ?? 0;
    const rest = text.slice(lead);
    if (ZH_SIGNATURE.test(rest)) continue;
    const m = ZH_PREAMBLE.exec(rest) ?? ZH_ROLE_PREAMBLE.exec(rest) ?? EN_PREAMBLE.exec(rest);
    if (!m) continue;
    const key = (m[1] ?? m[2])!;
    const start = line.start + lead + m[0].indexOf(key);
    found.push({ span: { start: base + start, end: base + start + key.length }, key });
  }
  return found;
}
