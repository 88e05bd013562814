import type { BlankKind, FieldType, GapStyle, Span, TickGroup } from '../../model.js';
import { CONTEXT_REACH, NOTHING_AROUND, type Around } from './around.js';
import { atWordBoundary, labelBefore } from './shape.js';
import { nonBlankLineAbove } from '../../text/lines.js';

/** A gap found by one of the style scanners, relative to the block's text. */
export interface GapHit {
  readonly start: number;
  readonly end: number;
  readonly style: GapStyle;
  readonly kind: BlankKind;
  readonly expects: FieldType | undefined;
  readonly label: string | undefined;
  readonly fill?: Span | undefined;
  readonly options?: readonly string[] | undefined;
}

// Every pattern below is either anchored by a look-behind that starts a match at
// the first character of a run, or has bounded repetitions, so a ten-megabyte
// line is scanned in linear time.

const LABEL_LIMIT = 16;

/** What a label says its value is: 签署日期 a date, Price money, {rate}% a percentage. */
export function typeFromLabel(label: string | undefined): FieldType | undefined {
  if (!label) return undefined;
  if (/date|日期|时间|年月日/i.test(label)) return 'date';
  if (/amount|price|fee|sum\b|deposit|payment|金额|价款|价格|费用|租金|押金|定金|保证金|货款|总价|单价/i.test(label)) return 'money';
  if (/percent|percentage|\brate\b|ratio|比例|百分比|费率|利率/i.test(label)) return 'percent';
  if (/number of|\bnumber\b|\bdays\b|\bmonths\b|\byears\b|quantity|数量|天数|期数|份数/i.test(label)) return 'number';
  return undefined;
}

// ---------------------------------------------------------------- brackets

const BRACKETED = /(\[|【|〔)([^[\]【】〔〕\n\r]{1,80})(\]|】|〕)/g;
const CLOSER: Record<string, string> = { '[': ']', '【': '】', '〔': '〕' };
const CITATION =
  /^\s*(?:\d+(?:\s*[-–,]\s*\d+)*|(?:see\s+)?(?:sections?|clauses?|articles?|art\.|schedules?|annex(?:es)?|appendix|exhibit|paragraphs?|para\.|§|rule|page|p\.)\s*[\dIVXivx][\w.()]*|第[\d一二三四五六七八九十百]+[条章节款项])\s*$/i;
const NOTE = /\b(?:follows?|intentionally|blank|reserved|deleted|omitted|remainder|draft|confidential|note|sic|emphasis|translation)\b/i;
const EN_INSTRUCTION =
  /^(?:please\s+)?(?:insert|fill\s+in|enter|specify|state|complete|add|select|choose|describe|identify|include|provide|to\s+be\s+(?:agreed|confirmed|determined|inserted|completed)|tbd|tbc)\b[\s:]*/i;
const EN_GAP_NOUN =
  /\b(?:name|names|address|date|number|amount|price|fee|fees|sum|percentage|percent|period|term|jurisdiction|governing law|country|city|place|currency|rate|e-?mail|phone|telephone|fax|title|position|signatory|company|registered office|account|bank|iban|swift|value|quantity|days|months|years|duration|deadline|notice period)\b/i;
const ZH_INSTRUCTION = /^(?:请)?(?:填写|填入|输入|插入|注明|写明|选择|补充)[：:]?/;
const ZH_GAP_NOUN =
  /(?:房号|门牌号|面积|型号|规格|名称|姓名|全称|地址|住所|日期|时间|金额|价款|价格|电话|号码|账号|帐号|户名|编号|期限|比例|代表|开户行|开户银行|邮箱|邮编|身份证号|信用代码|数量|单价|总价|地点|天数|职务)$/;
const NUMBER_WORD =
  /^(?:\d|[一二三四五六七八九十百千万])|^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred)\b/i;
const UNIT_AFTER =
  /^\s*(?:\(?\d*\)?\s*)?(?:business |working |calendar )?(?:days?|weeks?|months?|years?|hours?|%|per ?cent|个?工作日|个?月|日|天|年|周|小时|%|％|倍|万元|元|份|套|台|件|辆|次|期|名|人|项)/i;
const MASK_ONLY = /^(?:[Xx×＊*某]+|\s*[Xx]{2,}\s*)$/;

