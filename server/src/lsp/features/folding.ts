import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { foldingSpans } from '../../core/index.js';
import type { Analysis } from '../analysis.js';
import { perAnalysis } from '../perAnalysis.js';

export const foldingRanges = perAnalysis(({ doc, document }: Analysis): FoldingRange[] =>
  foldingSpans(doc).flatMap(({ span, kind }): FoldingRange[] => {
    const startLine = document.positionAt(span.start).line;
    const endLine = document.positionAt(span.end).line;
    if (endLine <= startLine) return [];
    return [kind === 'frontMatter' ? { startLine, endLine, kind: FoldingRangeKind.Region } : { startLine, endLine }];
  }),
);
