// What every end-to-end suite needs inside the extension host: a tiny test
// runner (named tests, per-test timeout, a result file for the outer runner),
// polling instead of sleeping, and screenshots when the launcher offers them.
// Bundled into each suite by test/e2e/runTest.mjs; runs in desktop VS Code
// and in code-server alike.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inspect } from 'node:util';

/** One named test: an async body that throws (e.g. an `assert`) to fail. */
export interface E2eTest {
  name: string;
  body: () => Promise<void> | void;
}

/** Declares a test; the suite runs them in order, each on the state the previous one left. */
export function test(name: string, body: () => Promise<void> | void): E2eTest {
  return { name, body };
}

const testTimeoutMs = Number(process.env.CLAUSEMARK_E2E_TEST_TIMEOUT || 60) * 1000;

/** Rejects after `ms` with a message that names what was being waited for. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs the tests one after another and prints one line per test plus a
 * closing `N passed, N failed` line. Rejects when any test failed, which the
 * workbench turns into a non-zero exit code. A test that hangs fails at
 * `CLAUSEMARK_E2E_TEST_TIMEOUT` seconds (default 60) and the suite goes on.
 */
export async function runSuite(suite: string, tests: E2eTest[]): Promise<void> {
  let passed = 0;
  const failures: string[] = [];
  console.log(`\n${suite}`);
  for (const { name, body } of tests) {
    const started = Date.now();
    try {
      await withTimeout(Promise.resolve().then(body), testTimeoutMs, `test "${name}" did not finish (CLAUSEMARK_E2E_TEST_TIMEOUT)`);
      passed++;
      console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failures.push(name);
      console.error(`  ✖ ${name} (${Date.now() - started} ms)\n${indent(error instanceof Error ? (error.stack ?? error.message) : inspect(error))}`);
    }
  }
  console.log(`${suite}: ${passed} passed, ${failures.length} failed`);
  recordResult(suite, passed, failures);
  if (failures.length > 0) throw new Error(`${failures.length} of ${tests.length} tests failed in ${suite}: ${failures.join('; ')}`);
}

function indent(text: string): string {
  return text.replace(/^/gm, '      ');
}

/** Appends this suite's counts to the file the outer runner reads (CLAUSEMARK_E2E_RESULTS). */
function recordResult(suite: string, passed: number, failures: string[]): void {
  const file = process.env.CLAUSEMARK_E2E_RESULTS;
  if (!file) return;
  const results = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown[]) : [];
  results.push({ suite, passed, failed: failures.length, failures });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(results, null, 2));
}

/**
 * Polls `probe` until it returns something other than `undefined`/`false`,
 * and returns that. Never a fixed sleep: the test goes on as soon as the
 * state is there, and fails with `description` and the last value seen when
 * it is not there within `timeoutMs`.
 */
export async function waitFor<T>(description: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${description}; last value: ${inspect(last, { depth: 4 })}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Asks the launcher for a screenshot of the workbench as it is now and waits
 * until the PNG is written. Returns its path, or `undefined` when no
 * screenshot folder is set (CLAUSEMARK_E2E_SCREENSHOTS) or no launcher can
 * take one (desktop VS Code).
 */
export async function screenshot(name: string): Promise<string | undefined> {
  const folder = process.env.CLAUSEMARK_E2E_SCREENSHOTS;
  if (!folder || process.env.CLAUSEMARK_E2E_LAUNCHER !== 'code-server') return undefined;
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`screenshot name must be [A-Za-z0-9._-]+: ${name}`);
  const file = join(folder, `${name}.png`);
  rmSync(file, { force: true });
  // The launcher watches the test output for this marker (scripts/e2e/code-launcher.mjs).
  console.log(`[[screenshot:${name}]]`);
  return waitFor(`screenshot ${file}`, () => existsSync(file) && statSync(file).size > 0 && file, 30_000);
}
