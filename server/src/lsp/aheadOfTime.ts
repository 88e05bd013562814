/** Long enough for a megabyte of diagnostics to be written out, short next to a drafter's first keystroke. */
const AFTER_ANSWER_MS = 200;

/**
 * Work done before anyone asks for it, shortly after the answer at hand has
 * been sent: the first completion on a long contract would otherwise also
 * wait for the clause library to be read and parsed, about as long as the
 * completion itself. The work comes in steps, one per turn of the event loop,
 * so a keystroke or a request arriving meanwhile waits for one step, not for
 * all of them.
 */
export class AheadOfTime {
  private pending: NodeJS.Timeout | NodeJS.Immediate | undefined;

  constructor(
    /** Does one step of the work; returns true while any is left (a task done in one step returns nothing). */
    private readonly step: () => boolean | void,
    private readonly log: (line: string) => void,
    /**
     * How long after the answer at hand: over IPC (VS Code) a large message
     * is written out by the event loop in pieces, so a task that held the loop
     * at once would hold back the rest of a long contract's diagnostics.
     */
    private readonly delayMs = AFTER_ANSWER_MS,
  ) {}

  /** Runs the work soon, after what is being answered now; calls before it is done make one run. */
  schedule(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => this.next(), this.delayMs);
  }

  private next(): void {
    this.pending = undefined;
    let more: boolean | void;
    try {
      more = this.step();
    } catch (error) {
      // Whoever asks for the result later meets the same error, in its own request.
      this.log(`Preparing ahead of time failed: ${String((error as Error)?.message ?? error)}`);
      return;
    }
    // setImmediate runs after the messages that arrived during this step have been read and handled.
    if (more === true) this.pending = setImmediate(() => this.next());
  }
}
