import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import { inlayHintsIn } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { spanOf } from '../convert.js';

export function inlayHints(analysis: Analysis, { range }: InlayHintParams): InlayHint[] {
  const { document } = analysis;
  return inlayHintsIn(analysis.doc, spanOf(document, range)).map((hint) => ({
    position: document.positionAt(hint.offset),
    label: hint.label,
    ...(hint.padded ? { paddingLeft: true } : {}),
  }));
}
