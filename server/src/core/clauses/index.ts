/**
 * The clause library's pure side: read a clause template, insert it into a
 * contract (body and front-matter declarations), compose a whole contract
 * from templates, and turn templates into editor snippets. Reading the
 * `clauses/` folder itself is left to the CLI, the server and the scripts.
 */
export { parseClauseTemplate, sortTemplates, type ClauseTemplate, type TemplateField, type TemplateGroup, type TemplateParty } from './template.js';
export { insertClauseEdits, insertionPoint } from './insertClause.js';
export { mergeFrontMatterEdits, type Declarations, type FrontMatterMerge } from './mergeFrontMatter.js';
export { adaptClauseBody, type BodyPlacement, type ClauseNumberStyle } from './adaptBody.js';
export { declareInline, inlineTypeText } from './inlineDeclarations.js';
export { composeContract, composeContractInSteps, runSteps, type ContractHeader } from './compose.js';
export { buildSnippets, clauseSnippetBody, escapeSnippetText, snippetsFileText, type Snippet } from './snippets.js';
export {
  listClauses,
  findClause,
  newContractText,
  newContractTextInSteps,
  type LibraryTemplate,
  type ClauseListing,
  type NewContractOptions,
} from './library.js';