/**
 * `[CUSTOMER NAME]`, `[insert registered office]`, `[number] days`,
 * `【甲方名称】`, `〔填写地址〕`: brackets that tell the drafter what to write.
 * An aside, a citation (`[1]`, `[Section 2]`), a footnote (`[^1]`), a task box
 * and a Markdown link are not gaps (link destinations are masked already).
 */
export function scanBracketInstructions(text: string): GapHit[] {
  const hits: GapHit[] = [];
  for (const match of text.matchAll(BRACKETED)) {
    const [whole, open, content, close] = match as unknown as [string, string, string, string];
    if (CLOSER[open] !== close) continue;
    const start = match.index;
    const end = start + whole.length;
    const inner = content.trim();
    if (inner === '' || /[\uE000-\uE002]/.test(inner) || inner.startsWith('^')) continue;
    if (/^[ xX]$/.test(content)) continue; // a task box
    if (text[end] === '(' || text[end] === '[' || text[end] === ':' || text[start - 1] === '!' || text[start - 1] === ']') continue;
    const instruction = readsAsInstruction(inner, text.slice(end, end + 20));
    if (instruction === undefined) continue;
    hits.push({ start, end, style: 'bracket-instruction', kind: 'bracket', expects: typeFromLabel(instruction), label: instruction || undefined });
  }
  return hits;
}

/** The label an instruction names (`insert registered office` → `registered office`), or undefined when it is no instruction. */
function readsAsInstruction(inner: string, after = ''): string | undefined {
  // `[12] months`, `[six (6)] days`, `【15】日`: a number the drafter must confirm.
  if (
    /^(?:\d{1,6}|[a-z]+(?:[ -][a-z]+)?(?: \(\d{1,6}\))?|[一二三四五六七八九十百千万]{1,5})$/i.test(inner) &&
    NUMBER_WORD.test(inner) &&
    UNIT_AFTER.test(after)
  )
    return '';
  // `[Netherlands / Germany]`, `【甲方／乙方／双方共有】`: alternatives to choose from.
  if (/^[^/／]{1,30}(?:(?:\s\/\s|／)[^/／]{1,30}){1,4}$/.test(inner)) return '';
  if (CITATION.test(inner)) return undefined;
  if (MASK_ONLY.test(inner)) return '';
  if (/\p{Script=Han}/u.test(inner)) {
    const verb = ZH_INSTRUCTION.exec(inner);
    if (verb) return shortLabel(inner.slice(verb[0].length)) ?? '';
    if (
      inner.length <= 30 &&
      (ZH_GAP_NOUN.test(inner.replace(/\s*[A-Za-z][A-Za-z ]*$/, '')) || (/^(?:甲|乙|丙|丁)方.{0,6}$/u.test(inner) && !/[，。；]/.test(inner)))
    )
      return shortLabel(inner) ?? '';
    return undefined;
  }
  if (NOTE.test(inner)) return undefined;
  const words = inner.split(/\s+/);
  const verb = EN_INSTRUCTION.exec(inner);
  if (verb && words.length <= 12) return shortLabel(inner.slice(verb[0].length).replace(/^(?:the|a|an)\s+/i, '')) ?? '';
  const letters = inner.replace(/[^A-Za-z]/g, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && /^[A-Z][A-Z0-9 &'’.,/-]*[A-Z0-9.]$/.test(inner) && words.length <= 6)
    return shortLabel(inner) ?? '';
  if (words.length <= 5 && EN_GAP_NOUN.test(inner) && !/[.;!?]$/.test(inner)) return shortLabel(inner.replace(/^(?:the|a|an)\s+/i, '')) ?? '';
  return undefined;
}

function shortLabel(words: string): string | undefined {
  const label = atWordBoundary(words.trim(), LABEL_LIMIT);
  return label === '' ? undefined : label;
}

// ---------------------------------------------------------- template tokens

const TOKEN = new RegExp(
  [
    String.raw`\$\{([A-Za-z_][\w.]{0,40})\}`,
    String.raw`(?<![{\\$])\{([\p{L}_][\p{L}\p{N}_ .'-]{0,40})\}(?!\})`,
    String.raw`<<([\p{L}_][\p{L}\p{N}_ .-]{0,40})>>`,
    String.raw`«([\p{L}_][\p{L}\p{N}_ .-]{0,40})»`,
    String.raw`%%([\p{L}_][\p{L}\p{N}_]{0,40})%%`,
  ].join('|'),
  'gu',
);

/** `{SIGNING DATE}`, `{rate}%`, `<<Party>>`, `«Name»`, `${name}`, `%%name%%`: other tools' template slots. */
export function scanTemplateTokens(text: string): GapHit[] {
  const hits: GapHit[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const name = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5])!.trim();
    if (name === '' || name.endsWith(' ')) continue;
    const start = match.index;
    const end = start + match[0].length;
    const label = shortLabel(name.replace(/_/g, ' '));
    hits.push({ start, end, style: 'template-token', kind: 'bracket', expects: typeFromLabel(label) ?? percentAfter(text, end), label });
  }
  return hits;
}

