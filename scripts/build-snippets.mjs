// Writes snippets/clausemark.code-snippets from the clause library in clauses/.
// The core is bundled from source in memory, so the snippets never come from a
// stale build; `--check` fails instead of writing when the file is out of date.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const LIBRARY = 'clauses';
const OUTPUT = join('snippets', 'clausemark.code-snippets');

const bundle = await build({
  entryPoints: ['server/src/core/clauses/index.ts'],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Bundled CommonJS dependencies may call require(); give them one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
const scratch = mkdtempSync(join(tmpdir(), 'clausemark-snippets-'));
const bundled = join(scratch, 'clauses.mjs');
writeFileSync(bundled, bundle.outputFiles[0].text);
let core;
try {
  core = await import(pathToFileURL(bundled).href);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const templates = [];
const errors = [];
for (const locale of readdirSync(LIBRARY, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()) {
  for (const file of readdirSync(join(LIBRARY, locale))
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const path = join(LIBRARY, locale, file);
    const template = core.parseClauseTemplate(readFileSync(path, 'utf8'), path);
    if ('error' in template) errors.push(template.error);
    else templates.push(template);
  }
}
if (errors.length > 0) {
  process.stderr.write(`${errors.join('\n')}\n`);
  process.exit(1);
}

const text = core.snippetsFileText(templates);
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUTPUT, 'utf8');
  } catch {}
  if (current !== text) {
    process.stderr.write(`${OUTPUT} is out of date: run npm run build:snippets\n`);
    process.exit(1);
  }
} else {
  mkdirSync('snippets', { recursive: true });
  writeFileSync(OUTPUT, text);
  process.stdout.write(`Wrote ${Object.keys(JSON.parse(text)).length} snippets from ${templates.length} clause templates to ${OUTPUT}\n`);
}
