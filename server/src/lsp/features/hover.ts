import { MarkupKind, type Hover, type TextDocumentPositionParams } from 'vscode-languageserver';
import { hoverAt } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { rangeOf } from '../convert.js';

export function hover(analysis: Analysis, { position }: TextDocumentPositionParams): Hover | null {
  const found = hoverAt(analysis.doc, analysis.document.offsetAt(position));
  return found ? { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: rangeOf(analysis.document, found.span) } : null;
}