const percentAfter = (text: string, end: number): FieldType | undefined => (/^\s*[%％]/.test(text.slice(end, end + 3)) ? 'percent' : undefined);

// ------------------------------------------------------------ space dates

const SPACE_DATE =
  /(?<![ \t\u3000\d_＿])[ \t\u3000]{1,40}年[ \t\u3000]{1,20}月[ \t\u3000]{1,20}日|(?<=^|[:：])年[ \t\u3000]{1,20}月[ \t\u3000]{1,20}日|(?<=\b(?:Date|Dated|date|dated|on|made):?)[ \t]{3,40},[ \t]*(?:19|20)(?![\d_])[ \t]{0,2}/gmu;

/** `     年    月     日` and `Date:      , 20  `: a date written as spaces to fill. */
export function scanSpaceDates(text: string): GapHit[] {
  return [...text.matchAll(SPACE_DATE)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    style: 'space-date' as const,
    kind: 'date' as const,
    expects: 'date' as const,
    label: sameLineLabel(text, match.index),
  }));
}

/** The label before `index` when it stands on the same line. */
function sameLineLabel(text: string, index: number): string | undefined {
  let from = index;
  while (from > 0 && /[ \t\u3000:：]/.test(text[from - 1]!)) from--;
  if (from === 0 || text[from - 1] === '\n' || text[from - 1] === '\r') return undefined;
  return labelBefore(text, index);
}

// ------------------------------------------------------------ masked data

const MASKED = new RegExp(
  [
    // XX市XX区, XXXX年XX月XX日, ××公司: runs of X next to Chinese words.
    String.raw`(?<![A-Za-z×Ｘ])(?:[X×Ｘ]{2,40}|x{2,40})(?:[市区县省路街巷号栋室楼层镇村乡年月日元](?:[X×Ｘ]{2,40}|x{2,40}))*(?:[市区县省路街巷号栋室楼层镇村乡年月日元])?(?![A-Za-z×Ｘ])`,
    // 138XXXXXXXX, 110***********1234, 6222 **** **** 1234
    String.raw`(?<![\d*Xx×])\d{2,}[X×x*]{4,}\d*(?![\dA-Za-z])`,
    // 联系人：***
    String.raw`(?<=[:：][ \t]{0,4})\*{3,}(?![*\p{L}])`,
  ].join('|'),
  'gu',
);

/** `XX市XX区`, `138XXXXXXXX`, `XXXX年XX月XX日`, `***`: sample data masked but never replaced. */
export function scanMaskedSamples(text: string): GapHit[] {
  const hits: GapHit[] = [];
  for (const match of text.matchAll(MASKED)) {
    const start = match.index;
    const end = start + match[0].length;
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    if (/^[X×Ｘx]+$/.test(match[0])) {
      // A bare run of X is a mask only beside Chinese text or digits, never a Roman numeral in English.
      if (!/[\p{Script=Han}\d：:]/u.test(before + after) && (match[0].length < 4 || /x/.test(match[0]))) continue;
      if (/(?:Article|Section|Chapter|Schedule|Part|Annex|Clause)\s*$/i.test(text.slice(Math.max(0, start - 12), start))) continue;
    }
    const expects = /年.*月.*日/.test(match[0]) ? 'date' : /元/.test(match[0]) ? 'money' : undefined;
    hits.push({ start, end, style: 'masked-sample', kind: 'bracket', expects, label: labelBefore(text, start) });
  }
  return hits;
}

// ------------------------------------------------------ mail-merge names

