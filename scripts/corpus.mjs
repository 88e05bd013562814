// npm run corpus: measures how well Clausemark finds what is open or wrong in
// contracts written elsewhere. Every test/corpus/*.contract.md has a
// *.truth.json beside it listing each gap a drafter must fill and each planted
// defect (test/corpus/README.md gives the rules). The built CLI checks all of
// them in one run; its problems are matched against the truth:
//
// - a problem whose id starts with `unfilled-` is a gap diagnostic; it matches a
//   truth gap whose text (widened over the blanks after it) its range overlaps
//   or touches on the gap's line;
// - any other problem matches a truth defect with the same check id and line.
//
// Matching is one to one. Recall = matched truth items / truth items;
// precision = matched problems / problems (every severity). Prints tables per
// language, per gap style and per check, every miss and every false alarm as
// file:line:column, writes a JSON summary, and exits 1 below 95% recall or
// 98% precision (2 when the truth itself is broken or the CLI cannot run).
//
//   node scripts/corpus.mjs [--json out/corpus/summary.json] [--quiet]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = join(root, 'test', 'corpus');
const canaryDir = join(corpusDir, 'canary');
const cli = join(root, 'dist', 'cli.cjs');
const MIN_RECALL = 0.95;
const MIN_PRECISION = 0.98;
// The gap styles of test/corpus/README.md.
const STYLES = new Set([
  'underscore',
  'bracket-dot',
  'date-blank',
  'placeholder',
  'bracket-instruction',
  'template-token',
  'foreign-template',
  'empty-label',
  'space-date',
  'signature-line',
  'empty-cell',
  'unticked-choice',
  'masked-sample',
  'mail-merge-name',
  'amount-words-phrase',
  'instalment-list',
]);

const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : join(root, 'out', 'corpus', 'summary.json');
const quiet = args.includes('--quiet');

if (!existsSync(cli)) fail(`${relative(root, cli)} is missing: run npm run build first.`);

const contracts = readdirSync(corpusDir)
  .filter((n) => n.endsWith('.contract.md'))
  .sort();
if (contracts.length === 0) fail('test/corpus holds no *.contract.md.');

const docs = contracts.map((name) => loadDocument(corpusDir, name));
const canary = loadDocument(canaryDir, 'canary.contract.md');
const truthErrors = [...docs, canary].flatMap((d) => d.errors);
if (truthErrors.length > 0) fail(`The truth does not fit its contract:\n  ${truthErrors.join('\n  ')}`);

// One CLI run for the corpus and the canary: starting Node once per file would cost more than the checks.
const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--no-color', ...[...docs, canary].map((d) => d.path)], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
let reports;
try {
  reports = JSON.parse(run.stdout);
} catch {
  fail(`clausemark check did not print JSON (exit ${run.status}):\n${run.stderr || run.stdout}`);
}
const problemsByFile = new Map(reports.map((r) => [normalise(r.file), r.problems]));
const problemsOf = (doc) => problemsByFile.get(normalise(doc.path)) ?? [];

proveTheMatcherCanFail(score(canary, problemsOf(canary)));
const results = docs.map((doc) => score(doc, problemsOf(doc)));
const summary = summarise(results);
print(summary);
mkdirSync(dirname(jsonOut), { recursive: true });
writeFileSync(jsonOut, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`corpus: summary written to ${relative(root, jsonOut) || jsonOut}`);
const ok = summary.total.recall >= MIN_RECALL && summary.total.precision >= MIN_PRECISION;
console.log(
  `corpus: recall ${pct(summary.total.recall)} (needs ${pct(MIN_RECALL)}), precision ${pct(summary.total.precision)} (needs ${pct(MIN_PRECISION)}): ${ok ? 'pass' : 'FAIL'}`,
);
process.exit(ok ? 0 : 1);

function fail(message) {
  console.error(`corpus: ${message}`);
  process.exit(2);
}

/**
 * The canary's truth is wrong on purpose in ways no future scanner can make right: a plain word
 * listed as a gap beside a real blank on the same line, a real blank and a short instalment
 * schedule left out. Unless the matcher reports exactly those, the figures mean nothing.
 */
function proveTheMatcherCanFail(result) {
  const got = [
    ...result.gaps.map((g) => `${g.found ? 'found' : 'missed'} gap ${g.line}:${g.text}`),
    ...result.defects.map((d) => `${d.found ? 'found' : 'missed'} defect ${d.line}:${d.check}`),
    ...result.falseAlarms.map((p) => `false alarm ${p.line}:${p.checkId}`),
  ].sort();
  const expected = ['false alarm 3:unfilled-blank', 'false alarm 7:percent-sum', 'found defect 9:invalid-date', 'found gap 5:____', 'missed gap 3:Halvorsen'];
  if (got.join('\n') !== expected.join('\n')) {
    fail(`the canary (test/corpus/canary) was not scored as expected:\n  expected ${expected.join('; ')}\n  got      ${got.join('; ')}`);
  }
}

