import type { Locale } from '../model.js';
import { parseContract } from '../parse/parseContract.js';
import { adaptClauseBody } from './adaptBody.js';
import type { ClauseTemplate, TemplateField, TemplateGroup, TemplateParty } from './template.js';
import { fieldEntry, groupEntry, partyEntry } from './yamlEntries.js';
import { yamlScalar as scalar } from '../frontMatter/yamlScalar.js';

export interface ContractHeader {
  readonly title: string;
  readonly locale: Locale;
  /** ISO code, e.g. CNY or USD; omitted from the front matter when undefined. */
  readonly currency?: string | undefined;
}

/**
 * A whole new contract from clause templates, in the order given: one front
 * matter declaring every party, field and group they use (the first
 * declaration of a name wins), a title heading, then the clauses numbered
 * 一、二、… or 1. 2. … with labels kept unique. Lines end with `\n`.
 */
export function composeContract(templates: readonly ClauseTemplate[], header: ContractHeader): string {
  return runSteps(composeContractInSteps(templates, header));
}

/**
 * composeContract a clause at a time: it pauses after each clause (each is
 * parsed to number the next), for a caller that spreads the work over turns
 * of its event loop. The generator returns the text.
 */
export function* composeContractInSteps(templates: readonly ClauseTemplate[], header: ContractHeader): Generator<void, string> {
  const parties = firstByKey<TemplateParty>(
    templates.flatMap((t) => t.parties),
    (p) => p.key,
  );
  const fields = firstByKey<TemplateField>(
    templates.flatMap((t) => t.fields),
    (f) => f.name,
  );
  const groups = firstByKey<TemplateGroup>(
    templates.flatMap((t) => t.groups),
    (g) => g.name,
  );
  const lines = ['---', `title: ${scalar(header.title)}`, `locale: ${header.locale}`];
  if (header.currency !== undefined) lines.push(`currency: ${scalar(header.currency.toUpperCase())}`);
  const section = (key: string, entries: string[]) => {
    if (entries.length > 0) lines.push(`${key}:`, ...entries.map((e) => `  ${e}`));
  };
  section('parties', parties.map(partyEntry));
  section('fields', fields.map(fieldEntry));
  section('groups', groups.map(groupEntry));
  lines.push('---', '', `# ${header.title}`);

  const taken = new Set<string>();
  let ordinal = 1;
  for (const template of templates) {
    const body = adaptClauseBody(template.body, { ordinal, takenLabels: taken });
    const placed = parseContract(body, { foreignTemplates: false });
    const tops = placed.clauses.filter((c) => c.depth === 0).length;
    ordinal += tops;
    for (const clause of placed.clauses) if (clause.label) taken.add(clause.label);
    lines.push('', body);
    yield;
  }
  return lines.join('\n') + '\n';
}

/** Runs work done in steps to its end, at once. */
export function runSteps<T>(steps: Iterator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function firstByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}
