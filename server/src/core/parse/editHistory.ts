import type { TextChange } from './incremental.js';

interface Step {
  readonly from: number;
  readonly to: number;
  /** Undefined when the whole text was replaced: nothing to reuse across it. */
  readonly changes: readonly TextChange[] | undefined;
}

/** Enough for a burst of typing between two analyses; older steps fall back to a full parse. */
const MAX_STEPS = 500;

/**
 * The edits between versions of each document, as offsets, so the analysis
 * of a new version can reparse only the blocks an edit touched
 * (`reparseWithChanges`) instead of the whole contract on every keystroke.
 */
export class EditHistory {
  private readonly steps = new Map<string, Step[]>();

  /** Records the edits from version `from` to `to`; `undefined` when the text was replaced whole. */
  record(uri: string, from: number, to: number, changes: readonly TextChange[] | undefined): void {
    const steps = this.steps.get(uri) ?? [];
    steps.push({ from, to, changes });
    if (steps.length > MAX_STEPS) steps.splice(0, steps.length - MAX_STEPS);
    this.steps.set(uri, steps);
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
