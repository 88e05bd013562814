import type { TickBox, TickGroup } from '../model.js';
import type { Check, TextEdit } from './types.js';

type Reason = 'single' | 'opposite' | 'forum' | 'alternatives';

// Negations that turn an option into its opposite: 同意 / 不同意, 无需审批 / 需审批, required / not required, agree / disagree.
const ZH_NEGATIONS = ['不予', '不', '非', '未', '无', '没有'];
const EN_NEGATIONS = ['not ', 'no ', 'non-', 'non', 'do not ', 'does not ', 'will not ', 'shall not ', 'dis', 'un', 'in'];
// Pairs that contradict without a shared stem.
const OPPOSITES: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^是$/, /^否$/],
  [/^有$/, /^无$/],
  [/^yes$/i, /^no$/i],
  [/^(?:同意|接受)$/, /^(?:拒绝|反对)$/],
  [/^(?:accept|approve)d?$/i, /^(?:reject|refuse)d?$/i],
];
const ARBITRATION = /仲裁|arbitrat/i;
const COURTS = /法院|诉讼|起诉|court|litigation/i;
// Options that are alternatives by their names: 第一种 / 第二种, 方案一, Option A, or bare letters A / B.
const ALTERNATIVE =
  /^(?:第[一二三四五六七八九十\d]{1,2}种|方案[一二三四五六七八九十\dA-Z]{1,2}|(?:option|alternative)\s+[A-Z\d]{1,2}|[A-Z]|[甲乙丙丁])(?:$|[\s:：.、（(])/i;
const LONGEST_OPTION = 30;
// More boxes than this is a checklist, not a choice between options; a fix per box would also grow with its square.
const MOST_BOXES = 24;
// A form's note that its boxes choose one unless marked otherwise: 本合同中“□”为选择项，…只能勾选一项 / 选择其一.
const ONE_PER_GROUP_NOTE =
  /[□☐]”?\s*(?:为|是|系)选择项[^\n\r]{0,80}?(?:只能|仅能|仅可)(?:勾选|选择|选)一项|[□☐]”?\s*(?:为|是|系)选择项[^\n\r]{0,20}?选择其一|boxes? (?:are|is) alternatives[^\n\r]{0,40}?tick (?:only )?one/i;

/**
 * More than one box ticked where the options exclude each other: `☑ 同意 ☑ 不同意`,
 * arbitration and the courts both ticked, or a form that says to choose one.
 * A list that says several may be ticked (可多选, tick all that apply) is left
 * alone, and so is one that says nothing and offers options that can stand
 * together. Which box is meant only the drafter knows: each "keep this one"
 * is its own quick fix, none safe.
 */
export const exclusiveChoice: Check = {
  id: 'exclusive-choice',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'More than one box is ticked where only one option may be chosen.',
      single: '{count} boxes are ticked ({ticked}), but the form says to choose one.',
      opposite: '"{first}" and "{second}" are both ticked, but they contradict each other: tick one.',
      forum:
        'Both arbitration and the courts are ticked ({ticked}): an agreement to arbitrate "or" sue is commonly held invalid as an arbitration agreement. Tick one.',
      alternatives: '{count} alternatives are ticked ({ticked}); they are offered as alternatives, so one is meant.',
      tickedBox: 'Ticked: {option}.',
      keep: 'Keep "{option}", untick the others',
    },
    'zh-CN': {
      summary: '只能选择一项的选项勾选了多项。',
      single: '勾选了 {count} 项（{ticked}），但此处要求只选一项。',
      opposite: '“{first}”与“{second}”同时被勾选，二者互相矛盾，请只勾选一项。',
      forum: '同时勾选了仲裁与诉讼（{ticked}）：约定“或裁或诉”的，仲裁协议通常被认定无效。请只勾选一项。',
      alternatives: '勾选了 {count} 个备选方案（{ticked}），各方案互相替代，只应选择一项。',
      tickedBox: '已勾选：{option}。',
      keep: '保留“{option}”，取消其他勾选',
    },
  },
  run({ doc, report }) {
    const separator = doc.locale === 'zh-CN' ? '、' : ', ';
    const onePerGroup = doc.tickGroups.some((g) => g.allows !== 'many') && ONE_PER_GROUP_NOTE.test(doc.text);
    for (const group of doc.tickGroups) {
      const ticked = group.boxes.filter((b) => b.ticked);
      if (ticked.length < 2 || group.allows === 'many' || group.boxes.length > MOST_BOXES) continue;
      const why = reason(group, ticked, onePerGroup);
      if (why === undefined) continue;
      const names = ticked.map((b) => short(b.option));
      report({
        span: { start: ticked[0]!.span.start, end: ticked[ticked.length - 1]!.span.end },
        key: why.key,
        args: { count: ticked.length, ticked: names.join(separator), first: short(why.pair?.[0] ?? ''), second: short(why.pair?.[1] ?? '') },
        related: ticked.map((b) => ({ span: b.span, key: 'tickedBox', args: { option: short(b.option) } })),
        fixes: ticked.map((keep) => ({
          key: 'keep',
          args: { option: short(keep.option) },
          edits: untickOthers(doc.text, group, keep),
          safe: false,
        })),
      });
    }
  },
};

