/**
 * The edits between document versions, as offsets, so the analysis of a new
 * version can reparse only the blocks an edit touched (`reparseWithChanges`)
 * instead of the whole contract on every keystroke.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../core/index.js';

interface Step {
  readonly from: number;
  readonly to: number;
  /** Undefined when the client sent the whole text: nothing to reuse across it. */
  readonly changes: readonly TextChange[] | undefined;
}

/** Enough for a burst of typing between two analyses; older steps fall back to a full parse. */
const MAX_STEPS = 500;

export class ChangeLog {
  private readonly steps = new Map<string, Step[]>();

  /** Records the edits that turn `before` (its version and text) into `version`. */
  record(before: TextDocument, events: readonly TextDocumentContentChangeEvent[], version: number): void {
    let changes: TextChange[] | undefined = [];
    // Each event's range refers to the text left by the events before it.
    let current: TextDocument | undefined;
    for (const event of events) {
      if (!('range' in event) || event.range === undefined) {
        changes = undefined;
        break;
      }
      current ??= TextDocument.create(before.uri, before.languageId, before.version, before.getText());
      const start = current.offsetAt(event.range.start);
      const end = current.offsetAt(event.range.end);
      changes.push({ start, end, text: event.text });
      if (events.length > 1) current = TextDocument.update(current, [event], version);
    }
    const steps = this.steps.get(before.uri) ?? [];
    steps.push({ from: before.version, to: version, changes });
    if (steps.length > MAX_STEPS) steps.splice(0, steps.length - MAX_STEPS);
    this.steps.set(before.uri, steps);
  }

  /** The changes leading from version `from` to `to`, or undefined when some are missing or not incremental. */
  between(uri: string, from: number, to: number): TextChange[] | undefined {
    const steps = this.steps.get(uri) ?? [];
    const changes: TextChange[] = [];
    let at = from;
    for (const step of steps) {
      if (step.to <= at) continue;
      if (step.from !== at || step.changes === undefined) return undefined;
      changes.push(...step.changes);
      at = step.to;
      if (at === to) return changes;
    }
    return at === to ? changes : undefined;
  }

  /** Drops the steps up to `version`: nothing older will be asked for. */
  prune(uri: string, version: number): void {
    const steps = this.steps.get(uri);
    if (!steps) return;
    const kept = steps.filter((s) => s.to > version);
    if (kept.length === 0) this.steps.delete(uri);
    else this.steps.set(uri, kept);
  }

  forget(uri: string): void {
    this.steps.delete(uri);
  }
}
