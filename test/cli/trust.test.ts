/**
 * What the CLI must never do to a user's files or terminal, whatever the
 * input: lose a contract while writing it, overwrite a file it was not told
 * to, die on a closed pipe, read a file the contract has no business reading,
 * or choke on a file too large to check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';

const CLI = resolve('dist/cli.cjs');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scratch(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'clausemark-trust-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** A contract with one safe fix (the amount in words) and one error without a fix (30 February). */
const DEAL = [
  '---',
  'title: 测试合同',
  'locale: zh-CN',
  '---',
  '# 测试合同',
  '',
  '总价款为人民币480000元（大写：伍拾万元整）。',
  '',
  '签署日期：2026年2月30日',
  '',
].join('\n');
const FIXED = DEAL.replace('伍拾万元整', '肆拾捌万元整');

test('fix replaces the contract by renaming a finished file over it, keeping its mode, and leaves no temporary file', () => {
  const dir = scratch({ 'deal.contract.md': DEAL });
  const path = join(dir, 'deal.contract.md');
  chmodSync(path, 0o640);
  // A second name for the old file: an in-place rewrite would change it too, a rename leaves it whole.
  linkSync(path, join(dir, 'before.bak'));
  const { status, stderr } = run(['fix', 'deal.contract.md'], dir);
  assert.equal(status, 1, stderr);
  assert.equal(readFileSync(path, 'utf8'), FIXED);
  assert.equal(readFileSync(join(dir, 'before.bak'), 'utf8'), DEAL, 'the original bytes were never overwritten in place');
  assert.equal(statSync(path).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(dir).sort(), ['before.bak', 'deal.contract.md']);
});

test('fix through a symbolic link rewrites the file it points at and keeps the link', () => {
  const dir = scratch({ 'real/deal.contract.md': DEAL });
  symlinkSync(join(dir, 'real', 'deal.contract.md'), join(dir, 'link.contract.md'));
  run(['fix', 'link.contract.md'], dir);
  assert.equal(readFileSync(join(dir, 'real', 'deal.contract.md'), 'utf8'), FIXED);
  assert.ok(statSync(join(dir, 'link.contract.md'), { throwIfNoEntry: true }) && readdirSync(dir).includes('link.contract.md'));
  assert.equal(spawnSync('readlink', [join(dir, 'link.contract.md')], { encoding: 'utf8' }).stdout.trim(), join(dir, 'real', 'deal.contract.md'));
});

test('render -o refuses the contract itself, even with --overwrite, and leaves it untouched', () => {
  const dir = scratch({ 'deal.contract.md': FIXED.replace('2026年2月30日', '2026年2月28日') });
  for (const args of [
    ['-o', 'deal.contract.md'],
    ['-o', './deal.contract.md', '--overwrite'],
    ['-o', join(dir, 'deal.contract.md'), '--overwrite', '--force'],
  ]) {
    const { status, stderr } = run(['render', 'deal.contract.md', ...args], dir);
    assert.equal(status, 2, `render ${args.join(' ')}`);
    assert.match(stderr, /Cannot write .*deal\.contract\.md: it is the contract being rendered/);
  }
  assert.equal(readFileSync(join(dir, 'deal.contract.md'), 'utf8'), FIXED.replace('2026年2月30日', '2026年2月28日'));
});

test('render -o refuses an existing file unless --overwrite is given', () => {
  const dir = scratch({ 'deal.contract.md': FIXED.replace('2026年2月30日', '2026年2月28日'), 'deal.html': 'keep me' });
  const refused = run(['render', 'deal.contract.md', '-o', 'deal.html'], dir);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /Cannot write deal\.html: the file exists; add --overwrite to replace it\./);
  assert.equal(readFileSync(join(dir, 'deal.html'), 'utf8'), 'keep me');
  const replaced = run(['render', 'deal.contract.md', '-o', 'deal.html', '--overwrite'], dir);
  assert.equal(replaced.status, 0, replaced.stderr);
  assert.match(readFileSync(join(dir, 'deal.html'), 'utf8'), /<article class="clausemark"/);
});

