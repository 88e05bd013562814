import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { ImportFailure } from './docxPackage.js';

/** WordprocessingML's main namespace, and Word 2010's (checkbox content controls). */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';

export function parseXml(text: string, part: string): Document {
  let failed: string | undefined;
  const doc = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: (message: string) => (failed ??= message),
      fatalError: (message: string) => (failed ??= message),
    },
  }).parseFromString(text, 'application/xml');
  if (failed !== undefined || !doc.documentElement) throw new ImportFailure('corrupt', `${part}: ${failed ?? 'no root element'}`);
  return doc as unknown as Document;
}

export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc as never);
}

/** The element children of `node` in the w: namespace with local name `name` (any name when omitted). */
export function wChildren(node: Node, name?: string): Element[] {
  const out: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (child as Element).namespaceURI === W && (name === undefined || (child as Element).localName === name))
      out.push(child as Element);
  }
  return out;
}

export function wChild(node: Node, name: string): Element | undefined {
  return wChildren(node, name)[0];
}

/** Every w:`name` below `node`, in document order. */
export function wDescendants(node: Document | Element, name: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(W, name) as unknown as ArrayLike<Element>);
}

/** A w:val (or other w: attribute) value. */
export function wAttr(element: Element | undefined, name = 'val'): string | undefined {
  if (!element) return undefined;
  const value = element.getAttributeNS(W, name);
  return value === null || value === '' ? (element.hasAttributeNS(W, name) ? '' : undefined) : value;
}

/** An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): present and not switched off. */
export function isOn(element: Element | undefined): boolean {
  if (!element) return false;
  const value = wAttr(element);
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value);
}

/** The text a run shows: w:t, tabs and no-break hyphens, as Word lays them out. */
export function runText(run: Element): string {
  let text = '';
  for (const child of wChildren(run)) {
    if (child.localName === 't') text += child.textContent ?? '';
    else if (child.localName === 'tab') text += '\t';
    else if (child.localName === 'noBreakHyphen') text += '-';
  }
  return text;
}

/** The text of a whole element (paragraph, comment, field result), runs only. */
export function plainText(node: Element): string {
  return wDescendants(node, 'r').map(runText).join('');
}

/** A new w:r holding `text`, with a copy of `rPr` when given. */
export function textRun(doc: Document, text: string, rPr?: Element): Element {
  const run = doc.createElementNS(W, 'w:r');
  if (rPr) run.appendChild(rPr.cloneNode(true));
  const t = doc.createElementNS(W, 'w:t');
  t.setAttribute('xml:space', 'preserve');
  t.appendChild(doc.createTextNode(text));
  run.appendChild(t);
  return run;
}

export function remove(node: Node): void {
  node.parentNode?.removeChild(node);
}

/** Replaces `element` by its children (accepting an insertion, opening a content control). */
export function unwrap(element: Element, content: Node = element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (content.firstChild) parent.insertBefore(content.firstChild, element);
  parent.removeChild(element);
}
