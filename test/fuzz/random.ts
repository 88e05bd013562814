/** A small seeded generator, so a fuzz failure is reproduced by its seed alone. */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

/** How long a fuzz run is: short and fixed in `npm test`, long with `npm run fuzz` (see docs/security.md). */
export const FUZZ = {
  seed: Number(process.env['CLAUSEMARK_FUZZ_SEED'] ?? 20_261_129),
  sessions: Number(process.env['CLAUSEMARK_FUZZ_SESSIONS'] ?? 3),
  steps: Number(process.env['CLAUSEMARK_FUZZ_STEPS'] ?? 40),
  /** The most expensive hostile inputs (a 2^27-character document over LSP) run only in a long run. */
  long: process.env['CLAUSEMARK_FUZZ_LONG'] === '1',
};

/** Pieces real contracts are made of, and pieces that break naive parsers. */
export const PIECES = [
  '____',
  '＿＿＿',
  '[●]',
  '____年__月__日',
  '{{总费用}}',
  '{{总费用 | 大写}}',
  '{{首期}}%',
  '{{新字段: percent}}',
  '{{fee | words}}',
  '{{',
  '}}',
  '{{}}',
  '首期支付30%，',
  '尾款20%。',
  '人民币480,000元（大写：伍拾万元整）',
  'USD 120,000 (one hundred ten thousand US dollars)',
  '2026年2月30日',
  'February 30, 2026',
  '一、',
  '（一）',
  '(a) ',
  '1.1 ',
  '第三条 ',
  '## 三、知识产权 {#ip}',
  '[三](#ip)',
  '[五](#nowhere)',
  '<!-- clausemark-disable-next-line -->',
  '`{{code}}`',
  '```\n',
  '| a | b |\n|---|---|\n| 30% | ____ |\n',
  '> ',
  '- ',
  '\n',
  '\r\n',
  '\n\n',
  '---\n',
  'data: values.yaml\n',
  'fields:\n  x: money\n',
  '😀',
  '\uD83D',
  '\uDE00',
  '中文',
  'English',
  '\u00A0',
  '\uFEFF',
  '\u0000',
  '甲方',
  'Party C',
];
