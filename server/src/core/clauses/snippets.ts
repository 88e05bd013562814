import type { Locale } from '../model.js';
import { composeContract } from './compose.js';
import { inlineTypeText, placeholdersWithFirstUse } from './inlineDeclarations.js';
import { sortTemplates, type ClauseTemplate } from './template.js';

/** One entry of a VS Code `.code-snippets` file. */
export interface Snippet {
  /** What is typed to reach it; a Chinese snippet also has an ASCII prefix, so no IME is needed. */
  readonly prefix: string | readonly string[];
  readonly description: string;
  readonly body: string[];
}

/** What the "new contract" snippet of each locale is called and titled. */
const NEW_CONTRACT: Record<Locale, { name: string; prefix: string | readonly string[]; title: string; currency: string; description: string }> = {
  'zh-CN': {
    name: 'Clausemark 新合同（人工智能模型训练服务）',
    prefix: ['cm-新合同', 'cm-zh-new-contract'],
    title: '人工智能模型训练服务合同',
    currency: 'CNY',
    description: '新合同：按条款库全部条款生成的人工智能模型训练服务合同，含前言中的当事方、字段和付款比例合计组。',
  },
  en: {
    name: 'Clausemark new contract (AI model training services)',
    prefix: 'cm-new-contract',
    title: 'AI Model Training Services Agreement',
    currency: 'USD',
    description:
      'New contract: an AI model training services agreement built from every clause in the library, ' +
      'with parties, fields and the payment group declared in the front matter.',
  },
};

/**
 * The snippets for a clause library: one per template (prefix `cm-<topic>`),
 * whose placeholders become tab stops and whose first use of each field
 * declares its type inline (a static snippet cannot edit the front matter),
 * and one "new contract" scaffold per locale with a full front matter.
 */
export function buildSnippets(templates: readonly ClauseTemplate[]): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  const ordered = sortTemplates(templates);
  for (const locale of ['zh-CN', 'en'] as const) {
    const ofLocale = ordered.filter((t) => t.locale === locale);
    if (ofLocale.length === 0) continue;
    for (const template of ofLocale) {
      snippets[`Clausemark (${locale}): ${template.title}`] = {
        prefix: asciiPrefixed(`cm-${template.topic}`, locale, template.id),
        description: `${template.title} — ${template.description}`,
        body: clauseSnippetBody(template).split('\n'),
      };
    }
    const scaffold = NEW_CONTRACT[locale];
    snippets[scaffold.name] = {
      prefix: scaffold.prefix,
      description: scaffold.description,
      body: newContractSnippetBody(ofLocale, locale, scaffold.title, scaffold.currency).split('\n'),
    };
  }
  return snippets;
}

/** `cm-费用` is also reachable as `cm-zh-fees`: typed without an IME, and apart from the English `cm-fees`. */
function asciiPrefixed(prefix: string, locale: Locale, id: string): string | readonly string[] {
  if (/^[\x00-\x7f]*$/.test(prefix)) return prefix;
  return [prefix, `cm-${locale === 'zh-CN' ? 'zh' : locale}-${id}`];
}

/** The snippet text of one clause: `{{${1:总费用}: money}}` at a field's first use, `{{${1:总费用}}}` after. */
export function clauseSnippetBody(template: ClauseTemplate): string {
  const fields = new Map(template.fields.map((f) => [f.name, f]));
  const stops = new Map<string, number>();
  let out = '';
  let from = 0;
  for (const { placeholder, first } of placeholdersWithFirstUse(template.body)) {
    out += escapeSnippetText(template.body.slice(from, placeholder.span.start));
    from = placeholder.span.end;
    if (!stops.has(placeholder.name)) stops.set(placeholder.name, stops.size + 1);
    const field = fields.get(placeholder.name);
    const type = placeholder.typeSpan
      ? template.body.slice(placeholder.typeSpan.start, placeholder.typeSpan.end)
      : first && field
        ? inlineTypeText(field)
        : undefined;
    const stop = `\${${stops.get(placeholder.name)}:${escapeSnippetText(placeholder.name, true)}}`;
    out += `{{${stop}${type ? `: ${escapeSnippetText(type)}` : ''}${placeholder.filter ? ` | ${escapeSnippetText(placeholder.filter)}` : ''}}}`;
  }
  out += escapeSnippetText(template.body.slice(from));
  return out + '$0';
}

function newContractSnippetBody(templates: readonly ClauseTemplate[], locale: Locale, title: string, currency: string): string {
  const marker = 'ClausemarkContractTitle';
  const contract = composeContract(templates, { title: marker, locale, currency }).replace(/\n$/, '');
  return (
    escapeSnippetText(contract)
      .split(marker)
      .join(`\${1:${escapeSnippetText(title, true)}}`) + '\n$0'
  );
}

/**
 * Text a snippet shows literally. `$` and the backslash are special everywhere; `}` only
 * inside a `${1:…}` placeholder, where it would end the placeholder.
 */
export function escapeSnippetText(text: string, inPlaceholder = false): string {
  return text.replace(inPlaceholder ? /[\\$}]/g : /[\\$]/g, '\\$&');
}

/** The whole `.code-snippets` file for a library, as the build script writes it. */
export function snippetsFileText(templates: readonly ClauseTemplate[]): string {
  return `${JSON.stringify(buildSnippets(templates), null, 2)}\n`;
}
