import type { AnalyzedFile } from '../analyze.js';
import type { Severity } from '../../core/index.js';

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

/**
 * Compiler-style lines, `file:line:col severity id message`, which editors and
 * CI logs already know how to link. Columns count UTF-16 code units, as LSP does.
 */
export function formatText(files: readonly AnalyzedFile[], color: boolean): string {
  const out: string[] = [];
  for (const file of files) {
    for (const problem of file.problems) {
      const { line, character } = file.lines.positionAt(problem.span.start);
      const where = `${file.path}:${line + 1}:${character + 1}`;
      const severity = color ? `${COLORS[problem.severity]}${problem.severity}${RESET}` : problem.severity;
      const id = color ? `${DIM}${problem.checkId}${RESET}` : problem.checkId;
      out.push(`${where} ${severity} ${id} ${problem.message}`);
    }
  }
  return out.join('\n');
}
