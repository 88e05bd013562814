#!/usr/bin/env node
// Runs the end-to-end suites in a real VS Code through @vscode/test-electron.
// Where VS Code desktop can be downloaded (CLAUSEMARK_E2E_VSCODE=download),
// it runs there; by default, and on machines with no internet, test-electron
// launches scripts/e2e/code-launcher.mjs instead, which runs the same suite
// in code-server. See docs/testing.md.
//
// Usage: node test/e2e/runTest.mjs [suite ...]   (default: every suite that is ready)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { rigIsReady, rigPaths } from '../../scripts/e2e/rig.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const at = (path) => join(root, path);
const require = createRequire(import.meta.url);

/** @vscode/test-electron, or a clear message when it is not installed (2.5.x is the line that runs on Node 20). */
function loadTestElectron() {
  try {
    return require('@vscode/test-electron');
  } catch {
    console.error('[e2e] @vscode/test-electron is not installed: npm install --save-dev @vscode/test-electron@2.5');
    process.exit(1);
  }
}
const testElectron = loadTestElectron();
const { runTests, downloadAndUnzipVSCode } = testElectron;

/**
 * The suites. `tests` is a TypeScript module exporting `run(): Promise<void>`,
 * bundled to CommonJS before the run; `workspace` is the folder VS Code opens
 * (a fresh copy of it under out/e2e/, so tests may edit and save freely);
 * `needs` are files that must exist (built bundles) for the suite to run;
 * `explicit` suites run only when named.
 */
const SUITES = {
  harness: {
    developmentPath: 'test/e2e/fixture-extension',
    tests: 'test/e2e/suites/harness/index.ts',
    workspace: 'test/e2e/fixture-workspace',
  },
  extension: {
    developmentPath: '.',
    tests: 'test/e2e/suites/extension/index.ts',
    workspace: 'test/e2e/workspace',
    needs: ['dist/extension.cjs', 'dist/server.cjs'],
  },
  selfcheck: {
    developmentPath: 'test/e2e/fixture-extension',
    tests: 'test/e2e/suites/selfcheck/index.ts',
    workspace: 'test/e2e/fixture-workspace',
    explicit: true,
  },
};

const say = (line) => console.log(`[e2e] ${line}`);

/** Which VS Code to run: a path, a downloaded desktop build, or the code-server launcher. */
async function chooseVSCode() {
  const choice = process.env.CLAUSEMARK_E2E_VSCODE || 'code-server';
  if (choice === 'code-server') {
    if (!rigIsReady(rigPaths())) {
      console.error(`[e2e] the code-server rig is not installed in ${rigPaths().root}; run: npm run e2e:install`);
      process.exit(1);
    }
    return { executable: at('scripts/e2e/code-launcher.mjs'), label: 'code-server (scripts/e2e/code-launcher.mjs)' };
  }
  if (choice === 'download' || choice === 'stable' || choice === 'insiders' || /^\d+\.\d+\.\d+$/.test(choice)) {
    const version = choice === 'download' ? 'stable' : choice;
    return { executable: await downloadAndUnzipVSCode(version), label: `VS Code desktop ${version}` };
  }
  if (!existsSync(choice)) {
    console.error(`[e2e] CLAUSEMARK_E2E_VSCODE=${choice} is neither 'code-server', 'download', a version, nor an existing VS Code executable`);
    process.exit(1);
  }
  return { executable: choice, label: choice };
}

/** Type-checks the suites and their support (the root build does not compile test/e2e). */
function typecheck() {
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', at('test/e2e/tsconfig.json')], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[e2e] the e2e suites do not type-check');
    process.exit(1);
  }
}

