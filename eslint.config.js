/**
 * The import boundaries between the rooms of the project (see the README in each).
 * The layers inside the core are checked by dependency-cruiser (.dependency-cruiser.cjs);
 * formatting is Prettier's. Both run with these rules in `npm run lint`.
 */
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const nodeBuiltIns = {
  paths: builtinModules
    .filter((name) => !name.startsWith('_'))
    .map((name) => ({ name, message: 'The core is pure: no Node APIs. Pass what it needs in from the server or the CLI.' })),
  patterns: [{ group: ['node:*'], message: 'The core is pure: no Node APIs. Pass what it needs in from the server or the CLI.' }],
};
const editorAndProtocol = {
  group: ['vscode', 'vscode-*', '@vscode/*'],
  message: 'The core knows nothing of editors or LSP: spans are UTF-16 offsets, converted at the server boundary.',
};
const coreOnlyThroughIndex = {
  regex: '(^|/)core/(?!index\\.js$)',
  message: 'Outside the core, import it only through core/index.ts (export what you need from there).',
};
const noOtherFeature = {
  regex: '^\\./',
  message: 'A feature does not import another feature: move what both need to server/src/lsp/ or into the core.',
};
const clientOnlyProtocol = {
  regex: '(^|/)server/(?!src/protocol\\.js$)',
  message: 'The client talks to the server only through the messages declared in server/src/protocol.ts.',
};

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: nodeBuiltIns.paths, patterns: [...nodeBuiltIns.patterns, editorAndProtocol] }] },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/core/**', 'server/src/lsp/features/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [coreOnlyThroughIndex] }] },
  },
  {
    files: ['server/src/lsp/features/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [coreOnlyThroughIndex, noOtherFeature] }] },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [clientOnlyProtocol] }] },
  },
);
