/**
 * The import boundaries of eslint.config.js reject what they should, in the
 * folders they should, and let the ordinary imports through. (npm run lint
 * applies them to the real tree; this proves the rules are not empty.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The import specifiers ESLint reports in `code`, as if it were the file at `path`. */
async function rejected(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  assert.ok(result, `ESLint linted ${path}`);
  assert.deepEqual(
    result.messages.filter((m) => m.ruleId !== 'no-restricted-imports').map((m) => m.message),
    [],
  );
  return result.messages.map((m) => /'([^']+)'/.exec(m.message)?.[1] ?? m.message);
}

test('the core imports no Node API, no editor and no LSP package', async () => {
  const code = [
    "import { readFileSync } from 'node:fs';",
    "import { inspect } from 'util';",
    "import { join } from 'path';",
    "import type { Diagnostic } from 'vscode-languageserver';",
    "import * as vscode from 'vscode';",
    "import { parse } from 'yaml';",
    "import type { Span } from '../model.js';",
    'export const all = [readFileSync, inspect, join, vscode, parse] as unknown as Diagnostic & Span;',
  ].join('\n');
  assert.deepEqual(await rejected('server/src/core/checks/example.ts', code), ['node:fs', 'util', 'path', 'vscode-languageserver', 'vscode']);
});

test('outside the core, the core is reached only through core/index.ts', async () => {
  const code =
    "import { runChecks } from '../core/index.js';\nimport { percentSum } from '../core/checks/percentSum.js';\nexport const x = [runChecks, percentSum];";
  assert.deepEqual(await rejected('server/src/cli/example.ts', code), ['../core/checks/percentSum.js']);
  assert.deepEqual(await rejected('server/src/lsp/example.ts', code), ['../core/checks/percentSum.js']);
});

test('an LSP feature imports no other feature, but may use what the server folder shares', async () => {
  const code = [
    "import { hover } from './hover.js';",
    "import { rangeOf } from '../convert.js';",
    "import { listGaps } from '../../core/index.js';",
    "import { writtenGroups } from '../../core/checks/percentSum.js';",
    'export const x = [hover, rangeOf, listGaps, writtenGroups];',
  ].join('\n');
  assert.deepEqual(await rejected('server/src/lsp/features/example.ts', code), ['./hover.js', '../../core/checks/percentSum.js']);
});

test('the client imports nothing from the server but its protocol', async () => {
  const code = [
    "import { GapsRequest } from '../../server/src/protocol.js';",
    "import { listGaps } from '../../server/src/core/index.js';",
    "import { t } from '../../server/src/lsp/messages.js';",
    'export const x = [GapsRequest, listGaps, t];',
  ].join('\n');
  assert.deepEqual(await rejected('client/src/commands/example.ts', code), ['../../server/src/core/index.js', '../../server/src/lsp/messages.js']);
});
