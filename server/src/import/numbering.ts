import { numbers } from '../core/index.js';
import { wAttr, wChild, wChildren, wDescendants } from './wordXml.js';

/** One level of a Word list: its format (`chineseCounting`), its text (`第%1条`) and where it starts. */
interface Level {
  readonly format: string;
  readonly text: string;
  readonly start: number;
  readonly suffix: 'tab' | 'space' | 'nothing';
  /** "Legal" numbering shows every level in decimal (`1.1` under `第一条`). */
  readonly legal: boolean;
}

interface Instance {
  readonly abstractId: string;
  readonly startOverrides: ReadonlyMap<number, number>;
}

const FALLBACK: Level = { format: 'decimal', text: '%1.', start: 1, suffix: 'tab', legal: false };

/**
 * Word's automatic numbering, which mammoth drops: for each numbered
 * paragraph in document order, the number Word shows (`一、`, `（二）`, `1.1`,
 * `(c)`, `第三条`), from numbering.xml and the paragraph styles that carry a
 * numbering.
 */
export class NumberingCounter {
  private readonly abstracts = new Map<string, Level[]>();
  private readonly instances = new Map<string, Instance>();
  private readonly styleNumbering = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  /** Counters per abstract list, shared by every instance of it, as Word continues them. */
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly restarted = new Set<string>();

  constructor(numbering: Document | undefined, styles: Document | undefined) {
    if (numbering) {
      const linked = new Map<string, string>();
      for (const abstract of wDescendants(numbering, 'abstractNum')) {
        const levels: Level[] = [];
        for (const lvl of wChildren(abstract, 'lvl')) {
          const index = Number(wAttr(lvl, 'ilvl') ?? 0);
          const suffix = wAttr(wChild(lvl, 'suff'));
          levels[index] = {
            format: wAttr(wChild(lvl, 'numFmt')) ?? 'decimal',
            text: wAttr(wChild(lvl, 'lvlText')) ?? '',
            start: Number(wAttr(wChild(lvl, 'start')) ?? 1) || 0,
            suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
            legal: wChild(lvl, 'isLgl') !== undefined,
          };
        }
        const id = wAttr(abstract, 'abstractNumId') ?? '';
        this.abstracts.set(id, levels);
        const styleLink = wAttr(wChild(abstract, 'styleLink'));
        if (styleLink !== undefined) linked.set(styleLink, id);
      }
      // A list defined through a numbering style (legal templates do this) takes its levels from the list that defines the style.
      for (const abstract of wDescendants(numbering, 'abstractNum')) {
        const uses = wAttr(wChild(abstract, 'numStyleLink'));
        const source = uses === undefined ? undefined : linked.get(uses);
        if (source !== undefined) this.abstracts.set(wAttr(abstract, 'abstractNumId') ?? '', this.abstracts.get(source) ?? []);
      }
      for (const num of wDescendants(numbering, 'num')) {
        const overrides = new Map<number, number>();
        for (const override of wChildren(num, 'lvlOverride')) {
          const start = wAttr(wChild(override, 'startOverride'));
          if (start !== undefined) overrides.set(Number(wAttr(override, 'ilvl') ?? 0), Number(start));
        }
        this.instances.set(wAttr(num, 'numId') ?? '', { abstractId: wAttr(wChild(num, 'abstractNumId')) ?? '', startOverrides: overrides });
      }
    }
    if (styles) {
      for (const style of wDescendants(styles, 'style')) {
        const numPr = wChild(wChild(style, 'pPr') ?? style, 'numPr');
        const ilvl = numPr ? wAttr(wChild(numPr, 'ilvl')) : undefined;
        this.styleNumbering.set(wAttr(style, 'styleId') ?? '', {
          numId: numPr ? wAttr(wChild(numPr, 'numId')) : undefined,
          ilvl: ilvl === undefined ? undefined : Number(ilvl),
          basedOn: wAttr(wChild(style, 'basedOn')),
        });
      }
    }
  }

  /** The list a paragraph belongs to: its own w:numPr, else its style's (followed up the basedOn chain). */
  private numberingOf(paragraph: Element): { numId: string; level: number } | undefined {
    const pPr = wChild(paragraph, 'pPr');
    const numPr = pPr ? wChild(pPr, 'numPr') : undefined;
    let numId = numPr ? wAttr(wChild(numPr, 'numId')) : undefined;
    let level = numPr ? wAttr(wChild(numPr, 'ilvl')) : undefined;
    let styleId = pPr ? wAttr(wChild(pPr, 'pStyle')) : undefined;
    for (let depth = 0; styleId !== undefined && depth < 20 && (numId === undefined || level === undefined); depth++) {
      const style = this.styleNumbering.get(styleId);
      if (!style) break;
      numId ??= style.numId;
      if (level === undefined && style.ilvl !== undefined) level = String(style.ilvl);
      styleId = style.basedOn;
    }
    if (numId === undefined || numId === '0' || !this.instances.has(numId)) return undefined;
    return { numId, level: Math.max(0, Math.min(8, Number(level ?? 0) || 0)) };
  }

  /** True when the paragraph's list shows bullets, which mammoth turns into a Markdown list itself. */
  isBullet(paragraph: Element): boolean {
    const found = this.numberingOf(paragraph);
    return found !== undefined && this.levelOf(found.numId, found.level).format === 'bullet';
  }

  private levelOf(numId: string, level: number): Level {
    const instance = this.instances.get(numId);
    return this.abstracts.get(instance?.abstractId ?? '')?.[level] ?? FALLBACK;
  }

  /**
   * Advances the counters for a numbered paragraph and returns the number as
   * Word shows it with what follows it (`一、`, `1.1 `), or undefined when the
   * paragraph is not numbered (or is a bullet).
   */
  next(paragraph: Element): string | undefined {
    const found = this.numberingOf(paragraph);
    if (!found) return undefined;
    const instance = this.instances.get(found.numId)!;
    const own = this.levelOf(found.numId, found.level);
    if (own.format === 'bullet' || own.format === 'none') return undefined;
    const counters = this.counters.get(instance.abstractId) ?? [];
    this.counters.set(instance.abstractId, counters);
    // A w:num with a start override restarts its list the first time it is used.
    if (!this.restarted.has(found.numId) && instance.startOverrides.size > 0) {
      this.restarted.add(found.numId);
      for (const [level, start] of instance.startOverrides) counters[level] = start - 1;
    }
    const startOf = (level: number) => instance.startOverrides.get(level) ?? this.levelOf(found.numId, level).start;
    counters[found.level] = counters[found.level] === undefined ? startOf(found.level) : counters[found.level]! + 1;
    for (let deeper = found.level + 1; deeper < 9; deeper++) counters[deeper] = undefined;
    const text = own.text.replace(/%([1-9])/g, (_, digit: string) => {
      const level = Number(digit) - 1;
      const value = counters[level] ?? startOf(level);
      const format = own.legal && level !== found.level ? 'decimal' : this.levelOf(found.numId, level).format;
      return formatNumber(value, format);
    });
    if (text === '') return undefined;
    return text + (own.suffix === 'nothing' || /[、，：）】]$/.test(text) ? '' : ' ');
  }
}

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

/** Word's letter numbering: a…z, then aa…zz, bbb… */
function letters(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter in one of Word's number formats (ST_NumberFormat); formats we do not know fall back to decimal. */
export function formatNumber(n: number, format: string): string {
  if (n <= 0) return String(n);
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'ideographDigital':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return numbers.encodeChineseOrdinal(n);
    case 'ideographTraditional':
      return HEAVENLY_STEMS[(n - 1) % 10]!;
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    default:
      return String(n);
  }
}
