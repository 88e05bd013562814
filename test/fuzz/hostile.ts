/**
 * Inputs built to hurt a parser, generated at run time (never stored in the
 * repository). Each is a text an editor could send; the CLI tests also write
 * them as files, with raw bytes where a text cannot say it.
 */
export interface Hostile {
  readonly name: string;
  readonly text: string;
  /** Known to take longer than the wait limit: reported as a to-do until the parser is bounded. */
  readonly knownSlow?: string;
}

const BODY = '\n# 合同\n\n甲方：____，金额人民币480000元（大写：伍拾万元整）。\n';

/**
 * `long` adds the full-size variants (`npm run fuzz`); the short run uses
 * sizes that finish well within the LSP tests' 10-second wait on a busy machine.
 */
export function hostileTexts(long = false): Hostile[] {
  const aliases = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++)
    aliases.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(', ')}]`,
    );
  return [
    { name: 'a YAML alias bomb in the front matter', text: `---\n${aliases.join('\n')}\nfields:\n  x: money\n---${BODY}` },
    long
      ? { name: 'a 10 MB line', text: `甲方：____ ${'很长的一行'.repeat(2_000_000)}` }
      : { name: 'a 2 MB line', text: `甲方：____ ${'很长的一行'.repeat(400_000)}` },
    { name: '100,000 nested block quotes', text: `${'>'.repeat(100_000)} 引用 ____${BODY}` },
    { name: '20,000 list items nested up to 100 deep', text: Array.from({ length: 20_000 }, (_, i) => `${'  '.repeat(i % 100)}- 项 ${i}`).join('\n') + BODY },
    { name: '200,000 opening brackets and braces', text: '[{('.repeat(200_000) + BODY },
    { name: `${long ? '300,000' : '100,000'} unclosed placeholders`, text: '{{'.repeat(long ? 300_000 : 100_000) + BODY },
    { name: 'binary bytes as text', text: Array.from({ length: 65_536 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('') },
    { name: 'lone surrogates everywhere', text: `---\ntitle: \uD800标题\uDC00\n---\n# \uDFFF合同\uD83D\n\n甲方：____\uDE00{{x\uD800: money}}\n` },
    { name: '50,000 empty lines', text: '\n'.repeat(50_000) + BODY },
    { name: 'a front matter of 2,000 lines that never closes', text: `---\n${'k: v\n'.repeat(2_000)}` },
    ...(long
      ? [
          { name: 'a million empty lines', text: '\n'.repeat(1_000_000) + BODY },
          {
            name: 'a front matter of 200,000 lines that never closes',
            text: `---\n${'k: v\n'.repeat(200_000)}`,
          },
        ]
      : []),
  ];
}

/** Where a hostile contract's `data:` points (the server and CLI must refuse each, or find nothing). */
export const HOSTILE_DATA = [
  '/dev/zero',
  '/dev/urandom',
  '/dev/stdin',
  '/proc/self/fd/0',
  '/proc/self/environ',
  '../../../../../../etc/passwd',
  '/etc/shadow',
  '.',
  '',
  'nul\u0000.yaml',
];
