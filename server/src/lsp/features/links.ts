import type { DocumentLink } from 'vscode-languageserver';
import { clauseLinks } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { rangeOf } from '../convert.js';
import { perAnalysis } from '../perAnalysis.js';

export const documentLinks = perAnalysis(({ doc, document, uri }: Analysis): DocumentLink[] => {
  const base = uri.replace(/#.*$/, '');
  // `#L<line>` (1-based) is the fragment VS Code and most editors read as a line.
  return clauseLinks(doc).map((link) => ({
    range: rangeOf(document, link.span),
    target: `${base}#L${document.positionAt(link.target).line + 1}`,
    tooltip: link.tooltip,
  }));
});
