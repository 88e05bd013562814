import type { ContractDocument, Locale, Suppression } from '../model.js';
import { format } from '../i18n/messages.js';
import { LineIndex } from '../text/lineIndex.js';
import { ALL_CHECKS } from './registry.js';
import { SEVERITIES, type Check, type Problem, type Severity } from './types.js';
import { earlierMemos, keepMemos, offsetsOf, reuse, type CheckMemo } from './checkMemo.js';

/** What a user can set: per-check severities or `off`, and the message locale. */
export interface CheckConfig {
  readonly locale?: Locale | undefined;
  readonly checks?: Readonly<Record<string, Severity | 'off'>> | undefined;
}

/**
 * Runs every enabled check over a parsed contract and returns its problems in
 * document order. A check that throws is reported, not allowed to hide the others.
 */
export function runChecks(doc: ContractDocument, config: CheckConfig = {}, checks: readonly Check[] = ALL_CHECKS): Problem[] {
  // Decided once, when the contract was parsed with this configuration's locale.
  const locale = doc.locale;
  const problems: Problem[] = [];
  const earlier = earlierMemos(doc);
  const memos = new Map<string, CheckMemo>();
  for (const check of checks) {
    const configured = config.checks?.[check.id];
    if (configured === 'off') continue;
    const severity = configured ?? check.defaultSeverity;
    const input = check.reads?.(doc);
    const setting = `${severity} ${locale}`;
    const offsets = input ? offsetsOf(input) : [];
    if (input) {
      const reused = reuse(earlier?.get(check.id), check, setting, input, doc.text, offsets, doc);
      if (reused) {
        for (const problem of reused) problems.push(problem);
        memos.set(check.id, { check, setting, input, text: doc.text, offsets, problems: reused });
        continue;
      }
    }
    const firstOwn = problems.length;
    const t = (key: string, args?: Record<string, string | number>) => format(check.messages, locale, key, args);
    let reported = 0;
    const unlisted = { count: 0, span: { start: 0, end: 0 } };
    const context = {
      doc,
      locale,
      t,
      report(input: Parameters<import('./types.js').CheckContext['report']>[0]) {
        if (++reported > MAX_PROBLEMS_PER_CHECK) {
          if (unlisted.count++ === 0) unlisted.span = input.span;
          return;
        }
        problems.push({
          checkId: check.id,
          severity: input.severity !== undefined ? milder(input.severity, severity) : severity,
          span: input.span,
          message: t(input.key, input.args),
          related: (input.related ?? []).map((r) => ({ span: r.span, message: t(r.key, r.args) })),
          fixes: (input.fixes ?? []).map((f) => ({
            title: t(f.key, f.args),
            edits: f.edits,
            safe: f.safe,
            ...(f.refactor ? { refactor: true } : {}),
          })),
          ...(input.data ? { data: input.data } : {}),
        });
      },
    };
    try {
      check.run(context);
      if (unlisted.count > 0) {
        problems.push({
          checkId: check.id,
          severity: 'info',
          span: unlisted.span,
          message: format(RUN_MESSAGES, locale, 'truncated', { id: check.id, count: unlisted.count, limit: MAX_PROBLEMS_PER_CHECK }),
          related: [],
          fixes: [],
        });
      }
      if (input) memos.set(check.id, { check, setting, input, text: doc.text, offsets, problems: problems.slice(firstOwn) });
    } catch (error) {
      problems.push({
        checkId: check.id,
        severity: 'error',
        span: { start: 0, end: 0 },
        message: format(RUN_MESSAGES, locale, 'crashed', { id: check.id, detail: String((error as Error)?.message ?? error) }),
        related: [],
        fixes: [],
        data: { [CRASHED]: true },
      });
    }
  }
  keepMemos(doc, earlier, memos);
  const kept = applySuppressions(doc, problems);
  return kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.checkId.localeCompare(b.checkId));
}

const CRASHED = 'checkCrashed';

/** Whether a problem stands for a check that threw, rather than something found in the contract. */
export function checkCrashed(problem: Problem): boolean {
  return problem.data?.[CRASHED] === true;
}

const RUN_MESSAGES = {
  en: {
    crashed: 'Check {id} failed on this document ({detail}); please report it.',
    truncated: '{count} more problems of {id} are not listed (at most {limit} per check).',
  },
  'zh-CN': {
    crashed: '检查 {id} 在此文档上出错（{detail}），请反馈此问题。',
    truncated: '{id} 还有 {count} 个问题未列出（每项检查最多列出 {limit} 个）。',
  },
};

/**
 * Beyond this many problems a check's list helps nobody and costs the editor
 * dearly (a pasted 10 MB line of `{{` is five million of them); the first
 * ones reported are kept (checks report in document order) and one note says
 * how many more there are.
 */
export const MAX_PROBLEMS_PER_CHECK = 1000;

function milder(requested: Severity, configured: Severity): Severity {
  return SEVERITIES.indexOf(requested) > SEVERITIES.indexOf(configured) ? requested : configured;
}

/** Drops problems switched off by `<!-- clausemark-disable… -->` comments, as markdownlint does. */
function applySuppressions(doc: ContractDocument, problems: Problem[]): Problem[] {
  if (doc.suppressions.length === 0) return problems;
  const lines = new LineIndex(doc.text);
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  const matches = (s: Suppression, id: string) => s.checkIds.length === 0 || s.checkIds.includes(id);
  const ordered = [...doc.suppressions].sort((a, b) => a.span.start - b.span.start);
  return problems.filter((problem) => {
    const line = lineOf(problem.span.start);
    let disabled = false;
    for (const s of ordered) {
      if (!matches(s, problem.checkId)) continue;
      const commentLine = lineOf(s.span.start);
      if (s.kind === 'disable-next-line' && line === lineOf(s.span.end) + 1) return false;
      if (s.kind === 'disable-line' && line === commentLine) return false;
      if (s.span.start > problem.span.start) continue;
      if (s.kind === 'disable') disabled = true;
      if (s.kind === 'enable') disabled = false;
    }
    return !disabled;
  });
}
