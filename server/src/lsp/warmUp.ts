/**
 * A fresh server runs its analysis cold: V8 optimises a function only after it
 * has run it often, so the first keystrokes in a long contract cost several
 * times the later ones (at 100 KB, 50–160 ms where later ones take 15–20).
 * Once the first contract has been answered, the server rehearses on contracts
 * of its own clause library what a drafter's edits will ask of it, one edit
 * per turn of the event loop and only after a second without edits or
 * requests, so a real request waits for one step at most, and seldom that.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { closedFrontMatterEnd, newContractTextInSteps, runSteps, type ContractDocument, type LibraryTemplate, type TextChange } from '../core/index.js';
import { LANGUAGE_ID } from '../protocol.js';
import { analyse } from './analysis.js';
import { diagnosticsOf } from './features/diagnostics.js';
import type { ResolvedSettings } from './settings.js';

/** One step of the rehearsal: open a text afresh, or apply one edit to the text of the step before. */
export type WarmUpStep = { readonly open: string } | { readonly change: TextChange };

/** Places in a text to edit, spread over its body; a few suffice to reach every kind of fact. */
const PLACES = 8;

/**
 * The rehearsal for one text: open it, then at a few places spread over the
 * body type a character and take it back, break a line and join it again,
 * change a digit of a percentage and restore it, give a field a value in the
 * front matter and take it away, and cut a paragraph and paste it back. Each
 * pair leaves the text as it was, so every edit applies to a known text.
 */
export function warmUpSteps(text: string): WarmUpStep[] {
  const steps: WarmUpStep[] = [{ open: text }];
  for (const line of paragraphLines(text)) {
    const middle = line.start + Math.floor((line.end - line.start) / 2);
    const character = /[\u4e00-\u9fff]/.test(text.slice(line.start, line.end)) ? '约' : 'a';
    steps.push({ change: { start: middle, end: middle, text: character } }, { change: { start: middle, end: middle + 1, text: '' } });
    steps.push({ change: { start: line.end, end: line.end, text: '\n' } }, { change: { start: line.end, end: line.end + 1, text: '' } });
    const cut = { start: line.start, end: line.end, text: '' };
    steps.push({ change: cut }, { change: { start: line.start, end: line.start, text: text.slice(line.start, line.end) } });
  }
  for (const at of valuesToFill(text)) steps.push({ change: { start: at, end: at, text: ', value: 1' } }, { change: { start: at, end: at + 10, text: '' } });
  for (const digit of digitsBeforePercent(text)) {
    const original = text[digit]!;
    const other = original === '9' ? '8' : String(Number(original) + 1);
    steps.push({ change: { start: digit, end: digit + 1, text: other } }, { change: { start: digit, end: digit + 1, text: original } });
  }
  return steps;
}

/**
 * First lines of plain paragraphs (after a blank line; no heading, list, table,
 * quote or fence), at most `PLACES`, spread evenly: what a drafter edits most,
 * and what is reparsed locally rather than with the whole text.
 */
function paragraphLines(text: string): Array<{ start: number; end: number }> {
  const body = closedFrontMatterEnd(text);
  const lines: Array<{ start: number; end: number }> = [];
  const pattern = /(?<=\n[ \t]*\n)(?!\d{1,9}[.)][ \t])[\p{L}\p{N}“"（(][^\r\n]{8,}/gu;
  pattern.lastIndex = body;
  for (let m; (m = pattern.exec(text));) {
    const end = m.index + m[0].length;
    if (!NEAR_WHOLE_REPARSE.test(text.slice(Math.max(body, m.index - NEIGHBOURHOOD), end + NEIGHBOURHOOD))) lines.push({ start: m.index, end });
  }
  return spread(lines);
}

