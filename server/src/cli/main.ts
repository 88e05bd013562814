import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportContract } from '../export/exportContract.js';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { fixAll, isOverLimit, toLocale, type Locale } from '../core/index.js';
import { writeContractFile } from '../node/contractFile.js';
import { writeFileReplacing } from '../node/safeWrite.js';
import { readConfigFile } from '../node/workspaceConfig.js';
import { analyzeFile, analyzeLoaded, isFailure, loadContract, type AnalyzedFile, type AnalyzeOptions } from './analyze.js';
import { expandOperands } from './files.js';
import { formatJson } from './format/json.js';
import { formatSarif } from './format/sarif.js';
import { formatText } from './format/text.js';
import { cliMessage, terminalLocale } from './messages.js';
import { importCommand } from './importCommand.js';

declare const CLAUSEMARK_VERSION: string | undefined;
const VERSION = typeof CLAUSEMARK_VERSION === 'string' ? CLAUSEMARK_VERSION : '0.0.0-dev';

/** Exit statuses, as documented in --help. */
const EXIT = { clean: 0, problems: 1, usage: 2 } as const;

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly isTty: boolean;
}

/** Runs the CLI and returns its exit status; never throws for bad input. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        locale: { type: 'string' },
        config: { type: 'string' },
        'dry-run': { type: 'boolean' },
        to: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'no-gaps': { type: 'boolean' },
        force: { type: 'boolean' },
        typed: { type: 'boolean' },
        overwrite: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.err(cliMessage(terminalLocale(undefined, io.env), 'badOption', { detail: (error as Error).message.replace(/\.$/, '') }));
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const explicitLocale = values.locale === undefined ? undefined : toLocale(values.locale);
  const uiLocale = terminalLocale(explicitLocale, io.env);
  if (values.locale !== undefined && explicitLocale === undefined) {
    io.err(cliMessage(uiLocale, 'badLocale', { value: values.locale }));
    return EXIT.usage;
  }
  if (values.version) {
    io.out(VERSION);
    return EXIT.clean;
  }
  const [command, ...operands] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.out(cliMessage(uiLocale, 'usage'));
    return command === undefined && !values.help ? EXIT.usage : EXIT.clean;
  }
  const explicitConfig = values.config === undefined ? undefined : readConfigFile(values.config, uiLocale);
  const analyzeOptions: AnalyzeOptions = {
    locale: explicitLocale,
    explicitConfig,
    onConfigErrors: (errors) => errors.forEach((detail) => io.err(cliMessage(uiLocale, 'configError', { detail }))),
  };
  switch (command) {
    case 'check':
      return check(operands, values.format ?? 'text', !values['no-color'] && io.isTty && !io.env['NO_COLOR'], analyzeOptions, uiLocale, io);
    case 'fix':
      return fix(operands, Boolean(values['dry-run']), analyzeOptions, uiLocale, io);
    case 'render':
      return render(
        operands,
        { to: values.to, output: values.output, showGaps: !values['no-gaps'], force: Boolean(values.force), overwrite: Boolean(values.overwrite) },
        analyzeOptions,
        uiLocale,
        io,
      );
    case 'import':
      return importCommand(
        operands,
        {
          output: values.output,
          typed: Boolean(values.typed),
          // `--force` was import's name for this before render had `--overwrite`; still accepted, no longer documented.
          overwrite: Boolean(values.overwrite || values.force),
          color: !values['no-color'] && io.isTty && !io.env['NO_COLOR'],
        },
        analyzeOptions,
        uiLocale,
        io,
      );
    default:
      io.err(cliMessage(uiLocale, 'unknownCommand', { command }));
      return EXIT.usage;
  }
}

function check(operands: readonly string[], format: string, color: boolean, options: AnalyzeOptions, locale: Locale, io: Io): number {
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    io.err(cliMessage(locale, 'badFormat', { value: format }));
    return EXIT.usage;
  }
  const { files, unmatched } = expandOperands(operands, io.cwd);
  unmatched.forEach((pattern) => io.err(cliMessage(locale, 'noMatch', { pattern })));
  if (files.length === 0) {
    if (unmatched.length === 0) io.err(cliMessage(locale, 'noFiles'));
    return EXIT.usage;
  }
  const analyzed: AnalyzedFile[] = [];
  let ioError = unmatched.length > 0;
  for (const path of files) {
    const result = analyzeFile(path, options);
    if (isFailure(result)) {
      io.err(cliMessage(locale, 'missing', { path, reason: result.reason }));
      ioError = true;
    } else analyzed.push(result);
  }
  if (format === 'text')
    analyzed.filter(isUnusualEncoding).forEach((file) => io.err(cliMessage(locale, 'readAs', { path: file.path, encoding: file.encoding })));
  if (format === 'json') io.out(formatJson(analyzed));
  else if (format === 'sarif') io.out(formatSarif(analyzed, io.cwd, VERSION, options.locale ?? locale));
  else {
    const text = formatText(analyzed, color);
    if (text !== '') io.out(text);
    if (analyzed.length > 0) io.err(summary(analyzed, locale));
  }
  if (ioError) return EXIT.usage;
  return analyzed.some((file) => file.problems.some((p) => p.severity === 'error')) ? EXIT.problems : EXIT.clean;
}

function summary(files: readonly AnalyzedFile[], locale: Locale): string {
  const all = files.flatMap((f) => f.problems);
  const fileNoun = files.length === 1 ? 'file' : 'files';
  if (all.length === 0) return cliMessage(locale, 'clean', { files: files.length, fileNoun });
  const count = (...severities: string[]) => all.filter((p) => severities.includes(p.severity)).length;
  const noun = (n: number, word: string) => (n === 1 ? word : `${word}s`);
  const [errors, warnings, notes] = [count('error'), count('warning'), count('info', 'hint')];
  return cliMessage(locale, 'summary', {
    problems: all.length,
    problemNoun: noun(all.length, 'problem'),
    errors,
    errorNoun: noun(errors, 'error'),
    warnings,
    warningNoun: noun(warnings, 'warning'),
    notes,
    noteNoun: noun(notes, 'note'),
    files: files.length,
    fileNoun,
  });
}

function fix(operands: readonly string[], dryRun: boolean, options: AnalyzeOptions, locale: Locale, io: Io): number {
  if (operands.length === 0) {
    io.err(cliMessage(locale, 'fixNeedsFiles'));
    return EXIT.usage;
  }
  const { files, unmatched } = expandOperands(operands, io.cwd);
  unmatched.forEach((pattern) => io.err(cliMessage(locale, 'noMatch', { pattern })));
  let status: number = unmatched.length > 0 ? EXIT.usage : EXIT.clean;
  for (const path of files) {
    const loaded = loadContract(path, options);
    if (isFailure(loaded)) {
      io.err(cliMessage(locale, 'missing', { path, reason: loaded.reason }));
      status = EXIT.usage;
      continue;
    }
    if (loaded.overLimit) {
      // Nothing in it was looked at, so nothing in it is changed.
      io.err(cliMessage(locale, 'nothingToFix', { path, count: 0, remaining: analyzeLoaded(loaded).problems.length }));
      continue;
    }
    if (isUnusualEncoding(loaded)) io.err(cliMessage(locale, 'readAs', { path, encoding: loaded.encoding }));
    const { text, applied, problems: remaining } = fixAll(loaded.text, loaded.core);
    if (dryRun) {
      if (applied > 0) io.out(createTwoFilesPatch(path, path, loaded.text, text, '', '', { context: 2 }).trimEnd());
    } else if (applied > 0) {
      try {
        writeContractFile(path, text, loaded.encoding);
      } catch (error) {
        io.err(cliMessage(locale, 'cannotWrite', { path, reason: (error as Error).message }));
        status = EXIT.usage;
        continue;
      }
    }
    const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);
    io.err(
      cliMessage(locale, applied > 0 ? 'fixed' : 'nothingToFix', {
        path,
        count: applied,
        fixNoun: plural(applied, 'fix').replace(/xs$/, 'xes'),
        remaining: remaining.length,
        problemNoun: plural(remaining.length, 'problem'),
      }),
    );
    if (status === EXIT.clean && remaining.some((p) => p.severity === 'error')) status = EXIT.problems;
  }
  return status;
}

async function render(
  operands: readonly string[],
  options: { to: string | undefined; output: string | undefined; showGaps: boolean; force: boolean; overwrite: boolean },
  analyzeOptions: AnalyzeOptions,
  locale: Locale,
  io: Io,
): Promise<number> {
  const [path, ...rest] = operands;
  const format = options.to ?? (options.output?.toLowerCase().endsWith('.docx') ? 'docx' : 'html');
  if (path === undefined || rest.length > 0 || options.output === undefined) {
    io.err(cliMessage(locale, 'renderUsage'));
    return EXIT.usage;
  }
  if (format !== 'html' && format !== 'docx') {
    io.err(cliMessage(locale, 'badRenderFormat', { value: format }));
    return EXIT.usage;
  }
  // Decided before anything is read or rendered, so a refused command costs nothing.
  if (sameFile(path, options.output)) {
    io.err(cliMessage(locale, 'outputIsInput', { path: options.output }));
    return EXIT.usage;
  }
  if (!options.overwrite && existsSync(options.output)) {
    io.err(cliMessage(locale, 'outputExists', { path: options.output }));
    return EXIT.usage;
  }
  const analyzed = analyzeFile(path, analyzeOptions);
  if (isFailure(analyzed)) {
    io.err(cliMessage(locale, 'missing', { path, reason: analyzed.reason }));
    return EXIT.usage;
  }
  if (isOverLimit(analyzed.doc)) {
    io.err(cliMessage(locale, 'notRendered', { path, reason: analyzed.problems[0]?.message ?? '' }));
    return EXIT.problems;
  }
  const errors = analyzed.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0 && !options.force) {
    io.err(cliMessage(locale, 'renderHasErrors', { path, errors }));
    return EXIT.problems;
  }
  const exported = await exportContract(analyzed.doc, analyzed.problems, format, { showGaps: options.showGaps });
  try {
    writeFileReplacing(options.output, exported.bytes);
  } catch (error) {
    io.err(cliMessage(locale, 'cannotWrite', { path: options.output, reason: (error as Error).message }));
    return EXIT.usage;
  }
  io.err(cliMessage(locale, 'rendered', { path: options.output, gaps: exported.gapCount, gapNoun: exported.gapCount === 1 ? 'gap' : 'gaps' }));
  return EXIT.clean;
}

/** Whether two paths name one file (through links, `./`, absolute or relative). */
function sameFile(a: string, b: string): boolean {
  const real = (path: string) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  return real(a) === real(b);
}

/** Files read in anything but plain UTF-8 are named, so a user knows what a fix will write. */
function isUnusualEncoding(file: Pick<AnalyzedFile, 'encoding'>): boolean {
  return file.encoding !== 'UTF-8' && file.encoding !== 'UTF-8 with BOM';
}

/**
 * A stream whose reader went away (`clausemark fix --dry-run | head -c 0`):
 * what is left to print is dropped and the run finishes with the status it
 * would have had. Any other stream error is a real failure and stays loud.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text + '\n');
  };
}

// Only run when executed, not when imported by tests.
if (typeof require !== 'undefined' && require.main === module) {
  void main(process.argv.slice(2), {
    out: quietWhenClosed(process.stdout),
    err: quietWhenClosed(process.stderr),
    cwd: process.cwd(),
    env: process.env,
    isTty: Boolean(process.stdout.isTTY),
  }).then((status) => {
    process.exitCode = status;
  });
}
