/**
 * Folding by clause section and the front matter.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Analysis } from '../analysis.js';
import { perAnalysis } from '../perAnalysis.js';

export const foldingRanges = perAnalysis((analysis: Analysis): FoldingRange[] => {
  const { doc, document } = analysis;
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    let e = end;
    while (e > start && /\s/.test(doc.text[e - 1]!)) e--;
    const startLine = document.positionAt(start).line;
    const endLine = document.positionAt(e).line;
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  if (doc.frontMatter) add(doc.frontMatter.span.start, doc.frontMatter.span.end, FoldingRangeKind.Region);
  for (const clause of doc.clauses) add(clause.span.start, clause.sectionEnd);
  return ranges;
});
