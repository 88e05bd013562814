import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/cli.cjs');
import { NEEDS_REFERENCE, REFERENCE_PATH as REFERENCE } from '../support/reference.js';

function run(args: string[], cwd = process.cwd(), env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'clausemark-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const MISTAKES = [
  '---',
  'title: 测试服务合同',
  'locale: zh-CN',
  '---',
  '# 测试服务合同',
  '',
  '一、费用',
  '',
  '总价款为人民币480000元（大写：伍拾万元整）。甲方分三期支付：首期支付30%，二期支付40%，尾款20%。',
  '',
  '二、签署',
  '',
  '签署日期：2026年2月30日',
  '',
].join('\n');

test('check reports each gap of the reference agreement on its own line, and exits 0', { skip: NEEDS_REFERENCE }, () => {
  const { status, stdout, stderr } = run(['check', REFERENCE]);
  assert.equal(status, 0, stderr);
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 31);
  for (const line of lines) assert.match(line, /^\S+ai-training-agreement\.zh\.txt:\d+:\d+ warning unfilled-blank /);
  assert.ok(lines[0]!.includes(':7:15 '), lines[0]);
  assert.match(stderr, /31 problems \(0 errors, 31 warnings, 0 notes\) in 1 file\./);
});

test('check exits 1 on errors and names each mistake where it stands', () => {
  const dir = scratch({ 'deal.contract.md': MISTAKES });
  const { status, stdout } = run(['check', 'deal.contract.md'], dir);
  assert.equal(status, 1);
  assert.match(stdout, /^deal\.contract\.md:9:\d+ error amount-words /m);
  assert.match(stdout, /^deal\.contract\.md:9:\d+ error percent-sum .*90%/m);
  assert.match(stdout, /^deal\.contract\.md:13:6 error invalid-date /m);
});

test('a folder means the contracts inside it; a glob that matches nothing is a usage error', () => {
  const dir = scratch({ 'a/one.contract.md': '# 合同\n\n甲方：____\n', 'a/notes.md': '____\n' });
  const folder = run(['check', 'a'], dir);
  assert.equal(folder.status, 0);
  assert.equal(folder.stdout.trim().split('\n').length, 1);
  assert.match(folder.stdout, /^a\/one\.contract\.md:3:4 warning unfilled-blank/);
  const glob = run(['check', 'nowhere/**/*.contract.md'], dir);
  assert.equal(glob.status, 2);
  assert.match(glob.stderr, /No files match "nowhere\/\*\*\/\*\.contract\.md"/);
});

test('a missing file is a clear message and exit 2, not a stack trace', () => {
  const { status, stderr } = run(['check', 'no-such.contract.md']);
  assert.equal(status, 2);
  assert.match(stderr, /Cannot read no-such\.contract\.md: no such file\./);
  assert.doesNotMatch(stderr, /\n\s+at /);
});

test('usage errors exit 2 with a pointer to --help', () => {
  assert.equal(run(['frobnicate']).status, 2);
  const bad = run(['check', '--format', 'xml', 'any.contract.md']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /expected text, json or sarif/);
  assert.equal(run(['check', '--bogus']).status, 2);
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Usage: clausemark <command>/);
});

test('--format json gives positions as 1-based lines and UTF-16 offsets', { skip: NEEDS_REFERENCE }, () => {
  const { status, stdout } = run(['check', '--format', 'json', REFERENCE]);
  assert.equal(status, 0);
  const [file] = JSON.parse(stdout) as Array<{ problems: Array<{ checkId: string; line: number; column: number; offset: number; endOffset: number }> }>;
  const text = readFileSync(REFERENCE, 'utf8');
  assert.equal(file!.problems.length, 31);
  const first = file!.problems[0]!;
  assert.deepEqual([first.checkId, first.line, first.column], ['unfilled-blank', 7, 15]);
  assert.match(text.slice(first.offset, first.endOffset), /^_+$/);
});

test('--format sarif is SARIF 2.1.0 with rule ids, levels and 1-based regions', () => {
  const dir = scratch({ 'deal.contract.md': MISTAKES });
  const { status, stdout } = run(['check', '--format', 'sarif', 'deal.contract.md'], dir);
  assert.equal(status, 1);
  const sarif = JSON.parse(stdout);
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  assert.equal(run0.tool.driver.name, 'clausemark');
  assert.ok(run0.tool.driver.rules.some((r: { id: string }) => r.id === 'percent-sum'));
  const date = run0.results.find((r: { ruleId: string }) => r.ruleId === 'invalid-date');
  assert.equal(date.level, 'error');
  assert.deepEqual(
    [
      date.locations[0].physicalLocation.artifactLocation.uri,
      date.locations[0].physicalLocation.region.startLine,
      date.locations[0].physicalLocation.region.startColumn,
    ],
    ['deal.contract.md', 13, 6],
  );
});