function normalise(path) {
  return join(path).replace(/\\/g, '/');
}

/** Reads a contract and its truth, and checks that every gap's text stands where the truth says. */
function loadDocument(dir, name) {
  const path = join(dir, name);
  const truthPath = path.replace(/\.contract\.md$/, '.truth.json');
  const errors = [];
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r\n|\r|\n/);
  let truth = { gaps: [], defects: [] };
  if (!existsSync(truthPath)) errors.push(`${name}: no ${basename(truthPath)} beside it`);
  else {
    try {
      truth = JSON.parse(readFileSync(truthPath, 'utf8'));
    } catch (e) {
      errors.push(`${basename(truthPath)}: ${e.message}`);
    }
  }
  const lang = truth.lang;
  if (!['zh', 'en', 'mixed'].includes(lang)) errors.push(`${basename(truthPath)}: "lang" must be zh, en or mixed`);
  const gaps = (truth.gaps ?? []).map((gap, i) => {
    const where = `${name}:${gap.line}`;
    const line = lines[gap.line - 1];
    if (line === undefined) {
      errors.push(`${where}: gap ${i} is past the end of the file`);
      return undefined;
    }
    if (!STYLES.has(gap.style)) errors.push(`${where}: unknown style "${gap.style}"`);
    if (typeof gap.text !== 'string' || gap.text === '') {
      errors.push(`${where}: gap ${i} has no text`);
      return undefined;
    }
    let start;
    if (gap.column !== undefined) {
      start = gap.column - 1;
      if (line.slice(start, start + gap.text.length) !== gap.text) errors.push(`${where}:${gap.column}: ${JSON.stringify(gap.text)} is not there`);
    } else {
      start = line.indexOf(gap.text);
      if (start < 0) errors.push(`${where}: ${JSON.stringify(gap.text)} is not on this line`);
      else if (line.indexOf(gap.text, start + 1) >= 0) errors.push(`${where}: ${JSON.stringify(gap.text)} occurs twice on this line; give its column`);
    }
    let end = start + gap.text.length;
    // A label followed by nothing, or a cell of spaces, is open over the blanks after it too.
    while (end < line.length && /[ \t\u3000]/.test(line[end])) end++;
    return { ...gap, start, end };
  });
  const defects = (truth.defects ?? []).map((defect) => {
    if (lines[defect.line - 1] === undefined) errors.push(`${name}:${defect.line}: defect past the end of the file`);
    if (typeof defect.check !== 'string') errors.push(`${name}:${defect.line}: defect without a check id`);
    return defect;
  });
  return { name, path, lang, gaps: gaps.filter(Boolean), defects, errors };
}

/** Pairs problems with truth items one to one, preferring the closest pair. */
function score(doc, problems) {
  const gapProblems = [];
  const otherProblems = [];
  for (const p of problems) (p.checkId.startsWith('unfilled-') ? gapProblems : otherProblems).push(p);

  const gapPairs = [];
  doc.gaps.forEach((gap, gi) => {
    gapProblems.forEach((p, pi) => {
      // A diagnostic may span lines (a whole option list): it covers the gap's line from where it starts to where it ends.
      if (gap.line < p.line || gap.line > Math.max(p.line, p.endLine)) return;
      const from = p.line < gap.line ? 0 : p.column - 1;
      const to = p.endLine > gap.line ? Number.POSITIVE_INFINITY : p.endColumn - 1;
      if (from > gap.end || to < gap.start) return;
      const overlap = Math.min(to, gap.end) - Math.max(from, gap.start);
      gapPairs.push({ gi, pi, rank: -overlap + Math.abs(from - gap.start) / 1000 });
    });
  });
  const defectPairs = [];
  doc.defects.forEach((defect, di) => {
    otherProblems.forEach((p, pi) => {
      if (p.checkId !== defect.check) return;
      // A defect that spans lines (an instalment list) may be reported on any of them.
      const last = defect.endLine ?? defect.line;
      if (last < p.line || defect.line > Math.max(p.line, p.endLine)) return;
      defectPairs.push({ gi: di, pi, rank: Math.abs(defect.line - p.line) });
    });
  });
  const gapMatch = assign(gapPairs);
  const defectMatch = assign(defectPairs);

  const gaps = doc.gaps.map((gap, gi) => ({ ...gap, found: gapMatch.byTruth.has(gi) }));
  const defects = doc.defects.map((defect, di) => ({ ...defect, found: defectMatch.byTruth.has(di) }));
  const falseAlarms = [...gapProblems.filter((_, pi) => !gapMatch.byProblem.has(pi)), ...otherProblems.filter((_, pi) => !defectMatch.byProblem.has(pi))].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
  return { name: doc.name, lang: doc.lang, gaps, defects, problems: problems.length, falseAlarms };
}

