/**
 * `clausemark import FILE.docx [-o OUT] [--typed] [--overwrite]`: converts a Word
 * contract, writes it beside the original (never over an existing file unless
 * --overwrite), then prints its gaps and problems exactly as `check` does.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Locale } from '../core/index.js';
import type * as Import from '../import/importContract.js';
import { analyzeFile, isFailure, type AnalyzeOptions } from './analyze.js';
import { formatText } from './format/text.js';
import { cliMessage } from './messages.js';

export interface ImportCommandOptions {
  readonly output: string | undefined;
  readonly typed: boolean;
  readonly overwrite: boolean;
  readonly color: boolean;
}

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const EXIT = { clean: 0, problems: 1, usage: 2 } as const;

/** `contract.docx` → `contract.contract.md`, in the same folder. */
export function importedPath(docx: string): string {
  return `${docx.replace(/\.docx$/i, '')}.contract.md`;
}

export async function importCommand(
  operands: readonly string[],
  options: ImportCommandOptions,
  analyzeOptions: AnalyzeOptions,
  locale: Locale,
  io: Io,
): Promise<number> {
  const [path, ...rest] = operands;
  if (path === undefined || rest.length > 0) {
    io.err(cliMessage(locale, 'importUsage'));
    return EXIT.usage;
  }
  const output = options.output ?? importedPath(path);
  if (existsSync(output) && !options.overwrite) {
    io.err(cliMessage(locale, 'importExists', { path: output }));
    return EXIT.usage;
  }
  // Loaded on use: mammoth, parse5 and the XML stack would otherwise slow every `check`.
  const { ImportFailure, importMessage, LIMITS, tryImportDocx }: typeof Import = await import('../import/importContract.js');
  let bytes: Uint8Array;
  try {
    // The size is checked before reading, so a huge file is refused without loading it.
    if (statSync(path).size > LIMITS.fileBytes) throw new ImportFailure('tooLarge');
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ImportFailure) io.err(cliMessage(locale, 'importFailed', { path, reason: importMessage(locale, error.reason) }));
    else
      io.err(cliMessage(locale, 'missing', { path, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message }));
    return EXIT.usage;
  }
  const result = await tryImportDocx(bytes, { typed: options.typed, locale });
  if (!result.ok) {
    io.err(cliMessage(locale, 'importFailed', { path, reason: result.message }));
    return EXIT.usage;
  }
  const { imported } = result;
  try {
    writeFileSync(output, imported.text, 'utf8');
  } catch (error) {
    io.err(cliMessage(locale, 'missing', { path: output, reason: (error as Error).message }));
    return EXIT.usage;
  }
  const analyzed = analyzeFile(output, analyzeOptions);
  if (isFailure(analyzed)) {
    io.err(cliMessage(locale, 'missing', { path: output, reason: analyzed.reason }));
    return EXIT.usage;
  }
  const text = formatText([analyzed], options.color);
  if (text !== '') io.out(text);
  const { findings } = imported;
  io.err(
    cliMessage(locale, findings.changes.length + findings.comments.length > 0 ? 'importedWithNotes' : 'imported', {
      path: output,
      problems: analyzed.problems.length,
      changes: findings.changes.length,
      changeNoun: findings.changes.length === 1 ? 'change' : 'changes',
      comments: findings.comments.length,
      commentNoun: findings.comments.length === 1 ? 'comment' : 'comments',
    }),
  );
  return analyzed.problems.some((p) => p.severity === 'error') ? EXIT.problems : EXIT.clean;
}
