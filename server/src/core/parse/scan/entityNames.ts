import type { EntityNameMention } from '../../model.js';

const EN_FORM =
  'Inc\\.?|Incorporated|Ltd\\.?|Limited|LLC|L\\.L\\.C\\.|Corp\\.?|Corporation|GmbH|plc|PLC|LLP|L\\.P\\.|Co\\.,?\\s?Ltd\\.?|Pte\\.?\\s?Ltd\\.?|S\\.A\\.|AG|B\\.V\\.';
// `Acme, Inc.`, `Bluefield AI Labs Inc`, `Northwind Data Limited`: up to five capitalised words and a legal form.
const EN_NAME = new RegExp(`(?<![A-Za-z0-9&'-])((?:[A-Z][A-Za-z0-9&'-]*\\s+){0,4}[A-Z][A-Za-z0-9&'-]*)(,?\\s+)(${EN_FORM})(?![A-Za-z])`, 'g');
// Words that start a sentence or link a name, never part of one.
const EN_LEADING =
  /^(?:(?:The|This|That|Between|And|By|For|With|Signed|Executed|Of|On|Behalf|Party|Client|Provider|Supplier|Customer|Licensor|Licensee|Seller|Buyer|Vendor|Contractor|Company|Each|Either|Both|Name|Whereas|Whereby|Among|To|From|Dear|Attn|Attention|Hereby|Mr|Ms|Dr)\s+)+/;
// 集团 stays in the name: 示例集团有限公司 and 示例有限公司 are a parent and its subsidiary.
const ZH_FORM = '有限责任公司|股份有限公司|有限公司|公司';
// A Chinese name starts after punctuation, a space, a party label or a linking word.
const ZH_NAME = new RegExp(`(?<=^|[\\s：:，,。；;、（(“"「【]|与|和|及|为|由|向|是|即)([\\u4e00-\\u9fa5]{4,24}?)(${ZH_FORM})`, 'gm');
const ZH_NOT_NAME = /^(?:甲方|乙方|丙方|丁方|本|其|该|各|贵|我|对方|任何|关联|子|母|分|控股|上述|前述)/;

/** Company names as written in the text, keyed by the name without its legal form. */
export function scanEntityNames(masked: string, base: number): EntityNameMention[] {
  const found: EntityNameMention[] = [];
  if (/(?:Inc|Ltd|Limited|LLC|Corp|Corporation|GmbH|plc|PLC|LLP|L\.P\.|S\.A\.|AG|B\.V\.)/.test(masked)) {
    for (const m of masked.matchAll(EN_NAME)) {
      const lead = EN_LEADING.exec(m[1]!)?.[0].length ?? 0;
      const name = m[1]!.slice(lead);
      if (name === '' || (/^(?:[A-Z][a-z]+)$/.test(name) && COMMON_WORDS.has(name))) continue;
      const start = m.index + lead;
      const end = m.index + m[0].length;
      found.push({
        span: { start: base + start, end: base + end },
        text: masked.slice(start, end),
        core: name
          .toLowerCase()
          .replace(/[^a-z0-9&]+/g, ' ')
          .trim(),
      });
    }
  }
  if (/公司/.test(masked)) {
    for (const m of masked.matchAll(ZH_NAME)) {
      let core = m[1]!;
      // `甲方北京某某有限公司` and `乙方为…` put the label before the name.
      const label = /^(?:甲方|乙方|丙方|丁方)(?:为|是|即)?/.exec(core)?.[0] ?? '';
      core = core.slice(label.length);
      if (core.length < 4 || ZH_NOT_NAME.test(core)) continue;
      const start = m.index + label.length;
      const end = m.index + m[0].length;
      found.push({ span: { start: base + start, end: base + end }, text: masked.slice(start, end), core });
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

// A single capitalised word before a legal form that is not a name (`Holding Limited` aside).
const COMMON_WORDS = new Set(['Liability', 'Company', 'Partnership', 'Private', 'Public']);
