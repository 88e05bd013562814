/**
 * Import from Word, as the CLI and the editor use it: a .docx in, a
 * `.contract.md` text out, with a note listing what Word held that Markdown
 * does not (tracked changes, comments), and optionally every blank typed.
 */
import {
  applyEdits,
  guessLocale,
  mergeFrontMatterEdits,
  parseContract,
  placeholderForBlank,
  UniqueNames,
  type Locale,
  type TemplateField,
  type TextEdit,
} from '../core/index.js';
import type { ImportDocxResult } from '../protocol.js';
import { ImportFailure, LIMITS } from './docxPackage.js';
import { docxToMarkdown } from './docxToMarkdown.js';
import { importMessage } from './messages.js';
import type { Findings } from './wordDocument.js';

export { ImportFailure, LIMITS, type ImportFailureReason } from './docxPackage.js';
export { importMessage } from './messages.js';

export interface ImportOptions {
  /** Rewrite each legacy blank as a typed placeholder declared in the front matter. */
  readonly typed?: boolean;
  /** Give up after this long (the limits on size bound the work; this bounds the wait). */
  readonly timeoutMs?: number;
}

export interface ImportedContract {
  readonly text: string;
  readonly locale: Locale;
  readonly findings: Findings;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Converts a .docx; throws ImportFailure (with a reason that has a message) for anything that is not a readable Word document. */
export async function importDocx(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportedContract> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ImportFailure('timeout', String(Math.round(timeoutMs / 1000)))), timeoutMs);
  });
  try {
    const imported = await Promise.race([convert(bytes), timeout]);
    const locale = guessLocale(imported.markdown);
    let text = withNote(imported.markdown, imported.findings, locale);
    if (options.typed) text = typeBlanks(text, locale);
    return { text, locale, findings: imported.findings };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `importDocx` for the CLI and the editor alike: a document Word cannot give
 * is a message in `locale` (with the time limit when it timed out), not a throw.
 */
export async function tryImportDocx(
  bytes: Uint8Array,
  options: ImportOptions & { readonly locale: Locale },
): Promise<{ ok: true; imported: ImportedContract } | { ok: false; message: string }> {
  try {
    return { ok: true, imported: await importDocx(bytes, options) };
  } catch (error) {
    if (!(error instanceof ImportFailure)) throw error;
    const seconds = error.reason === 'timeout' ? (error.message.split(': ')[1] ?? '') : '';
    return { ok: false, message: importMessage(options.locale, error.reason, { seconds }) };
  }
}

/** The editor's import (`clausemark/importDocx`): the same as `clausemark import`, for a document sent as base64. */
export async function importBase64Docx(data: string, options: { readonly typed: boolean; readonly locale: Locale }): Promise<ImportDocxResult> {
  // base64 is 4/3 of the bytes: refuse before decoding what could not be a contract.
  if (data.length > (LIMITS.fileBytes * 4) / 3 + 4) return { ok: false, message: importMessage(options.locale, 'tooLarge') };
  const result = await tryImportDocx(Buffer.from(data, 'base64'), options);
  if (!result.ok) return result;
  const { text, findings } = result.imported;
  return { ok: true, text, changes: findings.changes.length, comments: findings.comments.length };
}

async function convert(bytes: Uint8Array) {
  try {
    return await docxToMarkdown(bytes);
  } catch (error) {
    if (error instanceof ImportFailure) throw error;
    // mammoth and the XML parser throw plain errors on parts that are not what they claim to be.
    throw new ImportFailure('corrupt', (error as Error).message);
  }
}

/** Tracked changes and comments are listed in an HTML comment at the top: kept in the file, never shown in the contract. */
function withNote(markdown: string, findings: Findings, locale: Locale): string {
  if (findings.changes.length === 0 && findings.comments.length === 0) return markdown;
  const safe = (text: string) => text.replace(/--+/g, '—').replace(/\s+/g, ' ').trim();
  const quote = (text: string) => (locale === 'zh-CN' ? `“${safe(text)}”` : `"${safe(text)}"`);
  const lines = [importMessage(locale, 'noteHeading')];
  if (findings.changes.length > 0) {
    lines.push(importMessage(locale, 'noteChanges', { count: findings.changes.length }));
    for (const change of findings.changes) {
      const by = change.author ? importMessage(locale, 'by', { author: safe(change.author) }) : '';
      lines.push(`- ${importMessage(locale, change.kind)}${by}${locale === 'zh-CN' ? '：' : ': '}${quote(change.text)}`);
    }
  }
  if (findings.comments.length > 0) {
    lines.push(importMessage(locale, 'noteComments', { count: findings.comments.length }));
    for (const comment of findings.comments) {
      const by = comment.author ? `${safe(comment.author)}` : '';
      const on = comment.anchor ? importMessage(locale, 'on', { anchor: safe(comment.anchor) }) : '';
      lines.push(`- ${by}${on}${locale === 'zh-CN' ? '：' : ': '}${quote(comment.text)}`);
    }
  }
  return `<!--\n${lines.join('\n')}\n-->\n\n${markdown}`;
}

/**
 * `--typed`: each blank becomes the placeholder the `unfilled-blank` fix
 * offers (named after the words before it, typed by what the text says it
 * holds), and the inline declarations move into a new front matter.
 */
export function typeBlanks(text: string, locale: Locale): string {
  const doc = parseContract(text, { locale });
  const names = new UniqueNames(doc.fields.keys());
  const inline = applyEdits(
    text,
    doc.blanks.map((blank) => placeholderForBlank(doc, blank, names)),
  );
  const typed = parseContract(inline, { locale });
  const fields: TemplateField[] = [];
  const strip: TextEdit[] = [];
  const seen = new Set<string>();
  for (const placeholder of typed.placeholders) {
    if (placeholder.inlineType === undefined || placeholder.typeSpan === undefined) continue;
    // `第{{x: choice}}种` counts the options written after it; the front matter would demand them listed, so it stays inline.
    if (placeholder.inlineType === 'choice' && !placeholder.options?.length) continue;
    if (!seen.has(placeholder.name)) fields.push({ name: placeholder.name, type: placeholder.inlineType, options: placeholder.options });
    seen.add(placeholder.name);
    strip.push({ span: { start: placeholder.nameSpan.end, end: placeholder.typeSpan.end }, newText: '' });
  }
  const body = applyEdits(inline, strip);
  const merge = mergeFrontMatterEdits(parseContract(body, { locale }), { parties: [], fields, groups: [] }, locale);
  return applyEdits(body, merge.edits);
}
