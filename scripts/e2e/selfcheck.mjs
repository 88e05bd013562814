#!/usr/bin/env node
// Proves that the end-to-end harness cannot pass by accident: a failing
// assertion, a hung test and a test module that never returns must each end
// the run with a non-zero exit and a message that says what happened, and
// leave no VS Code process behind. Runs test/e2e/runTest.mjs on the
// `selfcheck` suite, whose tests fail on purpose. Takes a few minutes.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

const CASES = [
  {
    name: 'a failing assertion fails the run',
    env: { CLAUSEMARK_E2E_SELFCHECK: 'fail' },
    expect: { exit: 1, output: ['SELFCHECK: this assertion fails on purpose', 'e2e: 1 passed, 1 failed'] },
  },
  {
    name: 'a hung test fails at the per-test timeout and the suite still reports',
    env: { CLAUSEMARK_E2E_SELFCHECK: 'hang', CLAUSEMARK_E2E_TEST_TIMEOUT: '10' },
    expect: { exit: 1, output: ['test "deliberate hang" did not finish (CLAUSEMARK_E2E_TEST_TIMEOUT)', 'e2e: 1 passed, 1 failed'] },
  },
  {
    name: 'a test module that never returns ends at the launcher timeout',
    env: { CLAUSEMARK_E2E_SELFCHECK: 'hang-outside-tests', CLAUSEMARK_E2E_TIMEOUT: '60' },
    expect: { exit: 1, output: ['TIMEOUT: the tests did not finish within 60 s', 'Exit code:   124'] },
  },
];

let passed = 0;
let failed = 0;
for (const { name, env, expect } of CASES) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(root, 'test/e2e/runTest.mjs'), 'selfcheck'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const output = `${result.stdout}${result.stderr}`;
  const problems = [];
  if (result.status !== expect.exit) problems.push(`exit ${result.status ?? result.signal}, expected ${expect.exit}`);
  for (const text of expect.output) if (!output.includes(text)) problems.push(`output lacks: ${text}`);
  const kept = /run folder kept: (\S+)/.exec(output)?.[1];
  if (kept) {
    // A process still running from the run folder would be a leak of the process group.
    const leftovers = spawnSync('pgrep', ['-f', kept], { encoding: 'utf8' }).stdout.trim();
    if (leftovers) problems.push(`processes left behind: ${leftovers.split('\n').join(', ')}`);
    rmSync(kept, { recursive: true, force: true });
  } else {
    problems.push('the failed run did not say where its run folder is');
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (problems.length === 0) {
    passed++;
    console.log(`✔ ${name} (${seconds} s)`);
  } else {
    failed++;
    console.log(`✖ ${name} (${seconds} s)\n  ${problems.join('\n  ')}\n--- output ---\n${output}--- end ---`);
  }
}
console.log(`selfcheck: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
