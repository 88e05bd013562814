#!/usr/bin/env node
// Stands in for a VS Code executable. `@vscode/test-electron`'s runTests()
// launches `vscodeExecutablePath` with Electron-style arguments; this launcher
// accepts those and runs the same extension tests in code-server (the real VS
// Code server and workbench) driven by headless Chromium, then exits with the
// tests' exit code. See docs/testing.md.
//
// Understood arguments: --extensionDevelopmentPath=P (repeatable),
// --extensionTestsPath=P, --install-extension=F.vsix (repeatable, installed
// before the start), --locale=L, and one folder, .code-workspace or file to
// open. Every other argument (--no-sandbox, --user-data-dir, …) is ignored:
// each run gets fresh profile folders of its own.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH, rigIsReady, rigPaths } from './rig.mjs';

const say = (line) => console.log(`[e2e] ${line}`);
const env = process.env;
const timeoutSeconds = Number(env.CLAUSEMARK_E2E_TIMEOUT || 300);
const verbose = env.CLAUSEMARK_E2E_VERBOSE === '1';
const screenshotDir = env.CLAUSEMARK_E2E_SCREENSHOTS ? resolve(env.CLAUSEMARK_E2E_SCREENSHOTS) : undefined;
/** The marker a test prints to ask for a screenshot; the name becomes `<name>.png`. */
const SCREENSHOT_MARKER = /\[\[screenshot:([A-Za-z0-9._-]+)\]\]/;

/** User settings that keep an offline workbench from popping up anything unasked. */
const QUIET_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // The web workbench saves after a delay by default; desktop VS Code does not.
  'files.autoSave': 'off',
};

/**
 * The workbench's own log arrives through the same hook as the tests' output,
 * with the same types. These lines are its routine start-up chatter and the
 * failed look-ups of an offline machine; they go to workbench.log in the run
 * folder instead of the test output (CLAUSEMARK_E2E_VERBOSE=1 prints them).
 */
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(renderer-/,
  /^\[(reconnection-grace-time|Service Worker|AccountPolicyGate|AgentHost:[^\]]*)\]/,
  /^Creation of workbench contribution '[^']+' took \d+ms/,
  /^Updating additional builtin extensions cache/,
  /^Timed out waiting for authentication provider/,
  /getaddrinfo (ENOTFOUND|EAI_AGAIN)/,
  /^Extension host \(Remote\) is (un)?responsive/,
  /^Canceled: Canceled/,
];

/** Chromium flags for a closed network (see the project notes on running VS Code offline). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Splits the Electron-style command line into what the code-server route needs. */
function parseLaunchArgs(argv) {
  const parsed = { developmentPaths: [], testsPath: undefined, installExtensions: [], locale: undefined, openPath: undefined, ignored: [] };
  const valued = new Set([
    'extensionDevelopmentPath',
    'extensionTestsPath',
    'install-extension',
    'locale',
    'user-data-dir',
    'extensions-dir',
    'log',
    'crash-reporter-directory',
  ]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      parsed.openPath = resolve(arg);
      continue;
    }
    const [, name, inline] = match;
    const value = inline ?? (valued.has(name) ? argv[++i] : undefined);
    if (name === 'extensionDevelopmentPath') parsed.developmentPaths.push(resolve(value));
    else if (name === 'extensionTestsPath') parsed.testsPath = resolve(value);
    else if (name === 'install-extension') parsed.installExtensions.push(resolve(value));
    else if (name === 'locale') parsed.locale = value;
    else parsed.ignored.push(arg);
  }
  return parsed;
}

/** A free TCP port on loopback (the kernel picks it; released just before code-server binds it). */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Per-run folders, so neither code-server nor Chromium writes into the real home. */
function makeRunFolders() {
  const root = mkdtempSync(join(tmpdir(), 'clausemark-e2e-'));
  const dirs = Object.fromEntries(['home', 'config', 'data', 'cache', 'tmp', 'user-data', 'extensions', 'browser'].map((name) => [name, join(root, name)]));
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs['user-data'], 'User'), { recursive: true });
  writeFileSync(join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  return { root, ...dirs, log: join(root, 'code-server.log') };
}

