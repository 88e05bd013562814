/** Long enough for a megabyte of diagnostics to be written out, short next to a drafter's first keystroke. */
const AFTER_ANSWER_MS = 200;

/**
 * Work done before anyone asks for it, in a turn of the event loop of its own
 * shortly after the answer at hand has been sent: the first completion on a long
 * contract would otherwise also wait for the clause library to be read and
 * parsed, about as long as the completion itself.
 */
export class AheadOfTime {
  private pending: NodeJS.Timeout | undefined;

  constructor(
    private readonly task: () => void,
    private readonly log: (line: string) => void,
    /**
     * How long after the answer at hand: over IPC (VS Code) a large message
     * is written out by the event loop in pieces, so a task that held the loop
     * at once would hold back the rest of a long contract's diagnostics.
     */
    private readonly delayMs = AFTER_ANSWER_MS,
  ) {}

  /** Runs the task soon, after what is being answered now; calls before it runs make one run. */
  schedule(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      try {
        this.task();
      } catch (error) {
        // Whoever asks for the result later meets the same error, in its own request.
        this.log(`Preparing ahead of time failed: ${String((error as Error)?.message ?? error)}`);
      }
    }, this.delayMs);
  }
}