// A value slot may put a fixed prefix before the field: 协议编号：SUB-contractNo.
const MAIL_MERGE =
  /(?<=(?:[\p{Script=Han}）)][：:]|[￥¥]|人民币|大写[：:]?)[ \t]{0,4}(?:[A-Z0-9]{1,8}[-_/])?|[\p{Script=Han}])(?:[a-z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[a-z]+(?:_[a-z0-9]+)+)(?![\w@./:\\-])/gu;

/**
 * `地址：partyAAddress`, `￥depositAmount元`: a mail-merge field name left in
 * Chinese text. Only camelCase or snake_case identifiers in a value slot count,
 * so an English name, an e-mail, a URL or a model number stays a value.
 */
export function scanMailMergeNames(text: string): GapHit[] {
  const hits: GapHit[] = [];
  for (const match of text.matchAll(MAIL_MERGE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[0].length < 6) continue;
    // The label stands before the slot's own marker: 押金 in 押金￥depositAmount.
    let at = start - (/(?<=[：:][ \t]{0,4})[A-Z0-9]{1,8}[-_/]$/.exec(text.slice(Math.max(0, start - 14), start))?.[0].length ?? 0);
    while (at > 0 && /[ \t￥¥]/.test(text[at - 1]!)) at--;
    if (text.slice(at - 3, at) === '人民币') at -= 3;
    const label = labelBefore(text, at);
    const before = text.slice(Math.max(0, start - 8), start);
    const expects = /[￥¥]|人民币/.test(before) || /^\s*元/.test(text.slice(end, end + 3)) ? 'money' : typeFromLabel(label);
    hits.push({ start, end, style: 'mail-merge-name', kind: 'bracket', expects, label: label ?? match[0] });
  }
  return hits;
}

// ------------------------------------------------------ amount in words

const WORDS_SLOT = /(?<=[（(][ \t]{0,2}(?:大写金额|大写|in words)[ \t]{0,2}[：:])([ \t\u3000]{0,40}(?:…{1,3}|\.{3,6})?[ \t\u3000]{0,40})(?=[）)])/gi;

/** `（大写金额：          ）`, `(in words: …)`: the words of an amount, not yet written. */
export function scanEmptyAmountWords(text: string): GapHit[] {
  const hits: GapHit[] = [];
  for (const match of text.matchAll(WORDS_SLOT)) {
    if (match[0].length === 0) continue;
    hits.push({
      start: match.index,
      end: match.index + match[0].length,
      style: 'empty-label',
      kind: 'bracket',
      expects: 'text',
      label: /in words/i.test(text.slice(Math.max(0, match.index - 10), match.index)) ? 'in words' : '大写金额',
    });
  }
  return hits;
}

// ---------------------------------------------------------- empty labels

const EN_LABELS = String.raw`(?:By|Name and title|Witness name|Witness address|Occupation|Location|Name|Print(?:ed)? Name|Full Name|Title|Date|Signature|Signed|Address|E-?mail|Phone|Tel|Telephone|Mobile|Fax|Witness|Position|Company|Place|Attention|Attn|Authori[sz]ed Signatory|Signatory|Registered Office|Account(?: No\.?| Number)?|Bank)`;
const ZH_FIELD_NOUN = String.raw`(?:授权代表|委托代理人|代理人|开户行|开户银行|账号|帐号|户名|地址|住所|通讯地址|电话|联系电话|手机|传真|邮编|邮箱|电子邮箱|日期|签署日期|签订日期|时间|盖章|签字|签章|签名|名称|姓名|法定代表人|负责人|联系人|身份证号|身份证号码|证件号码|统一社会信用代码|职务|见证人|经办人|签约地点|签订地点|编号|合同编号|面积|期限|金额|授权签字)`;
const PAREN = String.raw`(?:[（(][\p{Script=Han}、/或及与]{1,8}[)）])`;
// （签字）, （盖章）, （签字或盖章）: whoever stands before it signs or seals there, named or not (承租人, 委派代表).
const SIGN_PAREN = String.raw`(?:[（(](?:签字|签名|盖章|签章|公章|印章)(?:[、/或及与并和]{1,2}(?:签字|签名|盖章|签章|公章|印章|按手印|捺印))?[)）])`;
// An English name after the Chinese one, as bilingual forms write it: 姓名 Name, 承租人（签字）Tenant (Signature).
const EN_GLOSS = String.raw`(?:[ \t]{0,2}[A-Z][A-Za-z.]{0,20}(?: [A-Za-z./]{1,20}){0,3}(?: ?\([A-Za-z ]{1,20}\))?)`;
const ZH_LABEL = String.raw`(?:(?:[甲乙丙丁][\u3000 ]{0,4}方|[\p{Script=Han}]{0,8}${ZH_FIELD_NOUN})${PAREN}?|[甲乙丙丁]方${PAREN}|[\p{Script=Han}]{1,12}${SIGN_PAREN})${EN_GLOSS}?`;
const NEXT_ZH_LABEL = String.raw`[\p{Script=Han}]{1,12}${PAREN}?${EN_GLOSS}?[：:]`;
const STARS = String.raw`(?:\*\*)?`;
const GAP_SPACE = String.raw`[ \t\u3000]`;
// A label, its colon and the spaces after it, followed by the line end or the next label.
const EMPTY_LABEL = new RegExp(
  [
    String.raw`(?<![\p{L}\p{N}])${STARS}(${EN_LABELS})${STARS}[ \t]*:${STARS}(${GAP_SPACE}{0,80})(?=${STARS}(?:$|[\r\n|]|${EN_LABELS}${STARS}[ \t]*:))`,
    String.raw`(?<=^|[ \t\u3000|>*]|^[-*+] )${STARS}(${ZH_LABEL})${STARS}[：:]${STARS}(${GAP_SPACE}{0,80})(?=${STARS}(?:$|[\r\n|）)]))`,
    String.raw`(?<=^|[ \t\u3000|>*])${STARS}([\p{Script=Han}]{1,10}${PAREN}?${EN_GLOSS}?)${STARS}[：:]${STARS}(${GAP_SPACE}{1,80})(?=${NEXT_ZH_LABEL})`,
    // 甲方（签字）：甲方（签字）： — a place to sign right after another label's colon, with nothing after it.
    String.raw`(?<=[：:])${STARS}([\p{Script=Han}]{1,12}${SIGN_PAREN}${EN_GLOSS}?)${STARS}[：:]${STARS}(${GAP_SPACE}{0,80})(?=${STARS}(?:$|[\r\n|]))`,
  ].join('|'),
  'gmu',
);

/**
 * `By:`, `Title:`, `授权代表：`, `乙方（盖章）：` with nothing after them but
 * spaces before the line ends or the next label. A sentence that introduces a
 * list (`as follows:`, `如下：`) is no label: only known field names count at a
 * line end, and `甲方：` alone heads the lines that follow it.
 */
export function scanEmptyLabels(text: string, around: Around = NOTHING_AROUND): GapHit[] {
  const hits: GapHit[] = [];
  if (!/[:：]/.test(text)) return hits;
  for (const match of text.matchAll(EMPTY_LABEL)) {
    const label = (match[1] ?? match[3] ?? match[5] ?? match[7])!;
    const spaces = match[2] ?? match[4] ?? match[6] ?? match[8] ?? '';
    const start = match.index + match[0].indexOf(label);
    const fillEnd = match.index + match[0].length;
    const fillStart = fillEnd - spaces.length;
    // `甲方：` heads the lines under it when they are labels (名称：…); alone it is a gap.
    if (match[3] !== undefined && /^[甲乙丙丁][\u3000 ]*方$/.test(label) && /^(?:\r\n|\r|\n)[^\r\n]{0,20}[：:]/.test(text.slice(fillEnd, fillEnd + 40)))
      continue;
    if (/如下|以下|下列/.test(label)) continue;
    const atLineEnd = fillEnd >= text.length || text[fillEnd] === '\n' || text[fillEnd] === '\r';
    if (atLineEnd && (nextLineIsUnderscores(text, fillEnd, around) || introducesList(text, fillEnd, around))) continue;
    hits.push({
      start,
      end: fillEnd,
      style: 'empty-label',
      kind: 'bracket',
      expects: typeFromLabel(label),
      label: labelName(label),
      fill: { start: fillStart, end: fillEnd },
    });
  }
  return hits;
}

// `- `, `1. `, `(a) `, `（一）`, `一、` on the very next line: the first item of a list (past a blank line it may be the next clause).
const LIST_ITEM_NEXT =
  /^[ \t\u3000]*(?:\r\n|\r|\n)[ \t]*(?:[-*+][ \t]|\d{1,2}[.)、][ \t]?|[(（](?:[a-z]|\d{1,2}|[ivx]{1,4}|[一二三四五六七八九十]{1,2})[)）]|[一二三四五六七八九十]{1,2}、)/;