function assign(pairs) {
  const byTruth = new Map();
  const byProblem = new Map();
  for (const pair of [...pairs].sort((a, b) => a.rank - b.rank)) {
    if (byTruth.has(pair.gi) || byProblem.has(pair.pi)) continue;
    byTruth.set(pair.gi, pair.pi);
    byProblem.set(pair.pi, pair.gi);
  }
  return { byTruth, byProblem };
}

function tally() {
  return { truth: 0, found: 0, problems: 0, falseAlarms: 0 };
}

/** One file's counts. */
function count(r) {
  return {
    truth: r.gaps.length + r.defects.length,
    found: r.gaps.filter((g) => g.found).length + r.defects.filter((d) => d.found).length,
    problems: r.problems,
    falseAlarms: r.falseAlarms.length,
  };
}

function add(into, t) {
  for (const key of Object.keys(into)) into[key] += t[key];
}

function finish(t) {
  return {
    ...t,
    recall: t.truth === 0 ? 1 : t.found / t.truth,
    precision: t.problems === 0 ? 1 : (t.problems - t.falseAlarms) / t.problems,
  };
}

function summarise(results) {
  const total = tally();
  const byLang = {};
  const byStyle = {};
  const byCheck = {};
  for (const r of results) {
    const counts = count(r);
    add(total, counts);
    add((byLang[r.lang] ??= tally()), counts);
    for (const g of r.gaps) {
      const s = (byStyle[g.style] ??= { truth: 0, found: 0 });
      s.truth++;
      if (g.found) s.found++;
    }
    for (const d of r.defects) {
      const c = (byCheck[d.check] ??= { truth: 0, found: 0, falseAlarms: 0 });
      c.truth++;
      if (d.found) c.found++;
    }
    for (const p of r.falseAlarms) (byCheck[p.checkId] ??= { truth: 0, found: 0, falseAlarms: 0 }).falseAlarms++;
  }
  const withRecall = (o) =>
    Object.fromEntries(
      Object.entries(o)
        .sort()
        .map(([k, v]) => [k, { ...v, recall: v.truth === 0 ? null : v.found / v.truth }]),
    );
  return {
    files: results.length,
    total: finish(total),
    byLanguage: Object.fromEntries(
      Object.entries(byLang)
        .sort()
        .map(([k, v]) => [k, finish(v)]),
    ),
    byStyle: withRecall(byStyle),
    byCheck: withRecall(byCheck),
    byFile: Object.fromEntries(results.map((r) => [r.name, finish(count(r))])),
    misses: results.flatMap((r) => [
      ...r.gaps.filter((g) => !g.found).map((g) => ({ file: r.name, line: g.line, column: g.start + 1, style: g.style, text: g.text })),
      ...r.defects.filter((d) => !d.found).map((d) => ({ file: r.name, line: d.line, check: d.check })),
    ]),
    falseAlarms: results.flatMap((r) =>
      r.falseAlarms.map((p) => ({ file: r.name, line: p.line, column: p.column, check: p.checkId, severity: p.severity, message: p.message })),
    ),
  };
}

function pct(x) {
  return x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;
}

function table(title, head, rows) {
  const all = [head, ...rows].map((r) => r.map(String));
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  console.log(`\n${title}`);
  for (const [i, r] of all.entries()) {
    console.log(`  ${r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ')}`);
    if (i === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  }
}

function print(s) {
  console.log(`corpus: ${s.files} contracts in test/corpus`);
  table(
    'By language',
    ['language', 'truth', 'found', 'recall', 'problems', 'false alarms', 'precision'],
    [...Object.entries(s.byLanguage), ['all', s.total]].map(([k, v]) => [k, v.truth, v.found, pct(v.recall), v.problems, v.falseAlarms, pct(v.precision)]),
  );
  table(
    'Gaps by style',
    ['style', 'truth', 'found', 'recall'],
    Object.entries(s.byStyle).map(([k, v]) => [k, v.truth, v.found, pct(v.recall)]),
  );
  table(
    'Defects and false alarms by check',
    ['check', 'truth', 'found', 'recall', 'false alarms'],
    Object.entries(s.byCheck).map(([k, v]) => [k, v.truth, v.found, pct(v.recall), v.falseAlarms]),
  );
  if (quiet) return;
  console.log(`\nMisses (${s.misses.length})`);
  for (const m of s.misses)
    console.log(`  test/corpus/${m.file}:${m.line}${m.column ? `:${m.column}` : ''}  ${m.style ?? m.check}${m.text ? `  ${JSON.stringify(m.text)}` : ''}`);
  console.log(`\nFalse alarms (${s.falseAlarms.length})`);
  for (const f of s.falseAlarms) console.log(`  test/corpus/${f.file}:${f.line}:${f.column}  ${f.check} (${f.severity})  ${f.message}`);
}
