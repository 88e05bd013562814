import type { ContractDocument, Locale, TextEdit } from '../model.js';
import { insertDeclarations } from '../frontMatter/insertDeclarations.js';
import type { TemplateField, TemplateGroup, TemplateParty } from './template.js';
import { fieldEntry, groupEntry, partyEntry, partyListItem } from './yamlEntries.js';

/** Declarations a clause brings with it. */
export interface Declarations {
  readonly parties: readonly TemplateParty[];
  readonly fields: readonly TemplateField[];
  readonly groups: readonly TemplateGroup[];
}

export interface FrontMatterMerge {
  /** Insertions into (or creating) the front matter; nothing else in the document is touched. */
  readonly edits: TextEdit[];
  /**
   * Fields the front matter could not take (it is not valid YAML, or `fields:`
   * is not a mapping); the caller declares them inline in the body instead.
   */
  readonly inline: TemplateField[];
}

/**
 * The edits that add to a contract's front matter the parties, fields and
 * groups it lacks, each as a one-line entry under its key, indented like the
 * entries already there and ended with the document's dominant line ending.
 * Names the contract already declares (in the front matter or inline) are
 * left alone, even when the template would type them differently.
 */
export function mergeFrontMatterEdits(doc: ContractDocument, additions: Declarations, locale: Locale): FrontMatterMerge {
  const parties = uniqueBy(
    additions.parties.filter((p) => !doc.parties.some((d) => d.key === p.key)),
    (p) => p.key,
  );
  const fields = uniqueBy(
    additions.fields.filter((f) => !doc.declarations.has(f.name)),
    (f) => f.name,
  );
  const groups = uniqueBy(
    additions.groups.filter((g) => !doc.groups.some((d) => d.name === g.name)),
    (g) => g.name,
  );
  const { edits, refused } = insertDeclarations(
    doc,
    { parties: parties.map(partyEntry), partyItems: parties.map(partyListItem), fields: fields.map(fieldEntry), groups: groups.map(groupEntry) },
    [`locale: ${locale}`],
  );
  return { edits, inline: refused.includes('fields') ? fields : [] };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}