/** `Services:` or `付款方式：` over a list is the list's heading, not an empty value. */
function introducesList(text: string, from: number, around: Around): boolean {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  const rest = text.slice(i, i + 200);
  return LIST_ITEM_NEXT.test(rest) || (/^\s*$/.test(rest) && LIST_ITEM_NEXT.test(rest + around.after(CONTEXT_REACH)));
}

/** The name a label gives its gap: 甲方（签字） keeps what is done there; a gloss's own bracket (`(Signature)`) is dropped. */
function labelName(label: string): string {
  const named = label.replace(/[ \t]?\([A-Za-z ]{1,20}\)$/, '').trim();
  return (SIGNS_AT_END.test(named) ? named : named.replace(/[（(][^)）]*[)）]$/, '')) || label;
}

const SIGNS_AT_END = new RegExp(`${SIGN_PAREN}$`, 'u');

// A line of underscores under the label, past blank lines: that line is the gap, the label only captions it.
const UNDERSCORE_LINE_NEXT = /^(?:[ \t\u3000]*(?:\r\n|\r|\n)){1,3}[ \t]*[_＿]{3,}[ \t]*(?:$|[\r\n])/;

/** The text after the block counts: a line of underscores there is a block of its own. */
function nextLineIsUnderscores(text: string, from: number, around: Around): boolean {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  const rest = text.slice(i, i + 200);
  return UNDERSCORE_LINE_NEXT.test(rest) || (/^\s*$/.test(rest) && UNDERSCORE_LINE_NEXT.test(rest + around.after(CONTEXT_REACH)));
}

