/**
 * Expectations written inline in a contract, next to the line they concern:
 *
 *   首期支付30%，二期支付40%，尾款20%。 <!-- expect: percent-sum@19 -->
 *   fee: { type: money, value: abc }  # expect: field-type
 *
 * A marker lists check ids separated by commas; `id@column` also pins the
 * 1-based UTF-16 column where the problem starts. `# expect:` is the YAML
 * form for front-matter lines. Markers are HTML or YAML comments, so the
 * checker does not see them as text (the tests prove it by checking the
 * contract again with the markers removed).
 */
import { LineIndex, type Problem } from '../../../server/src/core/index.js';

export interface Expectation {
  readonly id: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based UTF-16 column, when pinned. */
  readonly column: number | undefined;
}

export interface Found {
  readonly id: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const MARKER = /[ \t]*(?:<!--[ \t]*expect:([^>]*?)-->|(?<=[ \t])#[ \t]*expect:(.*)$)/gm;

/** Every `expect:` marker in `text`, in line order. */
export function readExpectations(text: string): Expectation[] {
  const expectations: Expectation[] = [];
  lines(text).forEach((line, index) => {
    for (const match of line.matchAll(MARKER)) {
      const list = (match[1] ?? match[2] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      for (const item of list) {
        const [id, column] = item.split('@');
        expectations.push({ id: id!, line: index + 1, column: column === undefined ? undefined : Number(column) });
      }
    }
  });
  return expectations;
}

/** The text without its markers; line breaks and everything before a marker stay as they were. */
export function stripExpectations(text: string): string {
  return text.replace(MARKER, '');
}

/** Problems as `id`, line and column, as a drafter would find them in an editor. */
export function locate(text: string, problems: readonly Problem[]): Found[] {
  const index = new LineIndex(text);
  return problems.map((p) => {
    const at = index.positionAt(p.span.start);
    return { id: p.checkId, line: at.line + 1, column: at.character + 1, message: p.message };
  });
}

/**
 * Compares problems found with problems expected, as multisets. Returns one
 * readable line per difference; an empty list means they agree.
 */
export function differences(found: readonly Found[], expected: readonly Expectation[]): string[] {
  const unmatched = [...found];
  const missing: Expectation[] = [];
  for (const e of expected) {
    const at = unmatched.findIndex((f) => f.id === e.id && f.line === e.line && (e.column === undefined || f.column === e.column));
    if (at >= 0) unmatched.splice(at, 1);
    else missing.push(e);
  }
  return [
    ...missing.map((e) => `missing ${e.id} on line ${e.line}${e.column === undefined ? '' : `, column ${e.column}`}`),
    ...unmatched.map((f) => `unexpected ${f.id} at ${f.line}:${f.column}: ${f.message}`),
  ];
}

/** The lines of `text`, split where LSP splits them (`\r\n`, `\r`, `\n`). */
export function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Latin words in a Chinese message that are not identifiers: what is quoted
 * (a field name, a value as written), code, placeholders and the names of
 * types, filters and formats a drafter types stay as they are.
 */
export function englishLeaks(message: string, identifiers: readonly string[] = []): string[] {
  let rest = message.replace(/“[^”]*”|"[^"]*"|`[^`]*`|\{\{[^}]*\}\}|\{#[^}]*\}/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  for (const word of [...IDENTIFIERS, ...identifiers].sort((a, b) => b.length - a.length)) {
    rest = rest.replace(new RegExp(`(?<![A-Za-z])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`, 'g'), ' ');
  }
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

/** Han characters in an English message outside quotes and the Chinese names it may cite. */
export function chineseLeaks(message: string, identifiers: readonly string[] = []): string[] {
  let rest = message.replace(/“[^”]*”|"[^"]*"|`[^`]*`|\{\{[^}]*\}\}/g, ' ');
  for (const word of identifiers) rest = rest.split(word).join(' ');
  return rest.match(/\p{Script=Han}+/gu) ?? [];
}

/** Names a Chinese message may show as they are typed in a contract or a config file. */
// prettier-ignore
const IDENTIFIERS = [
  'text', 'number', 'money', 'percent', 'date', 'duration', 'party', 'choice', 'words',
  'YAML', 'JSON', 'NUL', 'Markdown', 'zh-CN', 'en', 'Client', 'USD', 'CNY', 'EUR',
  'fields:', 'parties:', 'values:', 'groups:', 'options', 'key', 'type:', 'data:', 'effective:',
  'error', 'warning', 'info', 'hint', 'off', 'true', 'false', 'locale', 'checks',
];