/** Bundles a suite into one CommonJS file the extension host can require. */
async function bundle(name, suite) {
  const outfile = at(`out/e2e/${name}/index.cjs`);
  await build({
    entryPoints: [at(suite.tests)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

/** A fresh copy of the suite's workspace, so tests may edit and save without touching the fixtures. */
function freshWorkspace(name, suite) {
  const copy = at(`out/e2e/${name}/${basename(suite.workspace)}`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(at(suite.workspace), copy, { recursive: true });
  return copy;
}

/** The extension under test: the development folder, or a stub plus an installed VSIX (CLAUSEMARK_E2E_VSIX). */
function extensionUnderTest(suite, vscode) {
  const vsix = process.env.CLAUSEMARK_E2E_VSIX && resolve(process.env.CLAUSEMARK_E2E_VSIX);
  if (!vsix) return { developmentPath: at(suite.developmentPath), launchArgs: ['--disable-extensions'] };
  if (!existsSync(vsix)) {
    console.error(`[e2e] CLAUSEMARK_E2E_VSIX=${vsix} does not exist`);
    process.exit(1);
  }
  // A development path is what puts VS Code in test mode; the stub contributes
  // nothing, so the extension that runs is the one installed from the VSIX.
  const developmentPath = at('test/e2e/vsix-host');
  if (vscode.label.startsWith('code-server')) return { developmentPath, launchArgs: [`--install-extension=${vsix}`] };
  const extensionsDir = at('.vscode-test/vsix-extensions');
  rmSync(extensionsDir, { recursive: true, force: true });
  const cli = testElectron.resolveCliArgsFromVSCodeExecutablePath(vscode.executable);
  const installed = spawnSync(cli[0], [...cli.slice(1), `--extensions-dir=${extensionsDir}`, '--install-extension', vsix], { stdio: 'inherit' });
  if (installed.status !== 0) process.exit(1);
  return { developmentPath, launchArgs: [`--extensions-dir=${extensionsDir}`] };
}

const requested = process.argv.slice(2);
for (const name of requested) {
  if (!SUITES[name]) {
    console.error(`[e2e] unknown suite '${name}'; known: ${Object.keys(SUITES).join(', ')}`);
    process.exit(1);
  }
}
const selected = (requested.length > 0 ? requested : Object.keys(SUITES).filter((name) => !SUITES[name].explicit)).filter((name) => {
  const suite = SUITES[name];
  const missing = [suite.tests, suite.workspace, ...(suite.needs ?? [])].filter((path) => !existsSync(at(path)));
  if (missing.length === 0) return true;
  if (requested.includes(name)) {
    console.error(`[e2e] suite '${name}' cannot run: missing ${missing.join(', ')}`);
    process.exit(1);
  }
  say(`suite '${name}' skipped: missing ${missing.join(', ')}`);
  return false;
});

typecheck();
const vscode = await chooseVSCode();
let passed = 0;
let failed = 0;
let runsFailed = 0;
for (const name of selected) {
  const suite = SUITES[name];
  const results = at(`out/e2e/${name}/results.json`);
  rmSync(results, { force: true });
  const extensionTestsPath = await bundle(name, suite);
  const { developmentPath, launchArgs } = extensionUnderTest(suite, vscode);
  const started = Date.now();
  say(`suite '${name}' in ${vscode.label}`);
  try {
    await runTests({
      vscodeExecutablePath: vscode.executable,
      extensionDevelopmentPath: developmentPath,
      extensionTestsPath,
      launchArgs: [freshWorkspace(name, suite), ...launchArgs],
      extensionTestsEnv: { CLAUSEMARK_E2E_RESULTS: results, CLAUSEMARK_E2E_PROJECT_ROOT: root },
    });
  } catch (error) {
    runsFailed++;
    console.error(`[e2e] suite '${name}' failed: ${error.message}`);
  }
  const counts = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : [];
  if (counts.length === 0) {
    runsFailed++;
    console.error(`[e2e] suite '${name}' reported no results (did run() start?)`);
  }
  for (const count of counts) {
    passed += count.passed;
    failed += count.failed;
  }
  say(`suite '${name}' took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(runsFailed === 0 && failed === 0 && passed > 0 ? 0 : 1);
