/**
 * Clausemark's contract language: parse a contract into a typed model, check
 * it, fix it. Pure: no editor, no protocol, no file system.
 */
export * from './model.js';
export {
  parseContract,
  isOverLimit,
  overLimitDocument,
  MARKDOWN_LIMIT,
  type ParseOptions,
  type DataFileRead,
  type DataFileRefusal,
} from './parse/parseContract.js';
export { INPUT_LIMIT, INPUT_LIMIT_BYTES, INPUT_LIMIT_TEXT, exceedsInputLimit } from './limits.js';
export { runChecks, checkCrashed, type CheckConfig } from './checks/runChecks.js';
export { ALL_CHECKS, findCheck } from './checks/registry.js';
export type { Check } from './checks/types.js';
export { applyEdits } from './edits/applyEdits.js';
export { safeFixEdits } from './fixes/safeFixEdits.js';
export { fixAll, type FixAllResult } from './fixes/fixAll.js';
export { analyzeContract, type AnalyzeOptions, type ContractAnalysis } from './analyze.js';
export { LineIndex, type LineCharacter } from './text/lineIndex.js';
export { dominantEol } from './text/eol.js';
export { format, guessLocale, toLocale, resolveLocale } from './i18n/messages.js';
export { clauseNumberText } from './clauseNumber.js';
export { clauseWithLabel } from './clauseByLabel.js';
export { placeholderForBlank, UniqueNames } from './edits/blankToPlaceholder.js';
export { visibleProblems } from './render/problemMarks.js';
export { renderContract, type RenderOptions, type RenderedContract } from './render/renderContract.js';
export { textContent } from './render/safety.js';
export { standaloneHtml } from './render/standaloneHtml.js';
export * as numbers from './numbers/index.js';
export { validateConfig, mergeConfigs, type ClausemarkConfig } from './config/config.js';
export { readEditorSettings, diagnosticsDelay, isRecord, DEFAULT_DOCS_BASE_URL, type EditorSettings } from './config/editorSettings.js';
export { readDataValues } from './frontMatter/readFrontMatter.js';
export { closedFrontMatterEnd } from './parse/markdown.js';
export { listGaps, type Gap } from './gaps.js';
export { reparseContract, reparseWithChanges, type TextChange } from './parse/incremental.js';
export * from './clauses/index.js';
export { formatValue, formatFigure, formatFieldValue } from './values/formatValue.js';
export { amountInWords, wordsLanguage } from './values/amountInWords.js';
export { numericValue } from './values/numericValue.js';
export { instalmentGroups } from './facts/instalmentGroups.js';
export { roundTotal, type InstalmentGroup, type InstalmentPart, type DeclaredInstalments, type WrittenInstalments } from './values/instalments.js';
export { yamlScalar } from './frontMatter/yamlScalar.js';
export { parseTypeText, readFieldDeclaration, type TypeText, type FieldDeclaration } from './frontMatter/fieldDeclaration.js';
export { insertDeclarations, type DeclarationEntries, type InsertedDeclarations } from './frontMatter/insertDeclarations.js';
export { extractField, type Extraction } from './edits/extractField.js';
export { touches, overlaps } from './text/spans.js';
export { frontMatterLayout } from './frontMatter/layout.js';
export {
  symbolAt,
  occurrencesOf,
  definitionOf,
  definitionAt,
  referencesAt,
  labelInner,
  type SymbolAt,
  type SymbolKind,
  type Occurrence,
} from './service/occurrences.js';
export { t as editorMessage, type MessageKey as EditorMessageKey } from './service/messages.js';
export { typeName } from './i18n/typeNames.js';
export { hoverAt, type HoverText } from './service/hover.js';
export { inlayHintsIn, type InlayHintText } from './service/inlayHints.js';
export { semanticTokenSpans, TOKEN_TYPES, TOKEN_MODIFIERS, type SemanticToken, type TokenType, type TokenModifier } from './service/semanticTokens.js';
export { outline, type OutlineEntry } from './service/outline.js';
export { renameEdits } from './service/rename.js';
export {
  completionsAt,
  COMPLETION_TRIGGERS,
  FRONT_MATTER_KEYS,
  FILTERS,
  type CompletionCandidate,
  type CompletionKind,
  type LineStartCandidates,
} from './service/completion.js';
export { clauseCandidates } from './service/clauseCompletion.js';
export { gapSummary } from './service/gapLens.js';
export { clauseChoices, insertClauseById, type ClauseChoice } from './service/clauseLibrary.js';
export { foldingSpans, clauseLinks, type FoldingSpan, type ClauseLink } from './service/sections.js';
export { STARTERS, isEmptyContract, starterCandidates, type Starter } from './service/starters.js';
export { blankRewrites } from './edits/blankToPlaceholder.js';
export { EditHistory } from './parse/editHistory.js';
export { problemKey, problemOrdinals, problemByKey } from './service/problemKeys.js';
export { quickFixesOf, fixAt, selectionActions, type OfferedFix, type SelectionAction, type SelectionActionKind } from './service/codeActions.js';
export { sameFactElsewhere, type FactStatements, type StatedPlace } from './facts/statements.js';
