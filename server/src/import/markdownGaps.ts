import type { Html, Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { UniqueNames } from '../core/index.js';
import type { Findings, GapSpec } from './wordDocument.js';

/**
 * What remark-stringify would escape but a contract needs verbatim: gap and
 * footnote tokens, and the legacy blanks already typed in the Word text
 * (`____`, `[●]`, `【  】`), which escaped would no longer be blanks.
 */
const VERBATIM = /\uE000(\d+)\uE001|\uE002(e?\d+)\uE003|_+|＿+|\[\s*[●•]?\s*\]|【[\s\u3000]*】/g;
/** A paragraph that starts with a written number `1.` or `2)` is a numbered clause: its marker is kept as written. */
const LIST_MARKER = /^(\d{1,9}[.)])(?=[ \t])/;

/**
 * Writes the Markdown: tokens become gaps (`____`, or `{{label: type}}` when
 * Word gave the gap a name), footnote tokens become `[^n]`, written clause
 * numbers stay unescaped, and line breaks in table cells become `<br>`.
 */
export function finishMarkdown(tree: Root, findings: Findings, stringify: (tree: Root) => string): string {
  const names = new UniqueNames([]);
  const declared = new Set<string>();
  const gapMarkdown = (gap: GapSpec, inTable: boolean): string => {
    if (gap.blank !== undefined || (gap.field === undefined && gap.label === undefined)) return gap.blank ?? '____';
    const name = gap.field ?? names.claim(fieldName(gap.label!));
    if (gap.field !== undefined && declared.has(name)) return `{{${name}}}`;
    declared.add(name);
    // Options are written inside `choice(…|…)`: characters of that syntax are dropped, and in a table
    // cell, where `|` would end the cell, the options are left out (`第{{x: choice}}种` style).
    const options = (gap.options ?? [])
      .map((o) =>
        o
          .replace(/[|(){}]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter((o) => o !== '');
    const type = gap.type === 'choice' && options.length > 0 && !inTable ? `choice(${options.join('|')})` : (gap.type ?? 'text');
    return `{{${name}: ${type}}}`;
  };
  rewrite(tree, false, gapMarkdown, findings);
  return stringify(tree).replace(/\n*$/, '\n');
}

function rewrite(node: Nodes, inTable: boolean, gapMarkdown: (gap: GapSpec, inTable: boolean) => string, findings: Findings): void {
  if (!('children' in node)) return;
  const parent = node as Parent;
  const cell = inTable || node.type === 'table';
  if (node.type === 'paragraph') {
    const first = node.children[0];
    const marker = first?.type === 'text' ? LIST_MARKER.exec(first.value) : null;
    if (first?.type === 'text' && marker) {
      first.value = first.value.slice(marker[1]!.length);
      node.children.unshift({ type: 'html', value: marker[1]! });
    }
  }
  const children: Nodes[] = [];
  for (const child of parent.children as Nodes[]) {
    if (child.type === 'text') children.push(...splitText(child.value, (gap) => gapMarkdown(gap, cell), findings));
    else if (child.type === 'break' && cell) children.push({ type: 'html', value: '<br>' } satisfies Html);
    else {
      rewrite(child, cell, gapMarkdown, findings);
      children.push(child);
    }
  }
  parent.children = children as Parent['children'];
}

function splitText(value: string, gapMarkdown: (gap: GapSpec) => string, findings: Findings): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const match of value.matchAll(VERBATIM)) {
    if (match.index > at) out.push({ type: 'text', value: value.slice(at, match.index) });
    if (match[1] !== undefined) {
      const gap = findings.gaps[Number(match[1])];
      out.push({ type: 'html', value: gap ? gapMarkdown(gap) : '____' });
    } else if (match[2] !== undefined) out.push({ type: 'footnoteReference', identifier: match[2], label: match[2] });
    else out.push({ type: 'html', value: match[0] });
    at = match.index + match[0].length;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}

/** A label as a field name the placeholder grammar accepts: letters, digits, `_`, spaces, `.`, `-`, `·`. */
function fieldName(label: string): string {
  const cleaned = label
    .replace(/[^\p{L}\p{N}_ .\-·]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 24)
    .trim();
  if (cleaned === '') return 'blank';
  return /^[\p{L}\p{N}_]/u.test(cleaned) ? cleaned : `_${cleaned}`;
}
