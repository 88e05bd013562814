// Runs the syntax tests of syntaxes/clausemark.tmLanguage.json with
// vscode-tmgrammar-test, then proves the harness can fail: canary/wrong-scope.md
// holds one wrong assertion, and the run fails unless the tool reports it.
//
//   node test/grammar/run.mjs
//
// VS Code's Markdown and YAML grammars ship inside VS Code, so by default the
// samples run against markdown-stub.tmLanguage.json (see docs/grammar.md).
// To run them against the real grammars, list their files in
// CLAUSEMARK_TEST_GRAMMARS, separated by the platform's path delimiter; one
// whose scopeName is text.html.markdown replaces the stub.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const tool = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');

const samples = readdirSync(here)
  .filter((name) => name.endsWith('.contract.md'))
  .sort()
  .map((name) => join(here, name));
const canary = join(here, 'canary', 'wrong-scope.md');
// The canary asserts a field name is a blank: the report must name both.
const canaryExpected = ['wrong-scope.md', 'invalid.deprecated.blank.clausemark', 'variable.other.field.clausemark'];

const scratch = mkdtempSync(join(tmpdir(), 'clausemark-grammar-'));
try {
  const config = writeConfig(scratch, grammarFiles());
  const main = runTool(config, samples);
  process.stdout.write(main.stdout);
  reportMissingGrammars(main.stderr);
  const canaryRun = runTool(config, [canary]);
  const canaryCaught = canaryRun.status !== 0 && canaryExpected.every((text) => canaryRun.stdout.includes(text));

  const assertions = samples.reduce((sum, file) => sum + countAssertions(file), 0);
  console.log(`${samples.length} sample files, ${assertions} assertions: ${main.status === 0 ? 'all passed' : 'FAILED'}`);
  console.log(
    canaryCaught
      ? 'canary: the deliberately wrong assertion was reported, as it must be'
      : 'canary: the deliberately wrong assertion was NOT reported; the harness cannot fail',
  );
  if (!canaryCaught) process.stdout.write(canaryRun.stdout + canaryRun.stderr);
  process.exitCode = main.status === 0 && samples.length > 0 && canaryCaught ? 0 : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** Our grammar, the Markdown stub, and any real grammars named in the environment (which win by scopeName). */
function grammarFiles() {
  const listed = JSON.parse(readFileSync(join(here, 'grammars.json'), 'utf8')).contributes.grammars.map((g) => ({
    scopeName: g.scopeName,
    path: resolve(here, g.path),
  }));
  const extra = (process.env.CLAUSEMARK_TEST_GRAMMARS ?? '')
    .split(delimiter)
    .filter((p) => p.trim() !== '')
    .map((p) => ({ scopeName: scopeNameOf(resolve(p)), path: resolve(p) }));
  const byScope = new Map(listed.map((g) => [g.scopeName, g]));
  for (const g of extra) byScope.set(g.scopeName, g);
  return [...byScope.values()];
}

/** Reads scopeName from a JSON grammar or a plist .tmLanguage. */
function scopeNameOf(file) {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) return JSON.parse(text).scopeName;
  const match = /<key>scopeName<\/key>\s*<string>([^<]+)<\/string>/.exec(text);
  if (!match) throw new Error(`No scopeName in ${file}`);
  return match[1];
}

/** The tool joins grammar paths onto the config's folder, so they must be relative to it. */
function writeConfig(folder, grammars) {
  const file = join(folder, 'grammars.json');
  const contributes = { grammars: grammars.map((g) => ({ scopeName: g.scopeName, path: relative(folder, g.path) })) };
  writeFileSync(file, JSON.stringify({ contributes }));
  return file;
}

function runTool(config, files) {
  const result = spawnSync(process.execPath, [tool, '--config', config, ...files], { encoding: 'utf8' });
  if (result.error) throw result.error;
  return result;
}

/** Embedded grammars VS Code would supply (YAML, HTML, code languages) are expected to be missing here. */
function reportMissingGrammars(stderr) {
  const missing = new Set();
  for (const line of stderr.split('\n')) {
    const match = /^grammar not found for "([^"]+)"$/.exec(line.trim());
    if (match) missing.add(match[1]);
    else if (line.trim() !== '') process.stderr.write(line + '\n');
  }
  if (missing.size > 0) console.log(`not loaded (VS Code supplies them): ${[...missing].sort().join(', ')}`);
}

function countAssertions(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => /^<!--\s*(?:\^|<~*-+)/.test(line)).length;
}