// An edit next to a block quote, fence or indented line reparses the whole text: a step of that size would hold a real request back.
const NEAR_WHOLE_REPARSE = /^(?:[ \t]*(?:>|```|~~~)| {4}|\t)/m;
const NEIGHBOURHOOD = 100;

function digitsBeforePercent(text: string): number[] {
  const digits: number[] = [];
  const pattern = /\d(?=[ \t]*[%％])/g;
  pattern.lastIndex = closedFrontMatterEnd(text);
  for (let m; (m = pattern.exec(text));) digits.push(m.index);
  return spread(digits);
}

/**
 * Where a value can be given to a numeric field declared in the front matter
 * (`{ type: percent }`, before its `}`): filling in a value is the edit a
 * drafter makes most, and it checks again what reads the field.
 */
function valuesToFill(text: string): number[] {
  const end = closedFrontMatterEnd(text);
  const places: number[] = [];
  const pattern = /\{[ \t]*type:[ \t]*(?:percent|number|money)\b[^}\r\n]*?(?=[ \t]*\})/g;
  for (let m; (m = pattern.exec(text)) && m.index < end;) if (!/\bvalue:/.test(m[0])) places.push(m.index + m[0].length);
  return spread(places).slice(0, 2);
}

function spread<T>(items: readonly T[]): T[] {
  if (items.length <= PLACES) return [...items];
  return Array.from({ length: PLACES }, (_, i) => items[Math.floor(((i + 0.5) * items.length) / PLACES)]!);
}

/**
 * Runs the rehearsal, one step per turn of the event loop, through the same
 * analysis and diagnostics conversion a real contract goes through. It keeps
 * nothing: its documents are no client's, and nothing is published or logged.
 */
export class WarmUp {
  private started = false;
  private lastActivity = 0;

  /**
   * Told of every edit and request: the rehearsal steps aside while a drafter
   * types or asks, and goes on once they have been quiet for `QUIET_MS`. It
   * is for the time a drafter spends reading a contract just opened; one who
   * types at once warms the server up with their own edits.
   */
  noteActivity(): void {
    this.lastActivity = Date.now();
  }

  constructor(
    /**
     * The texts to rehearse on, each composed when its turn comes and a
     * clause per step: composing the three contracts at once parses every
     * clause of the library, and held the server up to a second on a busy machine.
     */
    private readonly texts: () => ReadonlyArray<() => Iterator<void, string>>,
    private readonly settings: ResolvedSettings,
    private readonly log: (line: string) => void,
  ) {}

  /** Starts the rehearsal once; later calls do nothing. */
  start(): void {
    if (this.started) return;
    this.started = true;
    let texts: ReadonlyArray<() => Iterator<void, string>>;
    try {
      texts = this.texts();
    } catch (error) {
      this.log(`Warming up failed: ${String((error as Error)?.message ?? error)}`);
      return;
    }
    let composed = 0;
    let composing: Iterator<void, string> | undefined;
    let steps: WarmUpStep[] = [];
    let index = 0;
    let version = 0;
    let text = '';
    let doc: ContractDocument | undefined;
    const next = () => {
      const wait = this.lastActivity + QUIET_MS - Date.now();
      if (wait > 0) {
        setTimeout(next, wait);
        return;
      }
      try {
        if (index === steps.length) {
          // The next text is composed before its first step, a clause per turn.
          composing ??= texts[composed++]?.();
          if (composing === undefined) return;
          const made = composing.next();
          if (made.done) {
            steps = warmUpSteps(made.value);
            index = 0;
            composing = undefined;
          }
          setImmediate(next);
          return;
        }
        const step = steps[index++]!;
        let changes: TextChange[] = [];
        if ('open' in step) {
          text = step.open;
          doc = undefined;
        } else {
          const { start, end, text: inserted } = step.change;
          text = text.slice(0, start) + inserted + text.slice(end);
          changes = [step.change];
        }
        const document = TextDocument.create(WARM_UP_URI, LANGUAGE_ID, ++version, text);
        const analysis = analyse(document, this.settings, doc === undefined ? undefined : { doc, changes }, undefined);
        diagnosticsOf(analysis, false);
        doc = analysis.doc;
      } catch (error) {
        // A rehearsal that fails only leaves the server colder; the same error would meet a real contract in its own request.
        this.log(`Warming up failed: ${String((error as Error)?.message ?? error)}`);
        return;
      }
      setImmediate(next);
    };
    setImmediate(next);
  }
}

/**
 * What to rehearse on: a one-page contract first (the coldest step is the
 * shortest), then a whole one in Chinese with its front matter, and one in
 * English without it, as a contract written elsewhere reads. Each opening is
 * a whole parse, the longest step: three keep them few.
 */
export function warmUpTexts(templates: readonly LibraryTemplate[]): string[] {
  return warmUpTextsToCompose(templates).map((compose) => runSteps(compose()));
}

/** The same texts, each composed only when called, a clause per step. */
export function warmUpTextsToCompose(templates: readonly LibraryTemplate[]): Array<() => Iterator<void, string>> {
  return [
    () => newContractTextInSteps(templates, 'zh-CN', { size: 'short' }),
    () => newContractTextInSteps(templates, 'zh-CN'),
    () => withoutFrontMatter(newContractTextInSteps(templates, 'en')),
  ];
}

function* withoutFrontMatter(composing: Generator<void, string>): Generator<void, string> {
  const text = yield* composing;
  return text.slice(closedFrontMatterEnd(text)).trimStart();
}

/** Settings as a client that sets nothing has them: the rehearsal reads no workspace file and asks the client nothing. */
export const WARM_UP_SETTINGS: ResolvedSettings = { config: {}, docsBaseUrl: '', generation: -1, diagnosticsDelay: undefined };

/** How long after the last edit or request the rehearsal waits before its next step. */
const QUIET_MS = 1000;

/** A name no editor opens, so no analysis of the rehearsal can be mistaken for a drafter's. */
const WARM_UP_URI = 'clausemark-warm-up:/rehearsal.contract.md';
