/**
 * `clausemark import` as a user runs it: the built CLI, real files. A Word
 * contract is written beside the original and checked; a .doc, a PDF, an
 * encrypted, damaged or non-Word file, or a zip bomb, gets one clear line and
 * exit 2, quickly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import * as word from './wordDocuments.js';

const CLI = resolve('dist/cli.cjs');

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '1', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

function scratch(files: Record<string, Uint8Array | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'clausemark-import-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return dir;
}

test('import writes FILE.contract.md beside the .docx and prints its gaps as check does', async () => {
  const dir = scratch({ 'deal.docx': await word.pack(word.underlinedBlanks()) });
  const { status, stdout, stderr } = run(['import', 'deal.docx'], dir);
  assert.equal(status, 0, stderr);
  const text = readFileSync(join(dir, 'deal.contract.md'), 'utf8');
  assert.ok(text.startsWith('甲方（委托方）：____\n'));
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 9);
  assert.match(lines[0]!, /^deal\.contract\.md:1:9 warning unfilled-blank /);
  assert.equal(stderr.trim(), 'Wrote deal.contract.md: 9 gaps and problems listed above.');
  // The same lines check prints for the written file.
  assert.equal(run(['check', 'deal.contract.md'], dir).stdout, stdout);
});

test('import never overwrites an existing contract unless told to', async () => {
  const dir = scratch({ 'deal.docx': await word.pack(word.underlinedBlanks()), 'deal.contract.md': 'my own edits\n' });
  const refused = run(['import', 'deal.docx'], dir);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /deal\.contract\.md already exists; choose another name with -o, or replace it with --overwrite\./);
  assert.equal(readFileSync(join(dir, 'deal.contract.md'), 'utf8'), 'my own edits\n');
  assert.equal(run(['import', 'deal.docx', '-o', 'other.contract.md'], dir).status, 0);
  assert.ok(existsSync(join(dir, 'other.contract.md')));
  assert.equal(run(['import', 'deal.docx', '--overwrite'], dir).status, 0);
  assert.notEqual(readFileSync(join(dir, 'deal.contract.md'), 'utf8'), 'my own edits\n');
});

test('import takes the same --overwrite as render; the old --force still replaces, undocumented', async () => {
  const dir = scratch({ 'deal.docx': await word.pack(word.underlinedBlanks()), 'deal.contract.md': 'my own edits\n' });
  const help = run(['--help'], dir).stdout;
  assert.match(help, /import <file\.docx> .*--overwrite/);
  assert.doesNotMatch(
    help.split('\n').find((line) => line.includes('import <file.docx>'))!,
    /--force/,
  );
  assert.equal(run(['import', 'deal.docx', '--force'], dir).status, 0);
  assert.notEqual(readFileSync(join(dir, 'deal.contract.md'), 'utf8'), 'my own edits\n');
});

test('import --typed writes front matter and exits 0 with only unfilled fields left', async () => {
  const dir = scratch({ 'form.docx': await word.pack(word.controlsAndCheckboxes()) });
  const { status, stdout } = run(['import', 'form.docx', '--typed'], dir);
  assert.equal(status, 0);
  const text = readFileSync(join(dir, 'form.contract.md'), 'utf8');
  assert.ok(
    text.startsWith(
      [
        '---',
        'locale: en',
        'fields:',
        '  Client name: { type: text }',
        '  Effective date: { type: date }',
        '  Law: { type: choice, options: [England, New York] }',
        '  Provider name: { type: text }',
        '  address: { type: text }',
        '  Fee: { type: text }',
        '---',
        '',
        'Client: {{Client name}}',
      ].join('\n'),
    ),
    text,
  );
  assert.ok(text.includes('Notice address: {{address}}'));
  for (const line of stdout.trim().split('\n')) assert.match(line, / warning unfilled-field /);
});

test('tracked changes and comments are counted in the closing line', async () => {
  const dir = scratch({ 'redline.docx': await word.pack(word.trackedChanges()) });
  const { status, stderr } = run(['import', 'redline.docx'], dir);
  assert.equal(status, 0);
  assert.equal(
    stderr.trim(),
    'Wrote redline.contract.md: 0 gaps and problems listed above; 2 tracked changes accepted and 1 comment listed at the top of the file.',
  );
});

test("the messages speak the terminal's language", async () => {
  const dir = scratch({ 'a.pdf.docx': '%PDF-1.7\n%âãÏÓ\n1 0 obj\n' });
  const { stderr } = run(['import', 'a.pdf.docx'], dir, { LANG: 'zh_CN.UTF-8' });
  assert.equal(stderr.trim(), '无法导入 a.pdf.docx：这是 PDF 文件，不是 Word 文档。');
});

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16(text: string): number[] {
  return [...text].flatMap((c) => [c.charCodeAt(0), 0]);
}

async function zipOf(files: Record<string, string | Uint8Array>, compression: 'STORE' | 'DEFLATE' = 'DEFLATE'): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression }));
}

/** A zip whose directory says each entry is `declared` bytes, whatever it really inflates to. */
function lyingSizes(zip: Uint8Array, declared: number): Uint8Array {
  const out = Buffer.from(zip);
  for (let at = 0; at < out.length - 4; at++) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x04034b50) out.writeUInt32LE(declared, at + 22);
    else if (signature === 0x02014b50) out.writeUInt32LE(declared, at + 24);
  }
  return out;
}