test('--locale en writes messages in English for a Chinese contract', { skip: NEEDS_REFERENCE }, () => {
  const zh = run(['check', REFERENCE]);
  const en = run(['check', '--locale', 'en', REFERENCE]);
  assert.match(zh.stdout, /空白尚未填写/);
  assert.match(en.stdout, /Unfilled blank for "地址"\./);
});

test('fix leaves an amount whose words and figure disagree for the drafter', () => {
  // Which side is meant is the drafter's call (the 大写 usually prevails): fix must not rewrite 伍拾伍万元整.
  const text = MISTAKES.replace('480000元（大写：伍拾万元整）', '500,000元（大写：伍拾伍万元整）');
  const dir = scratch({ 'deal.contract.md': text });
  const { status, stderr } = run(['fix', 'deal.contract.md'], dir);
  assert.equal(readFileSync(join(dir, 'deal.contract.md'), 'utf8'), text);
  assert.match(stderr, /deal\.contract\.md: nothing to fix automatically; \d+ problems left\./);
  assert.equal(status, 1);
});

test('fix renumbers clauses in place and keeps CRLF line endings', () => {
  const crlf = MISTAKES.replace('二、签署', '三、签署').replace(/\n/g, '\r\n');
  const dir = scratch({ 'deal.contract.md': crlf });
  const { status, stderr } = run(['fix', 'deal.contract.md'], dir);
  const fixed = readFileSync(join(dir, 'deal.contract.md'), 'utf8');
  assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF introduced');
  // Only the number changed: the rest is byte-identical.
  assert.equal(fixed, crlf.replace('三、签署', '二、签署'));
  assert.match(stderr, /deal\.contract\.md: applied 1 fix; \d+ problems left\./);
  assert.equal(status, 1, 'errors that have no safe fix remain');
});

test('fix --dry-run prints a diff and writes nothing', () => {
  const text = MISTAKES.replace('二、签署', '三、签署');
  const dir = scratch({ 'deal.contract.md': text });
  const { stdout } = run(['fix', '--dry-run', 'deal.contract.md'], dir);
  assert.match(stdout, /^-三、签署/m);
  assert.match(stdout, /^\+二、签署/m);
  assert.equal(readFileSync(join(dir, 'deal.contract.md'), 'utf8'), text);
});

test('a workspace .clausemark.json turns checks off, and a broken one is reported clearly', () => {
  const dir = scratch({
    '.clausemark.json': JSON.stringify({ checks: { 'amount-words': 'off', 'invalid-date': 'warning' } }),
    'deal.contract.md': MISTAKES,
  });
  const configured = run(['check', 'deal.contract.md'], dir);
  assert.doesNotMatch(configured.stdout, /amount-words/);
  assert.match(configured.stdout, /:13:6 warning invalid-date/);
  writeFileSync(join(dir, '.clausemark.json'), '{ "checks": { "no-such-check": "off" } }');
  const broken = run(['check', 'deal.contract.md'], dir);
  assert.match(broken.stderr, /Configuration problem: .*\.clausemark\.json: Unknown check "no-such-check"/);
  assert.match(broken.stdout, /amount-words/, 'the valid defaults still apply');
});

test('a suppression comment silences one check on the next line', () => {
  const text = MISTAKES.replace('总价款为', '<!-- clausemark-disable-next-line amount-words -->\n总价款为');
  const dir = scratch({ 'deal.contract.md': text });
  const { stdout } = run(['check', 'deal.contract.md'], dir);
  assert.doesNotMatch(stdout, /amount-words/);
  assert.match(stdout, /percent-sum/);
});

test('binary input and a huge line get a clear diagnostic, not a crash', () => {
  const dir = scratch({ 'blob.contract.md': 'PK\u0003\u0004\u0000\u0000garbage', 'huge.contract.md': `甲方：____ ${'很长的一行'.repeat(500_000)}` });
  const blob = run(['check', 'blob.contract.md'], dir);
  assert.equal(blob.status, 0);
  assert.match(blob.stdout, /warning document-limits This file contains binary data/);
  const huge = run(['check', 'huge.contract.md'], dir);
  assert.equal(huge.status, 0);
  assert.match(huge.stdout, /huge\.contract\.md:1:4 warning unfilled-blank/);
  assert.match(huge.stdout, /document-limits/);
});
