import { pathToFileURL } from 'node:url';
import { relative, sep } from 'node:path';
import type { AnalyzedFile } from '../analyze.js';
import { ALL_CHECKS, format, type LineIndex, type Locale, type Severity, type Span } from '../../core/index.js';

const DOCS = 'https://github.com/clausemark/clausemark/blob/main/docs/checks.md';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * SARIF 2.1.0 for code-scanning dashboards: one rule per check id, 1-based
 * lines and columns counted in UTF-16 code units (declared in `columnKind`).
 */
export function formatSarif(files: readonly AnalyzedFile[], cwd: string, version: string, locale: Locale): string {
  const rules = ALL_CHECKS.map((check) => ({
    id: check.id,
    name: check.id,
    shortDescription: { text: format(check.messages, locale, 'summary') },
    helpUri: `${DOCS}#${check.id}`,
    defaultConfiguration: { level: LEVEL[check.defaultSeverity] },
  }));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = files.flatMap((file) => {
    const uri = relative(cwd, file.path).split(sep).join('/');
    const location = (span: Span, message?: string) => ({
      physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: region(file.lines, span) },
      ...(message ? { message: { text: message } } : {}),
    });
    return file.problems.map((problem) => ({
      ruleId: problem.checkId,
      ruleIndex: ruleIndex.get(problem.checkId) ?? -1,
      level: LEVEL[problem.severity],
      message: { text: problem.message },
      locations: [location(problem.span)],
      ...(problem.related.length ? { relatedLocations: problem.related.map((r, id) => ({ id, ...location(r.span, r.message) })) } : {}),
      ...(problem.fixes.some((f) => f.safe)
        ? {
            fixes: problem.fixes
              .filter((f) => f.safe)
              .map((f) => ({
                description: { text: f.title },
                artifactChanges: [
                  {
                    artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
                    replacements: f.edits.map((e) => ({ deletedRegion: region(file.lines, e.span), insertedContent: { text: e.newText } })),
                  },
                ],
              })),
          }
        : {}),
    }));
  });
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'clausemark', version, informationUri: DOCS, rules } },
          originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + sep).href } },
          columnKind: 'utf16CodeUnits',
          results,
        },
      ],
    },
    null,
    2,
  );
}

function region(lines: LineIndex, span: Span) {
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  return {
    startLine: start.line + 1,
    startColumn: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    charOffset: span.start,
    charLength: span.end - span.start,
  };
}
