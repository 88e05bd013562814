import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseContract, renderContract, runChecks, type Locale, type RenderOptions, type RenderedContract } from '../../../server/src/core/index.js';

/** The project root: this file runs from `out/test/core/render/`. */
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export function readFixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'render', name), 'utf8');
}

/** Parses, checks and renders, the way the server's preview does; `locale` is the configured message locale. */
export function render(source: string, options: RenderOptions & { locale?: Locale } = {}): RenderedContract & { source: string } {
  const { locale, ...renderOptions } = options;
  const doc = parseContract(source, { locale });
  return { ...renderContract(doc, runChecks(doc), renderOptions), source };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** What a reader sees: the text of the fragment without tags, entities decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  const spaced = html.replace(/<\/(?:td|th|tr|p|li|h[1-6]|caption|section|table|thead|tbody)>/g, ' ');
  return decodeEntities(spaced.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Tag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** The visible text from the end of the start tag to the matching end tag (for spans, marks, links). */
  readonly inner: string;
  readonly index: number;
}

/** Every start tag with its attributes, decoded. */
export function tags(html: string, name?: string): Tag[] {
  const out: Tag[] = [];
  for (const match of html.matchAll(/<([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*\/?>/gi)) {
    if (name !== undefined && match[1] !== name) continue;
    const attributes: Record<string, string> = {};
    for (const attribute of match[2]!.matchAll(/([a-z-]+)(?:="([^"]*)")?/gi)) attributes[attribute[1]!] = decodeEntities(attribute[2] ?? '');
    const start = match.index + match[0].length;
    const close = innerEnd(html, match[1]!, start);
    out.push({ name: match[1]!, attributes, inner: visibleText(html.slice(start, close)), index: match.index });
  }
  return out;
}

/** Finds the end tag that closes an element opened just before `from`, counting nested ones of the same name. */
function innerEnd(html: string, name: string, from: number): number {
  const pattern = new RegExp(`<(/?)${name}\\b[^>]*>`, 'g');
  pattern.lastIndex = from;
  let depth = 1;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] === '/' ? -1 : 1;
    if (depth === 0) return match.index;
  }
  return from;
}

export function withClass(html: string, className: string): Tag[] {
  return tags(html).filter((tag) => (tag.attributes.class ?? '').split(' ').includes(className));
}

/** The top-level children of the `<article>`: what the preview scrolls by. */
export function topLevelTags(html: string): Tag[] {
  const inner = html.replace(/^<article[^>]*>/, '').replace(/<\/article>$/, '');
  const out: Tag[] = [];
  let depth = 0;
  for (const match of inner.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*?(\/?)>/gi)) {
    const isVoid = /^(br|hr|img|input)$/i.test(match[2]!) || match[3] === '/';
    if (match[1] === '/') {
      depth--;
      continue;
    }
    if (depth === 0) out.push(tags(inner.slice(match.index), match[2]!)[0]!);
    if (!isVoid) depth++;
  }
  return out;
}