// ------------------------------------------------------- signature lines

const SIGNATURE_CAPTION =
  /^[ \t\u3000]{0,40}(?:\*\*)?(?:[(（][ \t]*(?:Signature|Signed|Seal|Authori[sz]ed Signature|签字|签名|盖章|签章|公章|签字盖章|签字或盖章|签字并盖章)[ \t]*[)）]|(?:签字|签名|盖章|签章|签字盖章)[：:]?)(?:\*\*)?[ \t\u3000]{0,40}$/gimu;

/** `(Signature)`, `（签字）`, `签字：`, `盖章` alone on a line: a place to sign. */
export function scanSignatureCaptions(text: string, around: Around = NOTHING_AROUND): GapHit[] {
  const hits: GapHit[] = [];
  for (const match of text.matchAll(SIGNATURE_CAPTION)) {
    const trimmed = match[0].trim();
    if (trimmed === '') continue;
    const start = match.index + match[0].indexOf(trimmed);
    // Under a line of underscores it only captions that line, which is the gap.
    if (
      previousLineIsUnderscores(text, match.index) ||
      (match.index === 0 && /(?:^|[\r\n])[ \t]*[_＿]{3,}[ \t]*(?:\r\n|\r|\n)[ \t]*$/.test(around.before(CONTEXT_REACH)))
    )
      continue;
    const label = trimmed.replace(/[*()（）：:]/g, '').trim();
    hits.push({ start, end: start + trimmed.length, style: 'signature-line', kind: 'underscore', expects: undefined, label });
  }
  return hits;
}

function previousLineIsUnderscores(text: string, lineStart: number): boolean {
  if (lineStart === 0) return false;
  let end = lineStart - 1;
  if (text[end] === '\n' && text[end - 1] === '\r') end--;
  let start = end;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r' && end - start < 200) start--;
  return /^[ \t]*[_＿]{3,}[ \t]*$/.test(text.slice(start, end));
}

/** True when the line before `index` is a label a signature line belongs to, or the line after captions it. */
export function isSignatureLine(text: string, start: number, end: number): boolean {
  // Past blank lines: a signature line often stands a line below its label.
  const previous = nonBlankLineAbove(text, start).replace(/\*\*/g, '');
  if (
    /[:：]$/.test(previous) ||
    /(?:盖章|签字|签章|签名|Signature|[甲乙丙丁]方|Party [A-D])[)）]?$/i.test(previous) ||
    /^(?:Signed|Executed|For and on behalf)\b/i.test(previous)
  )
    return true;
  let next = end;
  while (next < text.length && text[next] !== '\n' && text[next] !== '\r') next++;
  next += text[next] === '\r' && text[next + 1] === '\n' ? 2 : 1;
  SIGNATURE_CAPTION.lastIndex = 0;
  const line = /^[^\r\n]*/.exec(text.slice(next, next + 200))?.[0] ?? '';
  return next <= text.length && new RegExp(SIGNATURE_CAPTION.source, 'iu').test(line);
}

// --------------------------------------------------------- empty cells

/**
 * `| Name | |`, `| 签字 | | |`: empty cells in a table body row that holds
 * something else. Tables in contracts are forms; the header row and a wholly
 * empty spacer row are not gaps.
 */