/** The environment code-server (and so the extension host and the tests) runs with. */
function runEnvironment(run) {
  const base = Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE'));
  return {
    ...base,
    HOME: run.home,
    XDG_CONFIG_HOME: run.config,
    XDG_DATA_HOME: run.data,
    XDG_CACHE_HOME: run.cache,
    TMPDIR: run.tmp,
    // Lets test helpers know a launcher is there to take screenshots.
    CLAUSEMARK_E2E_LAUNCHER: 'code-server',
    ...(screenshotDir ? { CLAUSEMARK_E2E_SCREENSHOTS: screenshotDir } : {}),
  };
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const rig = rigPaths();
const args = parseLaunchArgs(process.argv.slice(2));

if (!rigIsReady(rig)) {
  console.error(`[e2e] the code-server rig is not installed in ${rig.root}; run: npm run e2e:install`);
  process.exit(1);
}
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`[e2e] ${CHROMIUM_PATH} is missing; run: npm run e2e:install (or apt-get install -y chromium)`);
  process.exit(1);
}
if (args.developmentPaths.length === 0 || !args.testsPath) {
  console.error('[e2e] expected --extensionDevelopmentPath=… and --extensionTestsPath=… (as @vscode/test-electron passes them)');
  process.exit(1);
}

const run = makeRunFolders();
const runEnv = runEnvironment(run);
const nodeArgs = [rig.codeServerEntry, '--user-data-dir', run['user-data'], '--extensions-dir', run.extensions];
let codeServer;
let browser;
let browserPage;
let pendingScreenshots = Promise.resolve();
let lastOutputLine = '';
let testsHaveExited = false;
let finishing = false;