const BAD_INPUTS: Array<{ name: string; file: () => Promise<Uint8Array | string>; message: RegExp }> = [
  { name: 'a Word 97–2003 .doc', file: async () => new Uint8Array([...OLE, ...new Array(600).fill(0)]), message: /Word 97–2003 \.doc file, not a \.docx/ },
  {
    name: 'a password-protected .docx',
    file: async () => new Uint8Array([...OLE, ...new Array(200).fill(0), ...utf16('EncryptionInfo'), 0, 0, ...utf16('EncryptedPackage'), 0, 0]),
    message: /protected with a password/,
  },
  { name: 'a PDF', file: async () => '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n', message: /this is a PDF, not a Word document/ },
  { name: 'a text file', file: async () => 'Dear Sir, please find the contract attached.\n', message: /this is not a Word document \(\.docx\)/ },
  { name: 'a zip that is not a Word document', file: () => zipOf({ 'readme.txt': 'hello' }), message: /has no word\/document\.xml/ },
  {
    name: 'a damaged (truncated) .docx',
    file: async () => (await word.pack(word.underlinedBlanks())).slice(0, 2000),
    message: /damaged and cannot be read/,
  },
  {
    name: 'a .docx whose document.xml is not XML',
    file: () => zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document><w:body><w:p>' }),
    message: /damaged and cannot be read/,
  },
  {
    name: 'a zip bomb that declares its size (200 MB of zeros)',
    file: () => zipOf({ 'word/document.xml': new Uint8Array(200 * 1024 * 1024) }),
    message: /unpacks to more than the import allows/,
  },
  {
    name: 'a zip bomb that lies about its size',
    file: async () => lyingSizes(await zipOf({ 'word/document.xml': new Uint8Array(20 * 1024 * 1024) }), 1000),
    message: /unpacks to more than the import allows/,
  },
];

for (const bad of BAD_INPUTS) {
  test(`import refuses ${bad.name} with one clear line and exit 2, within seconds`, async () => {
    const dir = scratch({ 'input.docx': await bad.file() });
    const { status, stdout, stderr, ms } = run(['import', 'input.docx'], dir);
    assert.equal(status, 2, stderr);
    assert.equal(stdout, '');
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.match(stderr, /^Cannot import input\.docx: /);
    assert.match(stderr, bad.message);
    assert.ok(!existsSync(join(dir, 'input.contract.md')));
    assert.ok(ms < 15_000, `${ms} ms`);
  });
}

test('import without a file, or with two, prints its usage and exits 2', () => {
  const dir = scratch({});
  for (const args of [['import'], ['import', 'a.docx', 'b.docx']]) {
    const { status, stderr } = run(args, dir);
    assert.equal(status, 2);
    assert.match(stderr, /import needs one Word document: clausemark import FILE\.docx/);
  }
  assert.match(run(['import', 'missing.docx'], dir).stderr, /Cannot read missing\.docx: no such file\./);
});
