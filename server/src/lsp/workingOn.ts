/**
 * Which document the server is busy with, so that a crash names it. An
 * exception is caught and logged with it (main.ts); a fatal error of V8
 * itself cannot be caught, so before the server starts on a large document it
 * writes the name to stderr, which editors keep in the server's log.
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
