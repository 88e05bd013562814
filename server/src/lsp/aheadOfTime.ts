/**
 * Work done before anyone asks for it, in a turn of the event loop of its own
 * once the answer at hand has been sent: the first completion on a long
 * contract would otherwise also wait for the clause library to be read and
 * parsed, about as long as the completion itself.
 */
export class AheadOfTime {
  private pending: NodeJS.Timeout | undefined;

  constructor(
    private readonly task: () => void,
    private readonly log: (line: string) => void,
  ) {}

  /** Runs the task soon, after what is being answered now; calls before it runs make one run. */
  schedule(): void {
    if (this.pending) return;
    // A timer, not a microtask: the diagnostics being sent go out first, and a request already queued is answered first.
    this.pending = setTimeout(() => {
      this.pending = undefined;
      try {
        this.task();
      } catch (error) {
        // Whoever asks for the result later meets the same error, in its own request.
        this.log(`Preparing ahead of time failed: ${String((error as Error)?.message ?? error)}`);
      }
    }, 0);
  }
}
