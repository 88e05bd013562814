// Runs every compiled test suite with Node's test runner, shows the spec
// report, and ends with one plain "N passed, N failed" line for CI logs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const suites = process.argv.slice(2);
const roots = suites.length > 0 ? suites.map((s) => join('out/test', s)) : readdirSync('out/test', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join('out/test', d.name));
const scratch = mkdtempSync(join(tmpdir(), 'clausemark-test-'));
const tap = join(scratch, 'report.tap');
const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=2', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...roots.filter(existsSync)],
  { stdio: 'inherit' },
);
const report = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
const count = (name) => Number((report.match(new RegExp(`^# ${name} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
const passed = count('pass');
const failed = count('fail') + count('cancelled');
const skipped = count('skipped') + count('todo');
rmSync(scratch, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(result.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