/** Ends everything this run started (browser, then the code-server process group) and exits. */
async function finish(code, message) {
  if (finishing) return;
  finishing = true;
  clearTimeout(deadline);
  if (message) console.error(`[e2e] ${message}`);
  await pendingScreenshots.catch(() => {});
  await Promise.race([browser?.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  await killGroup(codeServer?.pid);
  if (code === 0 && env.CLAUSEMARK_E2E_KEEP !== '1') rmSync(run.root, { recursive: true, force: true });
  else say(`run folder kept: ${run.root} (code-server log: ${run.log})`);
  process.exit(code);
}

/** SIGTERM to the whole group (code-server forks a pty host, an agent host, the extension host …), SIGKILL after 5 s. */
async function killGroup(pid) {
  if (!pid) return;
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let waited = 0; alive() && waited < 5000; waited += 100) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

const deadline = setTimeout(async () => {
  const shot = join(run.root, 'timeout.png');
  await browserPage?.screenshot({ path: shot }).catch(() => {});
  const lastOutput = lastOutputLine || '(none: the test module printed nothing; see the code-server log)';
  finish(
    124,
    `TIMEOUT: the tests did not finish within ${timeoutSeconds} s (CLAUSEMARK_E2E_TIMEOUT). Last test output: ${lastOutput}. ` +
      `Screenshot of the workbench at that moment: ${shot}`,
  );
}, timeoutSeconds * 1000);

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => finish(130, `stopped by ${signal}`));

/** Installs, starts, opens and waits: every failure on the way ends in finish(), so nothing is left running. */
async function main() {
  // 1. Packaged extensions install before the start, as a user's would.
  for (const vsix of args.installExtensions) {
    if (!existsSync(vsix)) await finish(1, `no such VSIX: ${vsix}`);
    const result = spawnSync(rig.nodeBin, [...nodeArgs, '--install-extension', vsix, '--force'], { env: runEnv, encoding: 'utf8' });
    if (result.status !== 0) await finish(1, `installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
    say(`installed ${vsix}`);
  }

  // 2. code-server in its own process group, on a free loopback port.
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const logFd = openSync(run.log, 'a');
  codeServer = spawn(
    rig.nodeBin,
    // prettier-ignore
    [
      ...nodeArgs,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--vscode-option', 'enable-smoke-test-driver',
      ...(args.locale ? ['--locale', args.locale] : []),
    ],
    { env: runEnv, detached: true, stdio: ['ignore', verbose ? 'inherit' : logFd, verbose ? 'inherit' : logFd] },
  );
  closeSync(logFd);
  codeServer.on('exit', (code, signal) => finish(1, `code-server exited early (${code ?? signal}); last lines of ${run.log}:\n${tail(run.log)}`));

  async function waitForHealth() {
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      try {
        const response = await fetch(`${origin}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    await finish(1, `code-server did not answer ${origin}/healthz within 60 s; last lines of ${run.log}:\n${tail(run.log)}`);
  }
  await waitForHealth();

  // 3. The workbench URL: the smoke-test driver option makes the built workbench
  //    honour development options passed in `payload`.
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [
    ...args.developmentPaths.map((path) => ['extensionDevelopmentPath', remote(path)]),
    ['extensionTestsPath', remote(args.testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const query = new URLSearchParams();
  if (args.openPath && existsSync(args.openPath) && statSync(args.openPath).isDirectory()) query.set('folder', args.openPath);
  else if (args.openPath?.endsWith('.code-workspace')) query.set('workspace', args.openPath);
  else if (args.openPath) payload.push(['openFile', remote(args.openPath)]);
  else query.set('ew', 'true');
  query.set('payload', JSON.stringify(payload));
  const url = `${origin}/?${query}`;

  // 4. Headless Chromium, with the hooks the workbench calls when it runs extension tests.
  const { chromium } = createRequire(join(rig.playwrightCore, 'package.json'))('playwright-core');
  let resolveExit;
  const testsExited = new Promise((r) => (resolveExit = r));

  /** Screenshots the page into the screenshot folder, written whole before it appears under its name. */
  function takeScreenshot(name) {
    pendingScreenshots = pendingScreenshots.then(async () => {
      mkdirSync(screenshotDir, { recursive: true });
      const target = join(screenshotDir, `${name}.png`);
      const partial = join(screenshotDir, `.${name}.partial.png`);
      await browserPage.screenshot({ path: partial });
      renameSync(partial, target);
      say(`screenshot ${target}`);
    });
    pendingScreenshots.catch((error) => say(`screenshot ${name} failed: ${error.message}`));
  }

  browser = await chromium.launchPersistentContext(run.browser, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    env: runEnv,
    viewport: { width: 1400, height: 900 },
  });
  browserPage = browser.pages()[0] ?? (await browser.newPage());
  await browserPage.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const text = (Array.isArray(logArgs) ? logArgs : [logArgs]).map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
    const marker = SCREENSHOT_MARKER.exec(text);
    if (marker) {
      if (screenshotDir) takeScreenshot(marker[1]);
      return;
    }
    // Once the tests have exited, what follows is the workbench shutting down.
    if (!verbose && (testsHaveExited || WORKBENCH_NOISE.some((pattern) => pattern.test(text)))) {
      appendFileSync(join(run.root, 'workbench.log'), `${type}: ${text}\n`);
      return;
    }
    lastOutputLine = text.split('\n').findLast((line) => line.trim()) ?? lastOutputLine;
    process.stdout.write(`${text}\n`);
  });
  await browserPage.exposeFunction('codeAutomationExit', (code) => {
    testsHaveExited = true;
    resolveExit(Number(code));
  });
  browserPage.on('crash', () => finish(1, 'the workbench page crashed'));
  if (verbose) browserPage.on('console', (message) => console.log(`[browser ${message.type()}] ${message.text()}`));

  say(`VS Code (code-server) at ${origin}, tests: ${args.testsPath}`);
  // The run's own deadline bounds the wait; navigation only has to start.
  await browserPage.goto(url, { waitUntil: 'commit', timeout: 60_000 });
  const code = await testsExited;
  await finish(code, code === 0 ? undefined : `the tests exited with code ${code}`);
}

main().catch((error) => finish(1, `launcher failed: ${error?.stack ?? error}`));