test('a failed write says "Cannot write", not "Cannot read"', () => {
  const dir = scratch({ 'deal.contract.md': FIXED.replace('2026年2月30日', '2026年2月28日') });
  const { status, stderr } = run(['render', 'deal.contract.md', '-o', 'no/such/folder/deal.html'], dir);
  assert.equal(status, 2);
  assert.match(stderr, /^Cannot write no\/such\/folder\/deal\.html: /m);
  assert.doesNotMatch(stderr, /Cannot read/);
});

/** Runs the CLI with its stdout a pipe whose reader has already gone. */
function runIntoClosedPipe(args: string[], cwd: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => done({ status, stderr }));
  });
}

test('a closed stdout (fix --dry-run | head -c 0) ends quietly with the exit status of the run', async () => {
  const dir = scratch({ 'deal.contract.md': DEAL });
  const dry = await runIntoClosedPipe(['fix', '--dry-run', 'deal.contract.md'], dir);
  assert.doesNotMatch(dry.stderr, /EPIPE|Error|at /);
  assert.equal(dry.status, 1, 'the unfixable date is still an error');
  assert.equal(readFileSync(join(dir, 'deal.contract.md'), 'utf8'), DEAL);
  const check = await runIntoClosedPipe(['check', '--format', 'json', 'deal.contract.md'], dir);
  assert.doesNotMatch(check.stderr, /EPIPE|Error|at /);
  assert.equal(check.status, 1);
});

/** A sparse file of `bytes` bytes: costs no disk, and the CLI must not read it. */
function sparse(path: string, bytes: number, head: string): void {
  writeFileSync(path, head);
  const fd = openSync(path, 'r+');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

test('a file over 2^27 characters is one document-limits problem, not a crash, and SARIF is still written', () => {
  const dir = scratch({});
  sparse(join(dir, 'huge.contract.md'), 2 ** 27 + 10, '# 合同\n\n甲方：____\n');
  const started = Date.now();
  const text = run(['check', 'huge.contract.md'], dir);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /huge\.contract\.md:1:1 warning document-limits This file is over 16,777,216 characters/);
  assert.equal(text.stdout.trim().split('\n').length, 1, 'only the limit is reported');
  const sarif = run(['check', '--format', 'sarif', 'huge.contract.md'], dir);
  assert.equal(sarif.status, 0);
  const results = JSON.parse(sarif.stdout).runs[0].results as Array<{ ruleId: string }>;
  assert.deepEqual(
    results.map((r) => r.ruleId),
    ['document-limits'],
  );
  assert.ok(Date.now() - started < 20_000, 'the file was not read');
});

test('fix leaves a file over the input limit alone', () => {
  const dir = scratch({});
  const path = join(dir, 'huge.contract.md');
  sparse(path, 40_000_000, DEAL);
  const { status, stderr } = run(['fix', 'huge.contract.md'], dir);
  assert.equal(status, 0, stderr);
  assert.match(stderr, /nothing to fix automatically/);
  assert.equal(statSync(path).size, 40_000_000);
});

test('a GB18030 contract is checked as Chinese, fixed, and written back in GB18030 byte for byte', () => {
  const dir = scratch({ 'deal.txt': iconv.encode(DEAL, 'gb18030') });
  const check = run(['check', 'deal.txt'], dir);
  assert.match(check.stderr, /deal\.txt: read as GB18030/);
  assert.match(check.stdout, /amount-words/);
  assert.doesNotMatch(check.stdout, /\uFFFD/);
  const json = JSON.parse(run(['check', '--format', 'json', 'deal.txt'], dir).stdout) as Array<{ encoding: string }>;
  assert.equal(json[0]!.encoding, 'GB18030');
  run(['fix', 'deal.txt'], dir);
  assert.deepEqual(readFileSync(join(dir, 'deal.txt')), iconv.encode(FIXED, 'gb18030'));
});

