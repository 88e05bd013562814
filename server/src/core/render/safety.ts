import type { Element, ElementContent } from 'hast';
import type { Html, Parents } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import type { Locale } from '../model.js';
import { renderMessage } from './messages.js';
import { element, text } from './tokenElements.js';

/**
 * The rules that keep a rendered contract inert, whatever its source holds:
 * no raw HTML, links only to the web, to mail or within the page, no images.
 * The preview is a webview and the export is a file someone else opens, so a
 * contract must never be able to run script or load anything.
 */

const SAFE_URL = /^(?:https?:|mailto:|#)/i;

/** Whether a link target may stay a link: `http:`, `https:`, `mailto:` or a `#fragment`. */
export function isSafeHref(href: unknown): boolean {
  return typeof href === 'string' && SAFE_URL.test(href) && !/[\u0000-\u001f\u007f]/.test(href);
}

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const LINE_BREAK_TAG = /^<br\s*\/?>$/i;
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * Raw HTML never reaches the output. Comments (where suppressions live) and
 * inline tags vanish, leaving the text between them; `<br>` becomes a line
 * break we create; an HTML block is replaced by a short notice so the reader
 * knows something was left out.
 */
export function htmlHandler(locale: Locale) {
  return (state: State, node: Html, parent: Parents | undefined): Element | undefined => {
    const value = node.value.replace(COMMENT, '').trim();
    if (value === '') return undefined;
    if (LINE_BREAK_TAG.test(value)) return element('br', {});
    if (parent === undefined || !FLOW_PARENTS.has(parent.type)) return undefined;
    const notice = element('p', { className: ['cm-html-omitted'] }, [text(renderMessage(locale, 'htmlOmitted'))]);
    state.patch(node, notice);
    return notice;
  };
}

/**
 * What an unsafe link or an image becomes: a link keeps its words (or a notice
 * when its words are the address itself), an image its alt text.
 */
export function neutralise(node: Element, locale: Locale): ElementContent[] {
  if (node.tagName === 'img') {
    const alt = typeof node.properties.alt === 'string' ? node.properties.alt.trim() : '';
    return alt === '' ? [] : [element('span', { className: ['cm-image-alt'] }, [text(alt)])];
  }
  const href = typeof node.properties.href === 'string' ? node.properties.href : '';
  const words = textContent(node);
  if (words.trim() === '' || sameAddress(words, href)) return [text(renderMessage(locale, 'linkRemoved'))];
  return node.children;
}

function sameAddress(words: string, href: string): boolean {
  const normal = (s: string) => s.trim().toLowerCase();
  let decoded = href;
  try {
    decoded = decodeURI(href);
  } catch {
    // keep the encoded form
  }
  return normal(words) === normal(href) || normal(words) === normal(decoded) || /^[a-z][a-z0-9+.-]*:\S/i.test(words.trim());
}

/** The text of a hast subtree, as a reader would copy it. */
export function textContent(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  let out = '';
  for (const child of node.children) out += textContent(child);
  return out;
}