export function scanEmptyCells(text: string): GapHit[] {
  const hits: GapHit[] = [];
  let row = 0;
  for (const line of linesOf(text)) {
    row++;
    if (row <= 2) continue; // the header and the delimiter row
    const cells = splitCells(line.text);
    if (cells.length < 2) continue;
    const first = cells[0]!;
    const label = first.text.trim().replace(/\*\*/g, '').trim();
    // A form row: every empty cell in a row that holds something else is a place to fill.
    if (cells.every((c) => c.text.trim() === '')) continue;
    // A totals row leaves the columns that are not summed empty on purpose.
    if (/^(?:合计|总计|小计|共计|total|subtotal|grand total)\b|^(?:合计|总计|小计|共计)/i.test(label)) continue;
    const empty = cells.filter((c) => c.text.trim() === '' && c.text.length > 0);
    if (empty.length === 0) continue;

    for (const cell of empty) {
      hits.push({
        start: line.start + cell.start,
        end: line.start + cell.start + cell.text.length,
        style: 'empty-cell',
        kind: 'bracket',
        expects: typeFromLabel(label),
        label: atWordBoundary(label.replace(/[:：]$/, ''), LABEL_LIMIT) || undefined,
      });
    }
  }
  return hits;
}

function* linesOf(text: string): Generator<{ text: string; start: number }> {
  for (const match of text.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/g)) {
    if (match[0] === '' && match.index >= text.length) return;
    yield { text: match[0].replace(/[\r\n]+$/, ''), start: match.index };
  }
}

/** The cells of a table row, each with its offset in the line; `\|` does not split. */
function splitCells(line: string): Array<{ text: string; start: number }> {
  const bars: number[] = [];
  for (let i = 0; i < line.length; i++) if (line[i] === '|' && line[i - 1] !== '\\') bars.push(i);
  const lead = /^\s*\|/.test(line);
  const trail = /\|\s*$/.test(line);
  const cells: Array<{ text: string; start: number }> = [];
  const bounds = [lead ? bars[0]! : -1, ...bars.slice(lead ? 1 : 0, trail ? -1 : undefined), trail ? bars[bars.length - 1]! : line.length];
  for (let i = 0; i + 1 < bounds.length; i++) cells.push({ text: line.slice(bounds[i]! + 1, bounds[i + 1]!), start: bounds[i]! + 1 });
  return cells;
}

// ------------------------------------------------------ unticked choices

const BOX = /[□☐○◯]/;
const TICKED = /[☑☒■√✓✔]/;
const ANY_BOX = /[□☐○◯☑☒■√✓✔]/g;

/** A group of options with boxes: on one line, or on consecutive lines that each start with a box. */
export interface ScannedTickGroup {
  readonly start: number;
  readonly end: number;
  readonly options: readonly string[];
  readonly ticked: number;
  /** Each box: its offset, whether it is ticked, and the words after it. */
  readonly boxes: ReadonlyArray<{ readonly at: number; readonly ticked: boolean; readonly option: string }>;
  readonly allows: 'one' | 'many' | undefined;
}

// What a form says about how many boxes to tick; "not more than one" is tested before "more than one".
const ONE_ALLOWED =
  /不可多选|不得多选|不能多选|单选|择一|[二两三四]选一|选其一|只能选择?一|仅(?:可|能)?选择?一|选择?一[种项个]|(?:tick|check|select|choose|mark)\s+(?:only\s+)?one\b|one of the following|only one\b|one box\b|\beither\b/i;
const MANY_ALLOWED = /多选|可选多|复选|可同时选择|可选择多[项个]|all that apply|one or more|any of|as many as|all applicable|(?:tick|check|select|mark) all\b/i;
// Only boxes before the first tick are looked at: a line of more than this is no choice a drafter makes.
const LONGEST_TICK_LINE = 4000;

