/**
 * The contract core is pure: no editor, no protocol, no file system, no
 * process. The server and the CLI adapt it; the core never reaches out.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const CORE = new URL('../../../server/src/core/', import.meta.url);

const FORBIDDEN_MODULES = [/^vscode$/, /^vscode-languageserver/, /^vscode-jsonrpc/, /^fs$/, /^fs\//, /^node:/, /^path$/, /^child_process$/, /^os$/, /^process$/];
const FORBIDDEN_CODE: ReadonlyArray<[RegExp, string]> = [
  [/\bprocess\./, 'process.'],
  [/\brequire\s*\(/, 'require('],
];

function sourcesUnder(dir: URL): URL[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return sourcesUnder(new URL(`${entry.name}/`, dir));
    return entry.name.endsWith('.ts') ? [new URL(entry.name, dir)] : [];
  });
}

/** Every module specifier: static and type imports, re-exports, dynamic import(). */
export function importedModules(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** The source without comments, so a comment that mentions `process.` is no violation. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

test('no module under server/src/core imports an editor, protocol or Node API, or touches process/require', () => {
  const files = sourcesUnder(CORE);
  assert.ok(files.length > 40, `found only ${files.length} core sources`);
  const violations: string[] = [];
  for (const file of files) {
    const source = withoutComments(readFileSync(file, 'utf8'));
    const name = file.pathname.slice(CORE.pathname.length);
    for (const module of importedModules(source)) {
      if (FORBIDDEN_MODULES.some((p) => p.test(module))) violations.push(`${name} imports ${module}`);
    }
    for (const [pattern, what] of FORBIDDEN_CODE) if (pattern.test(source)) violations.push(`${name} uses ${what}`);
  }
  assert.deepEqual(violations, []);
});

test('the purity scan sees every kind of import', () => {
  const sample = `import fs from 'fs';\nimport type { X } from "vscode";\nexport * from 'node:path';\nawait import('child_process');\nimport 'vscode-languageserver/node';`;
  assert.deepEqual(importedModules(sample).sort(), ['child_process', 'fs', 'node:path', 'vscode', 'vscode-languageserver/node']);
  assert.equal(withoutComments('// process.env\nconst a = 1; /* require("x") */').includes('process.'), false);
});
