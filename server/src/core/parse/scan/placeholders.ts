import { FIELD_TYPES, type FieldType, type ParseIssue, type Placeholder } from '../../model.js';
import { parseTypeText } from '../../frontMatter/fieldDeclaration.js';

const OPEN = /\{\{/g;
const NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_ .\-·]*$/u;

/**
 * Finds `{{name}}`, `{{name: type}}`, `{{name: choice(a|b)}}` and
 * `{{name | filter}}`. A malformed one is an issue, not a silent gap.
 */
export function scanPlaceholders(text: string, base: number): { placeholders: Placeholder[]; issues: ParseIssue[] } {
  const placeholders: Placeholder[] = [];
  const issues: ParseIssue[] = [];
  OPEN.lastIndex = 0;
  for (let match = OPEN.exec(text); match; match = OPEN.exec(text)) {
    const start = match.index;
    const close = findClose(text, start + 2);
    if (close < 0) {
      issues.push(issue(base + start, base + start + 2, 'unclosed', {}));
      continue;
    }
    OPEN.lastIndex = close + 2;
    const inner = text.slice(start + 2, close);
    const parsed = parseInner(inner, base + start + 2);
    const span = { start: base + start, end: base + close + 2 };
    if ('error' in parsed) {
      issues.push(issue(span.start, span.end, parsed.error, parsed.args));
      continue;
    }
    placeholders.push({ span, ...parsed });
  }
  return { placeholders, issues };
}

/** Placeholders stay on one line; a `{{` without `}}` before the line ends is unclosed. */
function findClose(text: string, from: number): number {
  for (let i = from; i < text.length - 1; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return -1;
    if (c === '{' && text[i + 1] === '{') return -1;
    if (c === '}' && text[i + 1] === '}') return i;
  }
  return -1;
}

type Parsed = Omit<Placeholder, 'span'> | { error: string; args: Record<string, string> };

function parseInner(inner: string, base: number): Parsed {
  let rest = inner;
  let filter: string | undefined;
  let filterSpan;
  const barIndex = topLevelBar(rest);
  if (barIndex >= 0) {
    const raw = rest.slice(barIndex + 1);
    filter = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    filterSpan = { start: base + barIndex + 1 + lead, end: base + barIndex + 1 + lead + filter.length };
    rest = rest.slice(0, barIndex);
    if (filter === '') return { error: 'emptyFilter', args: {} };
  }
  let typeText: string | undefined;
  let typeSpan;
  let options: string[] | undefined;
  const colon = rest.search(/[:：]/);
  if (colon >= 0) {
    const raw = rest.slice(colon + 1);
    typeText = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    typeSpan = { start: base + colon + 1 + lead, end: base + colon + 1 + lead + typeText.length };
    rest = rest.slice(0, colon);
    const parsed = parseTypeText(typeText);
    options = parsed.options;
    typeText = parsed.name;
  }
  const name = rest.trim();
  if (name === '') return { error: 'emptyName', args: {} };
  if (!NAME.test(name)) return { error: 'badName', args: { name } };
  const lead = rest.length - rest.trimStart().length;
  let inlineType: FieldType | undefined;
  if (typeText !== undefined) {
    if (!(FIELD_TYPES as readonly string[]).includes(typeText)) {
      return { error: 'unknownType', args: { name, type: typeText, types: FIELD_TYPES.join(', ') } };
    }
    inlineType = typeText as FieldType;
  }
  return {
    name,
    nameSpan: { start: base + lead, end: base + lead + name.length },
    inlineType,
    typeSpan,
    options,
    filter,
    filterSpan,
  };
}

function issue(start: number, end: number, key: string, args: Record<string, string>): ParseIssue {
  return { span: { start, end }, code: 'placeholder-syntax', key, args };
}

/** The first `|` outside parentheses: bars inside `choice(a|b)` separate options. */
function topLevelBar(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    else if (c === '|' && depth === 0) return i;
  }
  return -1;
}
