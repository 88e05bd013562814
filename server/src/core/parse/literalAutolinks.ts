import type { Root } from 'mdast';
import type { Processor } from 'unified';

/**
 * GFM autolink literals (`www.example.com`, `https://…`, `a@b.cn`) are found
 * twice: by micromark constructs while tokenising, and by an mdast transform
 * over every text node afterwards. Both cost time on every contract and
 * find nothing in one without an address; these plugins let the parser skip
 * them there, leaving the tree as it would be.
 */

/** micromark's names of its autolink literal constructs (micromark-extension-gfm-autolink-literal). */
export const LITERAL_AUTOLINK_CONSTRUCTS: readonly string[] = ['emailAutolink', 'wwwAutolink', 'protocolAutolink'];

/**
 * What every autolink literal holds: the e-mail construct consumes an `@`,
 * the others `www.` or `http(s)://`, case-insensitive, in one piece (a line
 * break or any other character in between ends the attempt). So are the
 * transform's patterns (its `mailto:` and `xmpp:` ones hold an `@` too).
 */
export const LITERAL_AUTOLINK_MARKS = /@|www\.|https?:\/\//i;

type ConstructList = ReadonlyArray<{ readonly name?: string }>;
type ConstructRecord = Record<string, { readonly name?: string } | ConstructList | undefined>;
type MicromarkExtension = Record<string, unknown>;

// The fields of a micromark extension that map character codes to constructs.
const CONSTRUCT_FIELDS = ['document', 'contentInitial', 'flowInitial', 'flow', 'string', 'text'];

/**
 * A remark plugin that takes the named constructs out of the micromark
 * extensions added before it. Unlike micromark's own `disable`, which still
 * starts an attempt for each and fails it at once, a removed construct costs
 * nothing where it cannot match.
 */
export function withoutConstructs(this: Processor, names: readonly string[]): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  const drop = new Set(names);
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((extension) => without(extension, drop));
}

function without(extension: unknown, drop: ReadonlySet<string>): unknown {
  if (Array.isArray(extension)) return extension.map((e) => without(e, drop));
  const copy: MicromarkExtension = { ...(extension as MicromarkExtension) };
  for (const field of CONSTRUCT_FIELDS) {
    const record = copy[field] as ConstructRecord | undefined;
    if (record === undefined) continue;
    const kept: ConstructRecord = {};
    for (const [code, constructs] of Object.entries(record)) {
      if (constructs === undefined) continue;
      const list = (Array.isArray(constructs) ? constructs : [constructs]) as ConstructList;
      const rest = list.filter((c) => c.name === undefined || !drop.has(c.name));
      if (rest.length > 0) kept[code] = rest.length === list.length ? constructs : rest;
    }
    copy[field] = kept;
  }
  return copy;
}

interface FromMarkdownExtension {
  transforms?: Array<(tree: Root) => Root | undefined | void>;
  enter?: Record<string, unknown>;
}

/**
 * A remark plugin, used after remark-gfm, that runs GFM's autolink literal
 * transform only on a tree with a text node that could hold one. The
 * transform walks the whole tree four times, once per pattern; the check is
 * one walk. It reads the text nodes (not the source), so a literal written
 * with character references (`&#64;`) is still found.
 */
export function literalAutolinksOnDemand(this: Processor): void {
  const data = this.data() as { fromMarkdownExtensions?: Array<FromMarkdownExtension | FromMarkdownExtension[]> };
  let found = false;
  for (const extension of (data.fromMarkdownExtensions ?? []).flat()) {
    if (extension.enter?.['literalAutolink'] === undefined || extension.transforms === undefined) continue;
    extension.transforms = extension.transforms.map((transform) => (tree: Root) => (mayHoldLiteralAutolink(tree) ? transform(tree) : undefined));
    found = true;
  }
  // remark-gfm changed shape: better to fail at load, in every test, than to parse differently.
  if (!found) throw new Error('literalAutolinksOnDemand: GFM autolink literal extension not found');
}

function mayHoldLiteralAutolink(tree: Root): boolean {
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as { type: string; value?: string; children?: unknown[] };
    if (node.type === 'text' && LITERAL_AUTOLINK_MARKS.test(node.value!)) return true;
    if (node.children !== undefined) for (const child of node.children) stack.push(child);
  }
  return false;
}
