/**
 * Clausemark's contract language: parse a contract into a typed model, check
 * it, fix it. Pure: no editor, no protocol, no file system.
 */
export * from './model.js';
export { parseContract, MARKDOWN_LIMIT, type ParseOptions } from './parse/parseContract.js';
export { runChecks, type CheckConfig } from './checks/runChecks.js';
export { ALL_CHECKS, findCheck } from './checks/registry.js';
export type { Check, Fix, Problem, RelatedSpan, Severity, TextEdit } from './checks/types.js';
export { SEVERITIES } from './checks/types.js';
export { applyEdits, safeFixEdits } from './fixes/applyEdits.js';
export { fixAll } from './fixes/fixAll.js';
export { placeholderForBlank, UniqueNames } from './fixes/blankToPlaceholder.js';
export { LineIndex, type LineCharacter } from './text/lineIndex.js';
export { dominantEol } from './text/eol.js';
export { format, guessLocale, toLocale, resolveLocale } from './i18n/messages.js';
export { clauseNumberText } from './render/clauseNumber.js';
export { visibleProblems } from './render/problemMarks.js';
export { renderContract, type RenderOptions, type RenderedContract } from './render/renderContract.js';
export { standaloneHtml } from './render/standaloneHtml.js';
export * as numbers from './numbers/index.js';
export { validateConfig, mergeConfigs, type ClausemarkConfig } from './config/config.js';
export { readDataValues } from './parse/frontMatter.js';
export { listGaps, type Gap } from './gaps.js';
export { reparseContract, reparseWithChanges, type TextChange } from './parse/incremental.js';
export * from './clauses/index.js';
