/**
 * The core's layers, lowest first. A module may import from its own layer or
 * any layer below it, never above: an arrow back up means the lower layer now
 * needs the higher one, and the two can no longer be read, tested or moved apart.
 * A folder or file that is in no layer is reported, so a new one gets a place here.
 * Run with `npm run lint` (see scripts/lint.mjs).
 */
const LAYERS = [
  ['numbers', 'text'],
  ['model.ts', 'clauseNumber.ts', 'clauseByLabel.ts', 'docLines.ts'],
  ['i18n', 'values'],
  ['parse', 'frontMatter', 'gaps.ts', 'facts'],
  ['edits'],
  ['checks'],
  ['fixes', 'config', 'analyze.ts'],
  ['render', 'clauses'],
  ['service'],
  ['index.ts'],
];

const CORE = '^server/src/core/';
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pathOf = (entry) => CORE + (entry.endsWith('.ts') ? `${escape(entry)}$` : `${escape(entry)}/`);
const anyOf = (entries) => `(${entries.map(pathOf).join('|')})`;

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `core-layer-${layer.map((e) => e.replace(/\.ts$/, '')).join('-')}`,
  comment: `${layer.join(', ')} may not import from a higher layer (${LAYERS.slice(i + 1)
    .flat()
    .join(', ')}).`,
  severity: 'error',
  from: { path: anyOf(layer) },
  to: { path: anyOf(LAYERS.slice(i + 1).flat()) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'core-module-without-layer',
      comment: 'Every module of the core sits in a layer: add its folder to LAYERS in .dependency-cruiser.cjs.',
      severity: 'error',
      from: { path: CORE, pathNot: [anyOf(LAYERS.flat()), `${CORE}tsconfig\\.json$`] },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes its modules one unit: none can be understood or tested without the others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
