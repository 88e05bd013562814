// Bundles the CLI, the language server and the extension client into single
// CommonJS files: one file each starts fast and ships without node_modules.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.cjs', banner: '#!/usr/bin/env node' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.cjs', banner: '#!/usr/bin/env node' },
  { in: 'client/src/extension.ts', out: 'dist/extension.cjs' },
];

mkdirSync('dist', { recursive: true });
const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
await Promise.all(
  entries
    .filter((entry) => existsSync(entry.in))
    .map((entry) =>
      build({
        entryPoints: [entry.in],
        outfile: entry.out,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        external: ['vscode'],
        sourcemap: true,
        minify: production,
        legalComments: 'linked',
        logLevel: 'warning',
        // ESM dependencies (fdir) read import.meta.url, which CommonJS lacks: give it the bundle's own URL.
        banner: { js: [entry.banner, "const __importMetaUrl = require('url').pathToFileURL(__filename).href;"].filter(Boolean).join('\n') },
        define: { CLAUSEMARK_VERSION: JSON.stringify(version), 'import.meta.url': '__importMetaUrl' },
      }),
    ),
);