test('UTF-16 with a byte-order mark, either byte order, is fixed in its own encoding and keeps its mark', () => {
  for (const encoding of ['utf-16le', 'utf-16be']) {
    const dir = scratch({ 'deal.contract.md': iconv.encode(DEAL, encoding, { addBOM: true }) });
    const fixed = run(['fix', 'deal.contract.md'], dir);
    assert.match(fixed.stderr, new RegExp(`read as ${encoding.toUpperCase()}`));
    assert.deepEqual(readFileSync(join(dir, 'deal.contract.md')), iconv.encode(FIXED, encoding, { addBOM: true }), encoding);
  }
});

test('UTF-8 with and without a byte-order mark is written back as it was, and not named', () => {
  for (const bom of ['', '\uFEFF']) {
    const dir = scratch({ 'deal.contract.md': bom + DEAL });
    const fixed = run(['fix', 'deal.contract.md'], dir);
    assert.doesNotMatch(fixed.stderr, /read as/);
    assert.equal(readFileSync(join(dir, 'deal.contract.md'), 'utf8'), bom + FIXED);
  }
});

test('bytes in no encoding Clausemark can write back are refused, not replaced by U+FFFD', () => {
  const bytes = Buffer.from([0x23, 0x20, 0xff, 0xfe, 0xfd, 0x80, 0x81, 0x0a, 0xc3, 0x28, 0x0a]);
  const dir = scratch({ 'odd.contract.md': Buffer.concat([Buffer.from('# x\n'), bytes.subarray(2)]) });
  const before = readFileSync(join(dir, 'odd.contract.md'));
  const fixed = run(['fix', 'odd.contract.md'], dir);
  assert.equal(fixed.status, 2);
  assert.match(fixed.stderr, /Cannot read odd\.contract\.md: not UTF-8, UTF-16 with a byte-order mark or GB18030 text/);
  assert.deepEqual(readFileSync(join(dir, 'odd.contract.md')), before);
});

const WITH_DATA = (data: string) =>
  ['---', 'title: Deal', 'locale: en', `data: ${data}`, 'fields:', '  price: money', '---', '# Deal', '', 'The price is {{price}}.', ''].join('\n');

test("render uses a data file in the contract's folder, and never one outside it, through a link, or a device", () => {
  const dir = scratch({ 'secret.yaml': 'price: "SECRET-9999"\n', 'deal/values.yaml': 'price: 1200 USD\n' });
  symlinkSync(join(dir, 'secret.yaml'), join(dir, 'deal', 'linked.yaml'));
  const cases: Array<[string, RegExp]> = [
    ['values.yaml', /1,?200/],
    ['../secret.yaml', /outside the workspace/],
    ['linked.yaml', /outside the workspace/],
    ['/etc/passwd', /outside the workspace/],
    ['/dev/zero', /outside the workspace/],
  ];
  for (const [i, [data, expected]] of cases.entries()) {
    writeFileSync(join(dir, 'deal', `c${i}.contract.md`), WITH_DATA(data));
    const checked = run(['check', `deal/c${i}.contract.md`], dir);
    const rendered = run(['render', `deal/c${i}.contract.md`, '-o', `deal/c${i}.html`, '--force'], dir);
    assert.equal(rendered.status, 0, rendered.stderr);
    const html = readFileSync(join(dir, 'deal', `c${i}.html`), 'utf8');
    assert.doesNotMatch(html + checked.stdout, /SECRET/, data);
    assert.match(data === 'values.yaml' ? html : checked.stdout, expected, data);
  }
});

test("the e2e rig installer passes none of an outer npm's variables to the npm it starts", async () => {
  const rig = (await import(resolve('scripts/e2e/rig.mjs'))) as { withoutOuterNpm(env: Record<string, string>): Record<string, string> };
  const outer = {
    PATH: '/usr/bin',
    HOME: '/root',
    NODE: '/usr/bin/node',
    npm_node_execpath: '/usr/bin/node',
    npm_config_user_agent: 'npm/10 node/v20',
    NPM_CONFIG_PREFIX: '/x',
    npm_lifecycle_event: 'e2e:install',
    NODE_OPTIONS: '--max-old-space-size=4096',
  };
  assert.deepEqual(rig.withoutOuterNpm(outer), { PATH: '/usr/bin', HOME: '/root', NODE_OPTIONS: '--max-old-space-size=4096' });
});
