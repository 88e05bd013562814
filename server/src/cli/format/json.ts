import type { AnalyzedFile } from '../analyze.js';
import type { LineIndex, Span } from '../../core/index.js';

/** Machine-readable output: positions both as 1-based line/column and as UTF-16 offsets. */
export function formatJson(files: readonly AnalyzedFile[]): string {
  return JSON.stringify(
    files.map((file) => ({
      file: file.path,
      locale: file.doc.locale,
      encoding: file.encoding,
      problems: file.problems.map((p) => ({
        checkId: p.checkId,
        severity: p.severity,
        message: p.message,
        ...range(file.lines, p.span),
        related: p.related.map((r) => ({ message: r.message, ...range(file.lines, r.span) })),
        fixes: p.fixes.map((f) => ({ title: f.title, safe: f.safe, edits: f.edits.map((e) => ({ ...range(file.lines, e.span), newText: e.newText })) })),
      })),
    })),
    null,
    2,
  );
}

function range(lines: LineIndex, span: Span) {
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  return {
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    offset: span.start,
    endOffset: span.end,
  };
}
