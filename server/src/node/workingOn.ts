/**
 * Which document the process is busy with, so that a crash names it. An
 * exception is caught and logged with it (`reportCrashes`); a fatal error of V8
 * itself cannot be caught, so before the work starts on a large document its
 * name goes to stderr, which editors keep in the language server's log.
 */
let current: string | undefined;

/** Documents above this size are named in the log before each check: the ones that can exhaust memory. */
export const ANNOUNCE_ABOVE_CHARS = 1_000_000;

/** A check taking longer than this is logged with the document's name: the per-document time budget. */
export const SLOW_CHECK_MS = 2_000;

export function workingOn<T>(uri: string, chars: number, log: (line: string) => void, work: () => T): T {
  const previous = current;
  current = uri;
  if (chars > ANNOUNCE_ABOVE_CHARS) process.stderr.write(`[clausemark] checking ${uri} (${chars} characters)\n`);
  const started = Date.now();
  try {
    return work();
  } finally {
    current = previous;
    const ms = Date.now() - started;
    if (ms > SLOW_CHECK_MS) log(`Checking ${uri} took ${(ms / 1000).toFixed(1)} s (budget ${SLOW_CHECK_MS / 1000} s).`);
  }
}

/** The document being worked on now, if any. */
export function currentDocument(): string | undefined {
  return current;
}

/**
 * An error nothing else caught ends the process (its state can no longer be
 * trusted; an editor restarts its server), but first stderr names the document
 * it was working on, so the contract that broke it can be found and reported.
 */
export function reportCrashes(what: string): void {
  const working = () => (current ? ` while working on ${current}` : '');
  const stack = (error: unknown) => String((error as Error)?.stack ?? error);
  process.on('uncaughtException', (error) => {
    process.stderr.write(`[clausemark] ${what} crashed${working()}: ${stack(error)}\n`);
    process.exit(70);
  });
  // A promise nobody awaited (a refresh the client refused) is logged, not fatal.
  process.on('unhandledRejection', (reason) => process.stderr.write(`[clausemark] unhandled rejection${working()}: ${stack(reason)}\n`));
}
