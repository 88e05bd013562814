/**
 * Problems as LSP diagnostics: the check id as `code`, a link to its docs
 * (unless the client builds it from the code: see `clientAddsDocsLinks`), and no `data` unless two problems of one check share a range (see
 * protocol.ts): the code and the range name the problem, and its fixes are
 * computed when a code action asks (see codeActions.ts). A diagnostic stays a
 * few hundred bytes however many edits its fix would take, and a long
 * contract publishes a thousand of them after an edit.
 */
import { DiagnosticSeverity, DiagnosticTag, type CodeDescription, type Diagnostic } from 'vscode-languageserver';
import { problemOrdinals, type Problem, type Severity, type Span } from '../../core/index.js';
import { checkDocsHref, DIAGNOSTIC_SOURCE } from '../../protocol.js';
import type { Analysis } from '../analysis.js';
import { PositionCursor, rangeOf } from '../convert.js';
import { perAnalysis } from '../perAnalysis.js';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const UNNECESSARY: DiagnosticTag[] = [DiagnosticTag.Unnecessary];

/**
 * Every problem of the analysis as a diagnostic, converted once per analysis:
 * the pusher and the puller may both ask. `docsLinks: false` leaves out
 * `codeDescription`, for a client that adds it from the `code` itself.
 */
export function diagnosticsOf(analysis: Analysis, docsLinks = true): Diagnostic[] {
  return docsLinks ? withDocsLinks(analysis) : withoutDocsLinks(analysis);
}

const withDocsLinks = perAnalysis((analysis: Analysis) => convert(analysis, true));
const withoutDocsLinks = perAnalysis((analysis: Analysis) => convert(analysis, false));

/** One link object per check is shared by all its diagnostics, so none is built per problem. */
function convert(analysis: Analysis, docsLinks: boolean): Diagnostic[] {
  const { document, uri, problems } = analysis;
  const ordinals = problemOrdinals(problems);
  const links = new Map<string, CodeDescription>();
  const linkOf = (checkId: string): CodeDescription => {
    let link = links.get(checkId);
    if (!link) links.set(checkId, (link = { href: checkDocsHref(analysis.settings.docsBaseUrl, checkId) }));
    return link;
  };
  const reported = new ReportedPlaces(problems);
  // Problems come mostly in document order: a cursor finds each range from the one before.
  const positions = new PositionCursor(document);
  const diagnostics = new Array<Diagnostic>(problems.length);
  for (let i = 0; i < problems.length; i++) {
    const problem: Problem = problems[i]!;
    const diagnostic: Diagnostic = {
      range: positions.rangeOf(problem.span),
      severity: SEVERITY[problem.severity],
      code: problem.checkId,
      source: DIAGNOSTIC_SOURCE,
      message: problem.message,
    };
    if (docsLinks) diagnostic.codeDescription = linkOf(problem.checkId);
    if (ordinals[i]! > 0) diagnostic.data = ordinals[i];
    if (problem.related.length > 0) {
      const related = linkedPlaces(problem, reported);
      if (related.length > 0)
        diagnostic.relatedInformation = related.map((place) => ({ location: { uri, range: rangeOf(document, place.span) }, message: place.message }));
    }
    if (problem.checkId === 'unused-field') diagnostic.tags = UNNECESSARY;
    diagnostics[i] = diagnostic;
  }
  return diagnostics;
}

/**
 * The related places worth a link. A place that is itself a problem of the same
 * check (another statement of a conflicting deadline) is already in the
 * problem list beside this one, with its own message and links: the first
 * such place is linked, to jump to, and the rest are left to the list. On a
 * contract that restates a quantity in every section those links were a third
 * of everything published. Places that are no problem (the other instalments
 * of a sum) are all linked, as is the problem's own place when it is one of them.
 */
function linkedPlaces(problem: Problem, reported: ReportedPlaces): Problem['related'] {
  let sameCheck = 0;
  const linked = problem.related.filter((place) => !reported.has(problem.checkId, place.span, problem.span) || sameCheck++ === 0);
  return linked.length === problem.related.length ? problem.related : linked;
}

/** Which spans each check reported, to tell a related place that is itself a problem. */
class ReportedPlaces {
  private spans: Map<string, Set<number>> | undefined;

  constructor(private readonly problems: readonly Problem[]) {}

  /** Whether `checkId` reported `span`, other than at `own` (a problem's own place is kept as any other). */
  has(checkId: string, span: Span, own: Span): boolean {
    if (span.start === own.start && span.end === own.end) return false;
    // Built on first use: most lists have no related places at all.
    this.spans ??= this.index();
    return this.spans.get(checkId)?.has(span.start * SPAN_FACTOR + span.end) === true;
  }

  private index(): Map<string, Set<number>> {
    const spans = new Map<string, Set<number>>();
    for (const { checkId, span } of this.problems) {
      let set = spans.get(checkId);
      if (!set) spans.set(checkId, (set = new Set()));
      set.add(span.start * SPAN_FACTOR + span.end);
    }
    return spans;
  }
}

/** Spans as one number: exact while offsets stay below 2^26 (64 M code units, far past the input limit). */
const SPAN_FACTOR = 2 ** 26;
