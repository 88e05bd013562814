import type { TemplateField, TemplateGroup, TemplateParty } from './template.js';

/**
 * Front-matter entries written one per line as flow mappings
 * (`总费用: { type: money }`), the style the contract language documents,
 * so each merged declaration is a single line a drafter can read and move.
 */
export function fieldEntry(field: TemplateField): string {
  const parts = [`type: ${field.type}`];
  if (field.options) parts.push(`options: [${field.options.map(scalar).join(', ')}]`);
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

// YAML's rules for a plain scalar inside `{ … }` or `[ … ]`: no flow indicators,
// no `: ` or ` #`, no leading indicator or space; anything else is double-quoted
// (a JSON string is a valid YAML double-quoted scalar).
const UNSAFE_START = /^[\s\-?:,[\]{}#&*!|>'"%@`]/;
const UNSAFE_ANYWHERE = /[,[\]{}\u0000-\u001f\u007f]|:\s|:$|\s#|\s$/;
const LOOKS_TYPED = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\.?\d[\d_.,:eE+-]*|\.inf|\.nan))$/i;

/** A string as a YAML scalar that reads back unchanged inside `{ … }` or `[ … ]`. */
export function scalar(value: string): string {
  if (value !== '' && !UNSAFE_START.test(value) && !UNSAFE_ANYWHERE.test(value) && !LOOKS_TYPED.test(value)) return value;
  return JSON.stringify(value);
}
