/**
 * Clause references as links to the line of the clause they name.
 */
import type { DocumentLink } from 'vscode-languageserver';
import { clauseNumberText, clauseWithLabel } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { rangeOf } from '../convert.js';
import { perAnalysis } from '../perAnalysis.js';

export const documentLinks = perAnalysis((analysis: Analysis): DocumentLink[] => {
  const { doc, document, uri } = analysis;
  const base = uri.replace(/#.*$/, '');
  return doc.references.flatMap((reference): DocumentLink[] => {
    const clause = clauseWithLabel(doc, reference.label);
    if (!clause) return [];
    // `#L<line>` (1-based) is the fragment VS Code and most editors read as a line.
    const line = document.positionAt(clause.span.start).line + 1;
    return [{ range: rangeOf(document, reference.span), target: `${base}#L${line}`, tooltip: `${clauseNumberText(doc, clause)} ${clause.title}`.trim() }];
  });
});
