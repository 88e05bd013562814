/**
 * Hostile files on disk, generated here and never stored in the repository:
 * the CLI answers each with problems or a clear message and an exit status of
 * 0, 1 or 2, never a stack trace, a hang or a crash, and never reads a device.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HOSTILE_DATA, hostileTexts } from '../fuzz/hostile.js';

const CLI = resolve('dist/cli.cjs');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' },
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

function assertCalm(result: ReturnType<typeof run>, what: string): void {
  assert.equal(result.signal, null, `${what}: killed by ${result.signal}`);
  assert.ok([0, 1, 2].includes(result.status ?? -1), `${what}: exit ${result.status}\n${result.stderr.slice(-2000)}`);
  assert.doesNotMatch(result.stderr, /^\s+at .+\(.*:\d+:\d+\)$/m, `${what}: a stack trace`);
}

test('every hostile text, written as a file, is checked, fixed and rendered calmly', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clausemark-hostile-'));
  for (const [i, { name, text }] of [...hostileTexts(), { name: 'a 10 MB line', text: `甲方：____ ${'很长的一行'.repeat(2_000_000)}` }].entries()) {
    const file = `case${i}.contract.md`;
    writeFileSync(join(dir, file), text);
    assertCalm(run(['check', '--format', 'sarif', file], dir), `check ${name}`);
    // Fixing and rendering go through the same parse; the small cases show they cope too.
    if (text.length > 200_000) continue;
    assertCalm(run(['fix', '--dry-run', file], dir), `fix ${name}`);
    assertCalm(run(['render', file, '-o', `case${i}.html`, '--force', '--overwrite'], dir), `render ${name}`);
  }
});

test('raw bytes no text can hold (lone surrogates as CESU-8, invalid UTF-8, random binary) get a clear answer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clausemark-hostile-'));
  const files: Record<string, Buffer> = {
    'surrogates.contract.md': Buffer.concat([Buffer.from('# 合同\n\n甲方：____ '), Buffer.from([0xed, 0xa0, 0x80, 0xed, 0xbf, 0xbf]), Buffer.from('\n')]),
    'invalid.contract.md': Buffer.from([0x23, 0x20, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x0a]),
    'random.contract.md': Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 2654435761) >>> 24)),
  };
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(dir, name), bytes);
    const checked = run(['check', name], dir);
    assertCalm(checked, name);
    assert.ok(checked.stdout.length > 0 || /Cannot read/.test(checked.stderr), `${name}: a problem or a clear refusal`);
    assertCalm(run(['fix', name], dir), `fix ${name}`);
  }
});

test("data: aimed at devices, /proc or outside the contract's folder reads nothing and finishes", () => {
  const dir = mkdtempSync(join(tmpdir(), 'clausemark-hostile-'));
  spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
  for (const [i, data] of [...HOSTILE_DATA, 'pipe.yaml'].entries()) {
    const file = `data${i}.contract.md`;
    writeFileSync(join(dir, file), `---\nlocale: en\ndata: ${JSON.stringify(data)}\nfields:\n  x: text\n---\n# Deal\n\n{{x}}\n`);
    const checked = run(['check', file], dir);
    assertCalm(checked, data);
    assert.doesNotMatch(checked.stdout, /root:|PATH=/, data);
    const rendered = run(['render', file, '-o', `data${i}.html`, '--force', '--overwrite'], dir);
    assertCalm(rendered, `render ${data}`);
  }
});