/** `□ 同意 □ 不同意`, `☐ A ☐ B`, lists of `□ …` items: the groups and how many are ticked. */
export function scanTickGroups(text: string, around: Around = NOTHING_AROUND): ScannedTickGroup[] {
  const groups: ScannedTickGroup[] = [];
  // Most blocks hold no box at all.
  if (!/[□☐○◯☑☒]/.test(text)) return groups;
  let open:
    | {
        start: number;
        end: number;
        lineStart: number;
        inline: boolean;
        options: string[];
        ticked: number;
        unticked: number;
        boxes: ScannedTickGroup['boxes'][number][];
      }
    | undefined;
  const close = () => {
    if (open && open.unticked + open.ticked > 0 && (open.unticked > 0 || open.ticked > 1)) {
      // A line of boxes says on its own line how many to tick; a list, in the lines before it,
      // which may be the paragraph before the list (`Region (select one):`).
      const context = open.inline
        ? text.slice(open.lineStart, open.end)
        : (open.start < 60 ? around.before(60 - open.start) : '') + text.slice(Math.max(0, open.start - 60), open.end);
      groups.push({
        start: open.start,
        end: open.end,
        options: open.options,
        ticked: open.ticked,
        boxes: open.boxes,
        allows: ONE_ALLOWED.test(context) ? 'one' : MANY_ALLOWED.test(context) ? 'many' : undefined,
      });
    }
    open = undefined;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    const line = text.slice(lineStart, lineEnd);
    const lineHasBox = BOX.test(line);
    // ■ √ ✓ are ticks only beside an empty box; alone they are bullets and marks.
    const boxes =
      (lineHasBox || /[☑☒]/.test(line)) && line.length < LONGEST_TICK_LINE ? [...line.matchAll(ANY_BOX)].filter((m) => lineHasBox || /[☑☒]/.test(m[0])) : [];
    const lead = /^[ \t]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?(?=[□☐○◯☑☒■√✓✔])/.exec(line);
    if (boxes.length > 0 && (boxes.length >= 2 || lead)) {
      // A line of options, or one item of an option list: an item continues the group of the line before.
      if (!(lead && boxes.length === 1 && open)) close();
      open ??= { start: lineStart + boxes[0]!.index, end: lineEnd, lineStart, inline: !lead, options: [], ticked: 0, unticked: 0, boxes: [] };
      boxes.forEach((box, i) => {
        const optionEnd = i + 1 < boxes.length ? boxes[i + 1]!.index : line.length;
        const option = line
          .slice(box.index + 1, optionEnd)
          .trim()
          .replace(/[，,；;。]$/, '');
        const ticked = TICKED.test(box[0]);
        open!.options.push(option);
        open!.boxes.push({ at: lineStart + box.index, ticked, option });
        if (ticked) open!.ticked++;
        else open!.unticked++;
      });
      open.end = lineStart + line.trimEnd().length;
      if (boxes.length >= 2 && !lead) close();
    } else close();
    lineEnd += text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1;
    lineStart = lineEnd;
  }
  close();
  return groups;
}

/** The groups with more than one box ticked, as the model keeps them for the exclusive-choice check. */
export function tickedGroups(groups: readonly ScannedTickGroup[], base: number): TickGroup[] {
  return groups
    .filter((g) => g.ticked >= 2)
    .map((g) => ({
      span: { start: base + g.start, end: base + g.end },
      boxes: g.boxes.map((b) => ({ span: { start: base + b.at, end: base + b.at + 1 }, ticked: b.ticked, option: b.option })),
      allows: g.allows,
    }));
}

/** Unticked groups are gaps; the fix turns them into a choice placeholder. */
export function scanUntickedChoices(text: string, groups: readonly ScannedTickGroup[], around: Around = NOTHING_AROUND): GapHit[] {
  // Options set apart by blank lines are still one list: an item right after another item's line is no new group.
  // Read only when a group is unticked: the pattern tries every position of the 200 characters before the block.
  let continuesList: boolean | undefined;
  const continuesPrecedingList = () =>
    (continuesList ??= /(?:^|[\r\n])[ \t]*(?:[-*+][ \t]+)?[□☐○◯☑☒■√✓✔][^\r\n]*(?:\r\n|\r|\n)[ \t\r\n]*$/.test(around.before(CONTEXT_REACH)));
  return groups
    .filter((g) => g.ticked === 0 && !(continuesPrecedingList() && g.start === text.search(/\S/)))
    .map((g) => ({
      start: g.start,
      end: g.end,
      style: 'unticked-choice' as const,
      kind: 'bracket' as const,
      expects: 'choice' as const,
      label: groupLabel(text, g.start),
      options: g.options.filter((o) => o !== '' && !/[|]/.test(o)),
    }));
}

/** The words before a group; for an option list, the words before the list (`选择方式：`). */
function groupLabel(text: string, start: number): string | undefined {
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const prefix = text.slice(lineStart, start);
  return labelBefore(text, /^[ \t]*(?:[-*+]|\d+[.)])?[ \t]*$/.test(prefix) ? lineStart : start);
}
