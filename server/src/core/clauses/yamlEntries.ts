import { yamlScalar as scalar } from '../frontMatter/yamlScalar.js';
import type { TemplateField, TemplateGroup, TemplateParty } from './template.js';

/**
 * Front-matter entries written one per line as flow mappings
 * (`总费用: { type: money }`), the style the contract language documents,
 * so each merged declaration is a single line a drafter can read and move.
 */
export function fieldEntry(field: TemplateField): string {
  const parts = [`type: ${field.type}`];
  if (field.options) parts.push(`options: [${field.options.map((o) => scalar(o)).join(', ')}]`);
  if (field.group !== undefined) parts.push(`group: ${scalar(field.group)}`);
  if (field.currency !== undefined) parts.push(`currency: ${scalar(field.currency)}`);
  if (field.description !== undefined) parts.push(`description: ${scalar(field.description)}`);
  return `${scalar(field.name)}: { ${parts.join(', ')} }`;
}

export function groupEntry(group: TemplateGroup): string {
  return `${scalar(group.name)}: { total: ${group.total} }`;
}

export function partyEntry(party: TemplateParty): string {
  return party.role === undefined ? `${scalar(party.key)}: {}` : `${scalar(party.key)}: { role: ${scalar(party.role)} }`;
}

/** A party as an item of a `parties:` list, for contracts that list parties rather than map them. */
export function partyListItem(party: TemplateParty): string {
  return party.role === undefined ? `- { key: ${scalar(party.key)} }` : `- { key: ${scalar(party.key)}, role: ${scalar(party.role)} }`;
}
