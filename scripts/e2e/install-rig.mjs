#!/usr/bin/env node
// Installs the end-to-end rig (Node 24, code-server, playwright-core) into a
// cache folder outside the project. Idempotent: a stamp file records the
// pinned spec, so a second run only checks and returns.
//
// Usage: node scripts/e2e/install-rig.mjs [--force]
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RIG_SPEC, SYSTEM_PACKAGES, rigIsReady, rigPaths, withoutOuterNpm } from './rig.mjs';

const started = Date.now();
const paths = rigPaths();
const force = process.argv.includes('--force');

/** Seconds since the installer started, for the progress lines. */
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (line) => console.log(`[e2e-rig] ${line}`);

function fail(message) {
  console.error(`[e2e-rig] ${message}`);
  process.exit(1);
}

if (process.platform !== 'linux' || process.arch !== 'x64') {
  fail(
    `the code-server rig is built for linux-x64 only (this is ${process.platform}-${process.arch}); ` +
      'on a desktop with internet, set CLAUSEMARK_E2E_VSCODE=download instead.',
  );
}

/**
 * Makes sure the Debian packages are there. As root it installs the missing
 * ones; otherwise it says exactly what to run, because sudo prompts have no
 * place in a test script.
 */
function ensureSystemPackages(neededAt) {
  const missing = SYSTEM_PACKAGES.filter((pkg) => neededAt.includes(pkg.neededAt) && !existsSync(pkg.file));
  if (missing.length === 0) return;
  const names = missing.map((pkg) => pkg.name).join(' ');
  if (process.getuid?.() !== 0) {
    fail(
      `missing Debian packages: ${names} (no ${missing.map((pkg) => pkg.file).join(', ')}). ` +
        `Install them with:\n  sudo apt-get update && sudo apt-get install -y ${names}`,
    );
  }
  say(`installing Debian packages: ${names}`);
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing.map((pkg) => pkg.name)]]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) fail(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
  const stillMissing = missing.filter((pkg) => !existsSync(pkg.file));
  if (stillMissing.length > 0) fail(`apt-get finished but ${stillMissing.map((pkg) => pkg.file).join(', ')} is still missing`);
  say(`Debian packages ready (${elapsed()})`);
}

/** Runs npm in `cwd`, its output appended to the install log; exits with the log's tail on failure. */
function npmInstall(cwd, args, env) {
  const log = openSync(paths.installLog, 'a');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=http', '--foreground-scripts', ...args], {
    cwd,
    env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  if (result.status !== 0) {
    const tail = readFileSync(paths.installLog, 'utf8').split('\n').slice(-40).join('\n');
    fail(`npm install ${args.join(' ')} failed in ${cwd} (exit ${result.status ?? result.signal}); last lines of ${paths.installLog}:\n${tail}`);
  }
}

/** Version that a node binary reports, or '' when it cannot run. */
function nodeVersionOf(bin) {
  if (!existsSync(bin)) return '';
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

function installNode() {
  if (nodeVersionOf(paths.nodeBin) === `v${RIG_SPEC.nodeVersion}` && existsSync(paths.nodeHeaders)) {
    say(`Node ${RIG_SPEC.nodeVersion} already in ${paths.nodeHome}`);
    return;
  }
  say(`installing Node ${RIG_SPEC.nodeVersion} (npm package ${RIG_SPEC.nodePackage})`);
  rmSync(paths.nodePrefix, { recursive: true, force: true });
  mkdirSync(paths.nodePrefix, { recursive: true });
  writeFileSync(join(paths.nodePrefix, 'package.json'), JSON.stringify({ private: true, description: 'clausemark e2e rig: Node 24' }, null, 2));
  npmInstall(paths.nodePrefix, [`${RIG_SPEC.nodePackage}@${RIG_SPEC.nodeVersion}`], withoutOuterNpm(process.env));
  const version = nodeVersionOf(paths.nodeBin);
  if (version !== `v${RIG_SPEC.nodeVersion}`) fail(`${paths.nodeBin} reports '${version}', expected v${RIG_SPEC.nodeVersion}`);
  if (!existsSync(paths.nodeHeaders)) fail(`the Node package has no headers at ${paths.nodeHeaders}`);
  say(`Node ${version} ready (${elapsed()})`);
}

function installCodeServer() {
  say(
    `installing code-server@${RIG_SPEC.codeServerVersion} and playwright-core@${RIG_SPEC.playwrightCoreVersion} under Node ${RIG_SPEC.nodeVersion} ` +
      '(native addons build from source: minutes on 2 cores)',
  );
  rmSync(paths.codePrefix, { recursive: true, force: true });
  mkdirSync(paths.codePrefix, { recursive: true });
  const manifest = {
    private: true,
    description: 'clausemark e2e rig: VS Code (code-server) and a browser driver',
    dependencies: { 'code-server': RIG_SPEC.codeServerVersion, 'playwright-core': RIG_SPEC.playwrightCoreVersion },
  };
  writeFileSync(join(paths.codePrefix, 'package.json'), JSON.stringify(manifest, null, 2));
  // Node 24 first on PATH so npm, its lifecycle scripts and node-gyp all run under it;
  // nodedir points node-gyp at the headers that ship in the Node package (no download).
  const env = { ...withoutOuterNpm(process.env), PATH: `${join(paths.nodeHome, 'bin')}:${process.env.PATH}`, npm_config_nodedir: paths.nodeHome };
  npmInstall(paths.codePrefix, [], env);
  // code-server writes a default config on any start: keep it in a throwaway home.
  const home = join(paths.root, 'version-check-home');
  const check = spawnSync(paths.nodeBin, [paths.codeServerEntry, '--version'], {
    encoding: 'utf8',
    env: { ...env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local') },
  });
  rmSync(home, { recursive: true, force: true });
  const versionLine = check.stdout.split('\n').find((line) => line.startsWith(RIG_SPEC.codeServerVersion));
  if (check.status !== 0 || !versionLine) {
    fail(`code-server does not start: ${(check.stdout + check.stderr).trim().split('\n').slice(-10).join('\n')}`);
  }
  say(`code-server ${versionLine} ready (${elapsed()})`);
}

mkdirSync(paths.root, { recursive: true });
if (!force && rigIsReady(paths)) {
  ensureSystemPackages(['run']);
  say(`rig ready in ${paths.root} (cached; checked in ${elapsed()})`);
  process.exit(0);
}

say(`installing into ${paths.root} (log: ${paths.installLog})`);
writeFileSync(paths.installLog, `clausemark e2e rig install ${new Date().toISOString()}\n`);
rmSync(paths.stamp, { force: true });
ensureSystemPackages(['run', 'build']);
installNode();
installCodeServer();
writeFileSync(paths.stamp, JSON.stringify({ spec: RIG_SPEC, installedAt: new Date().toISOString(), seconds: (Date.now() - started) / 1000 }, null, 2));
say(`rig ready in ${paths.root} (installed in ${elapsed()})`);