function reason(group: TickGroup, ticked: readonly TickBox[], onePerGroup: boolean): { key: Reason; pair?: readonly [string, string] } | undefined {
  for (let i = 0; i < ticked.length; i++)
    for (let j = i + 1; j < ticked.length; j++)
      if (contradict(ticked[i]!.option, ticked[j]!.option)) return { key: 'opposite', pair: [ticked[i]!.option, ticked[j]!.option] };
  if (ticked.some((b) => ARBITRATION.test(b.option)) && ticked.some((b) => COURTS.test(b.option) && !ARBITRATION.test(b.option))) return { key: 'forum' };
  if (group.allows === 'one' || onePerGroup) return { key: 'single' };
  if (ticked.every((b) => ALTERNATIVE.test(b.option.trim()))) return { key: 'alternatives' };
  return undefined;
}

/** Whether two options say opposite things, in Chinese or in English (a bilingual option may say both). */
function contradict(a: string, b: string): boolean {
  const zh = (s: string) => (s.match(/[\u4e00-\u9fff]+/g) ?? []).join('');
  const en = (s: string) => (s.match(/[A-Za-z][A-Za-z -]*/g) ?? []).join(' ').toLowerCase().replace(/\s+/g, ' ').trim();
  // The last option of a line runs on to its end (`☒ disagrees to the use of its name`): its first words count too.
  const heads = (s: string) => {
    const words = s.split(' ');
    return [s, words[0]!, words.slice(0, 2).join(' ')];
  };
  const enA = heads(en(a));
  const enB = heads(en(b));
  return opposite(zh(a), zh(b), ZH_NEGATIONS) || enA.some((x) => enB.some((y) => opposite(x, y, EN_NEGATIONS)));
}

function opposite(a: string, b: string, negations: readonly string[]): boolean {
  if (a === '' || b === '' || a === b) return false;
  if (OPPOSITES.some(([x, y]) => (x.test(a) && y.test(b)) || (x.test(b) && y.test(a)))) return true;
  return negations.some((n) => a === n + b || b === n + a);
}

/** The edits that untick every ticked box but `keep`, each into the group's own empty box. */
function untickOthers(text: string, group: TickGroup, keep: TickBox): TextEdit[] {
  const empty = group.boxes.find((b) => !b.ticked);
  const emptyBox = empty ? text.slice(empty.span.start, empty.span.end) : undefined;
  return group.boxes
    .filter((b) => b.ticked && b !== keep)
    .map((b) => {
      const box = text.slice(b.span.start, b.span.end);
      return { span: b.span, newText: emptyBox ?? (box === '☑' || box === '☒' ? '☐' : '□') };
    });
}

function short(option: string): string {
  const trimmed = option.trim();
  return trimmed.length > LONGEST_OPTION ? `${trimmed.slice(0, LONGEST_OPTION - 1)}…` : trimmed;
}
