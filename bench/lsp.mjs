// npm run bench: the built language server (dist/server.cjs), driven over LSP
// on stdio as an editor drives it, on generated contracts of 10 KB to 5 MB in
// Chinese, English and both. It times what a drafter waits for — keystroke to
// diagnostics, opening a contract, the other requests — and records the
// server's memory and the size of what it publishes, beside two baselines
// measured in the same run on the same text: a plain unified + remark parse,
// and markdownlint's CLI. Writes bench/results/latest.{json,md}.
//
//   node bench/lsp.mjs [--sizes 10k,100k,1m,5m] [--langs zh,en,mixed] [--edits 20] [--budget 90]
//
// --budget caps the seconds spent on one kind of edit at one size, so a slow
// server still finishes; the table says how many edits each figure rests on.
// BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") goes to
// the server's node, to see where a keystroke's time goes; NODE_OPTIONS
// refuses the profiler's flags.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateContract, generateSection } from './generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(ROOT, 'dist', 'server.cjs');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const require = createRequire(import.meta.url);

const SIZES = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000, '5m': 5_000_000 };
const args = parseArgs(process.argv.slice(2));
const sizes = (args.sizes ?? '10k,100k,1m,5m').split(',');
const langs = (args.langs ?? 'zh,en,mixed').split(',');
const EDITS = Number(args.edits ?? 20);
const BUDGET_MS = Number(args.budget ?? 90) * 1000;
/** Requests other than diagnostics are timed at this size (the issue's 1 MB), when it is in the run. */
const REQUEST_SIZE = sizes.includes('1m') ? '1m' : sizes[sizes.length - 1];
/** The version of the second copy `reopen` opens: far past any edit's. */
const REOPEN_VERSION = 1_000_000_000;
/** Longest wait for any one answer: past it the figure is recorded as a time-out, not awaited for ever. */
const WAIT_MS = Math.max(180_000, BUDGET_MS);

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[++i];
  return out;
}

function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
const median = (values) => quantile(values, 0.5);
const p95 = (values) => quantile(values, 0.95);

/** The server's resident memory now and at its peak, in MB (Linux /proc). */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakMb: NaN };
  }
}

/**
 * When each message from the server arrived, by its framing alone: the time its
 * last byte was read, before the client decodes the JSON. A publish is timed
 * from here, so what the bench itself does with it (parsing, measuring) is
 * never counted as the server's.
 */
class Arrivals {
  /** Bytes of a message's body read to find its method and version: both come before its list. */
  static HEAD = 1024;

  constructor(stream) {
    this.header = '';
    this.remaining = 0;
    this.length = 0;
    this.head = [];
    this.headBytes = 0;
    /** `<method>:<version>` → { at, bytes } of the latest such notification. */
    this.notifications = new Map();
    // Before the reader's own listener: the arrival is read before anything is decoded.
    stream.prependListener('data', (chunk) => this.read(chunk, performance.now()));
  }

  read(chunk, at) {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.remaining === 0) {
        // Headers are a few dozen ASCII bytes: read byte by byte up to the blank line.
        this.header += String.fromCharCode(chunk[offset++]);
        if (!this.header.endsWith('\r\n\r\n')) continue;
        this.length = this.remaining = Number(/Content-Length: *(\d+)/i.exec(this.header)?.[1] ?? 0);
        this.header = '';
        this.head = [];
        this.headBytes = 0;
        continue;
      }
      const take = Math.min(this.remaining, chunk.length - offset);
      if (this.headBytes < Arrivals.HEAD) {
        this.head.push(chunk.subarray(offset, offset + Math.min(take, Arrivals.HEAD - this.headBytes)));
        this.headBytes += this.head[this.head.length - 1].length;
      }
      offset += take;
      this.remaining -= take;
      if (this.remaining === 0) this.complete(at);
    }
  }

  complete(at) {
    const head = Buffer.concat(this.head).toString('utf8');
    const method = /"method":"([^"]+)"/.exec(head)?.[1];
    if (!method) return;
    const version = /"version":(\d+)/.exec(head)?.[1];
    this.notifications.set(`${method}:${version}`, { at, bytes: this.length });
  }

  /** When the notification `method` for `version` arrived (then forgotten), else now. */
  take(method, version) {
    const key = `${method}:${version}`;
    const found = this.notifications.get(key);
    this.notifications.delete(key);
    return found?.at ?? performance.now();
  }
}

/** A client that receives pushed diagnostics, with versions, as VS Code's does for push servers. */
class BenchClient {
  static async start(folder) {
    const child = spawn(process.execPath, [...SERVER_NODE_ARGS, SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    child.stderr.resume();
    const arrivals = new Arrivals(child.stdout);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new BenchClient(child, connection, arrivals);
    connection.onNotification('textDocument/publishDiagnostics', (params) => client.received(params));
    // A push the server skips because nothing changed ends the keystroke as a publish would.
    connection.onNotification('clausemark/diagnosticsUnchanged', (params) => client.unchanged(params));
    connection.onNotification(() => {});
    connection.onRequest('workspace/configuration', ({ items }) => items.map((item) => (item.section === 'clausemark' ? { diagnosticsDelay: 0 } : null)));
    connection.onRequest(() => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
      // As the VS Code client: it links diagnostics to their docs itself, so the server leaves the links out.
      initializationOptions: { diagnosticsDelay: 0, reportUnchangedDiagnostics: true, clientAddsDocsLinks: true },
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true }, configuration: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
            resolveSupport: { properties: ['edit'] },
            dataSupport: true,
          },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          inlayHint: {},
          semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  constructor(child, connection, arrivals) {
    this.child = child;
    this.connection = connection;
    this.arrivals = arrivals;
    this.waiters = [];
    /** Per publish: the version it answered, its byte size and diagnostic count. */
    this.published = [];
    /** Versions whose push the server skipped as unchanged (versions only grow: one document per client). */
    this.unchangedAt = new Map();
  }

  received(params) {
    const at = this.arrivals.take('textDocument/publishDiagnostics', params.version);
    const bytes = Buffer.byteLength(JSON.stringify(params));
    const entry = {
      version: params.version,
      bytes,
      withLinks: bytes + linkBytes(params.diagnostics),
      count: params.diagnostics.length,
      at,
      diagnostics: params.diagnostics,
    };
    // Only the newest diagnostics are used (for the code action request); older ones would pile up to gigabytes at 1 MB.
    const previous = this.published[this.published.length - 1];
    if (previous) previous.diagnostics = undefined;
    this.published.push(entry);
    for (const waiter of [...this.waiters]) waiter(entry);
  }

  /** The server found the diagnostics of `version` equal to those it last sent: the client keeps showing them. */
  unchanged(params) {
    const entry = { version: params.version, unchanged: true, at: this.arrivals.take('clausemark/diagnosticsUnchanged', params.version) };
    this.unchangedAt.set(params.version, entry);
    for (const waiter of [...this.waiters]) waiter(entry);
  }

  /** Resolves with the publish for `version`, or with null after WAIT_MS. */
  diagnosticsFor(version, since) {
    const found = this.published.slice(since).find((p) => p.version === version) ?? this.unchangedAt.get(version);
    if (found) return Promise.resolve(found);
    return new Promise((resolveWait) => {
      const timer = setTimeout(() => done(null), WAIT_MS);
      const waiter = (entry) => entry.version === version && done(entry);
      const done = (entry) => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolveWait(entry);
      };
      this.waiters.push(waiter);
    });
  }

  async open(uri, text) {
    this.document = TextDocument.create(uri, 'clausemark', 1, text);
    const since = this.published.length;
    const start = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'clausemark', version: 1, text } });
    const entry = await this.diagnosticsFor(1, since);
    return { ms: entry ? entry.at - start : NaN, entry };
  }

  /**
   * The same text opened again under another name, once the server has warmed
   * up: what opening a second contract costs, against remark's warm parse. The
   * copy is closed again, and its version cannot be mistaken for an edit's.
   */
  async reopen(uri, text) {
    const version = REOPEN_VERSION;
    const since = this.published.length;
    const start = performance.now();
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'clausemark', version, text } });
    const entry = await this.diagnosticsFor(version, since);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    return entry ? entry.at - start : NaN;
  }

  /** One edit as the editor sends it; resolves with the time until that version's diagnostics. */
  async edit(change) {
    const doc = this.document;
    const version = doc.version + 1;
    const range = { start: doc.positionAt(change.start), end: doc.positionAt(change.end) };
    this.document = TextDocument.update(doc, [{ range, text: change.text }], version);
    const since = this.published.length;
    const start = performance.now();
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: doc.uri, version },
      contentChanges: [{ range, text: change.text }],
    });
    const entry = await this.diagnosticsFor(version, since);
    return { ms: entry ? entry.at - start : NaN, entry };
  }

  async time(method, params) {
    const start = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return { ms: performance.now() - start, result };
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; it is killed below either way.
    }
    // Time to exit on its own (and write a profile asked for), then it goes.
    if (this.child.exitCode === null)
      await new Promise((r) => {
        this.child.once('exit', r);
        setTimeout(r, 10_000);
      });
    this.connection.dispose();
    this.child.kill('SIGKILL');
  }
}

/** What the docs links the server leaves out (see clientAddsDocsLinks) would add, as another editor receives them. */
const DOCS_BASE_URL = 'https://github.com/clausemark/clausemark/blob/main/docs';
function linkBytes(diagnostics) {
  let bytes = 0;
  for (const d of diagnostics)
    if (!d.codeDescription) bytes += Buffer.byteLength(`,"codeDescription":${JSON.stringify({ href: `${DOCS_BASE_URL}/checks.md#${d.code}` })}`);
  return bytes;
}

/** Where in the live text each kind of edit happens: always near the middle, so no edit is cheap by position. */
const EDIT_KINDS = {
  'character mid-paragraph': (text, i, state) => {
    if (i % 2 === 0) state.at = midMatch(text, /数量不少于|no fewer than/g) + 2;
    return i % 2 === 0 ? { start: state.at, end: state.at, text: '约' } : { start: state.at, end: state.at + 1, text: '' };
  },
  // Most contracts number a clause's items `1.`, `2.`: a Markdown list, which the reparse must read locally too.
  'character in a numbered item': (text, i, state) => {
    if (i % 2 === 0) state.at = midMatch(text, /\n1\. /g) + 6;
    return i % 2 === 0 ? { start: state.at, end: state.at, text: '约' } : { start: state.at, end: state.at + 1, text: '' };
  },
  'digit in a percentage': (text, i, state) => {
    if (i === 0) state.at = midMatch(text, /\| 30% \|/g) + 2;
    return { start: state.at, end: state.at + 1, text: i % 2 === 0 ? '4' : '3' };
  },
  // Filling in a value: the drafter's commonest edit, in the YAML above the body, and one that moves every check on that field.
  'value in the front matter': (text, i, state) => {
    if (i === 0) state.at = text.indexOf('value: 30 }') + 'value: '.length;
    return { start: state.at, end: state.at + 1, text: i % 2 === 0 ? '4' : '3' };
  },
  'new line': (text, i, state) => {
    if (i % 2 === 0) state.at = midMatch(text, /\n\n/g);
    return i % 2 === 0 ? { start: state.at, end: state.at, text: '\n' } : { start: state.at, end: state.at + 1, text: '' };
  },
  '10 KB paste': (text, i, state) => {
    if (i % 2 === 0) {
      const at = midMatch(text, /\n## /g) + 1;
      let paste = '';
      for (let n = 9000; paste.length < 10_000; n++) paste += generateSection(n, state.lang) + '\n';
      state.paste = { at, length: paste.length };
      return { start: at, end: at, text: paste };
    }
    return { start: state.paste.at, end: state.paste.at + state.paste.length, text: '' };
  },
  'delete a clause': (text, i, state) => {
    if (i % 2 === 0) {
      const start = midMatch(text, /\n## /g) + 1;
      const next = text.indexOf('\n## ', start + 3);
      const end = next === -1 ? text.length : next + 1;
      state.deleted = { start, text: text.slice(start, end) };
      return { start, end, text: '' };
    }
    return { start: state.deleted.start, end: state.deleted.start, text: state.deleted.text };
  },
};

/** The offset of the match of `pattern` nearest the middle of `text`. */
function midMatch(text, pattern) {
  const middle = text.length / 2;
  let best = -1;
  pattern.lastIndex = Math.max(0, Math.floor(middle) - 20_000);
  for (let m; (m = pattern.exec(text));) {
    if (best === -1 || Math.abs(m.index - middle) < Math.abs(best - middle)) best = m.index;
    if (m.index > middle) break;
  }
  if (best === -1) throw new Error(`bench: ${pattern} not found`);
  return best;
}

/** The baseline parse: unified + remark-parse + remark-frontmatter + remark-gfm, as the issue defines it. */
async function remarkParser() {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const { default: remarkFrontmatter } = await import('remark-frontmatter');
  const { default: remarkGfm } = await import('remark-gfm');
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
  return (text) => processor.parse(text);
}

/**
 * remark's first parse of `file` in a fresh Node process, modules loaded but
 * nothing compiled for this text yet: the cold baseline for the server's first
 * open, which is likewise the first parse its process makes.
 */
function timeColdParse(file) {
  const script = `
    const { unified } = await import('unified');
    const { default: remarkParse } = await import('remark-parse');
    const { default: remarkFrontmatter } = await import('remark-frontmatter');
    const { default: remarkGfm } = await import('remark-gfm');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(process.argv[1], 'utf8');
    const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
    const start = performance.now();
    processor.parse(text);
    console.log(performance.now() - start);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, file], { cwd: ROOT, encoding: 'utf8' });
  const ms = Number(result.stdout.trim());
  return result.status === 0 && Number.isFinite(ms) ? ms : NaN;
}

function timeParse(parse, text) {
  const runs = text.length > 2_000_000 ? 1 : text.length > 500_000 ? 3 : 7;
  parse(text.slice(0, 10_000));
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    parse(text);
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Wall time of a CLI over a file, best of a few runs (start-up included: that
 * is what CI pays). A run past 20 s is not repeated: markdownlint takes over a
 * minute on 1 MB, and at that length one run's noise is small.
 */
function timeCommand(command, argv, runs) {
  const times = [];
  for (let i = 0; i < runs && !(times.length > 0 && Math.min(...times) > 20_000); i++) {
    const start = performance.now();
    const result = spawnSync(command, argv, { cwd: ROOT, stdio: 'ignore' });
    times.push(performance.now() - start);
    if (result.error) return NaN;
  }
  return Math.min(...times);
}

async function benchDocument(scratch, sizeName, lang, parse, results) {
  const text = generateContract(SIZES[sizeName], lang);
  const file = join(scratch, `${lang}-${sizeName}.contract.md`);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const row = { size: sizeName, lang, chars: text.length, edits: {} };
  row.remarkParseMs = timeParse(parse, text);
  row.remarkColdMs = timeColdParse(file);

  const client = await BenchClient.start(scratch);
  try {
    const opened = await client.open(uri, text);
    row.openMs = opened.ms;
    row.diagnostics = opened.entry?.count ?? NaN;
    row.publishBytes = opened.entry?.bytes ?? NaN;
    Object.assign(row, memoryOf(client.child.pid));

    const publishSizes = [];
    const publishSizesWithLinks = [];
    // A server that never answered the open would only queue the edits behind it.
    for (const [kind, make] of opened.entry ? Object.entries(EDIT_KINDS) : []) {
      const times = [];
      const state = { lang };
      const began = performance.now();
      for (let i = 0; i < EDITS; i++) {
        const change = make(client.document.getText(), i, state);
        const { ms, entry } = await client.edit(change);
        times.push(ms);
        if (entry && !entry.unchanged) {
          publishSizes.push(entry.bytes / Math.max(1, entry.count));
          publishSizesWithLinks.push(entry.withLinks / Math.max(1, entry.count));
        }
        // Past the budget, finish the pair in progress (so the text is whole again) and stop;
        // a time-out ends the kind at once, since the next answer would queue behind it.
        if (!entry || (performance.now() - began > BUDGET_MS && i % 2 === 1)) break;
      }
      row.edits[kind] = {
        n: times.length,
        medianMs: median(times),
        p95Ms: p95(times),
        timeouts: times.filter(Number.isNaN).length,
        timesMs: times.map((t) => Math.round(t * 10) / 10),
      };
    }
    row.bytesPerDiagnostic = median(publishSizes.length > 0 ? publishSizes : [row.publishBytes / Math.max(1, row.diagnostics)]);
    row.bytesPerDiagnosticWithLinks = median(
      publishSizesWithLinks.length > 0 ? publishSizesWithLinks : [(opened.entry?.withLinks ?? NaN) / Math.max(1, row.diagnostics)],
    );
    row.peakMb = memoryOf(client.child.pid).peakMb;

    if (sizeName === REQUEST_SIZE && opened.entry) row.requests = await timeRequests(client, uri);
    if (opened.entry) row.reopenMs = await client.reopen(uri.replace(/\.contract\.md$/, '-again.contract.md'), text);
  } finally {
    await client.stop();
  }

  // The command-line checker against markdownlint's, on the same file.
  if (sizeName === '1m') {
    const mdlint = join(dirname(require.resolve('markdownlint-cli2')), 'markdownlint-cli2-bin.mjs');
    row.cliMs = timeCommand(process.execPath, [CLI, 'check', file], 3);
    row.markdownlintMs = timeCommand(process.execPath, [mdlint, file], 3);
  }
  results.push(row);
  console.error(
    `[bench] ${lang} ${sizeName}: open ${row.openMs.toFixed(0)} ms (remark ${row.remarkParseMs.toFixed(0)} ms), keystroke p95 ${fmt(Math.max(...Object.values(row.edits).map((e) => e.p95Ms)))} ms, RSS ${fmt(row.rssMb, 0)} MB`,
  );
}

/** Median times of the other requests, at positions a drafter would use them. */
async function timeRequests(client, uri) {
  const doc = client.document;
  const text = doc.getText();
  const textDocument = { uri };
  const placeholder = midMatch(text, /\{\{/g) + 2;
  const middleLine = doc.positionAt(text.length / 2).line;
  const visible = { start: { line: middleLine, character: 0 }, end: { line: middleLine + 60, character: 0 } };
  const diagnostics = client.published[client.published.length - 1]?.diagnostics ?? [];
  const near = diagnostics.find((d) => d.range.start.line >= middleLine) ?? diagnostics[0];
  const requests = {
    completion: ['textDocument/completion', { textDocument, position: doc.positionAt(placeholder) }],
    hover: ['textDocument/hover', { textDocument, position: doc.positionAt(placeholder + 1) }],
    documentSymbol: ['textDocument/documentSymbol', { textDocument }],
    // What an editor asks first on a long file: the lines on screen, before the whole list.
    'semanticTokens/range': ['textDocument/semanticTokens/range', { textDocument, range: visible }],
    'semanticTokens/full': ['textDocument/semanticTokens/full', { textDocument }],
    inlayHint: ['textDocument/inlayHint', { textDocument, range: visible }],
    codeAction: ['textDocument/codeAction', { textDocument, range: near?.range ?? visible, context: { diagnostics: near ? [near] : [] } }],
    foldingRange: ['textDocument/foldingRange', { textDocument }],
    documentLink: ['textDocument/documentLink', { textDocument }],
    codeLens: ['textDocument/codeLens', { textDocument }],
  };
  const out = {};
  for (const [name, [method, params]] of Object.entries(requests)) {
    // The first answer for a version is the one an editor waits for after an edit; the rest may be kept.
    const { ms: firstMs, result } = await client.time(method, params);
    const times = [];
    for (let i = 0; i < 9; i++) times.push((await client.time(method, params)).ms);
    out[name] = { firstMs, medianMs: median(times), p95Ms: p95(times), bytes: Buffer.byteLength(JSON.stringify(result ?? null)) };
  }
  return out;
}

function fmt(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}

function markdown(run) {
  const lines = [];
  lines.push(
    `Run ${run.date} on ${run.machine.cpus}× ${run.machine.cpu}, ${run.machine.memGb} GB, Node ${run.machine.node}; load average ${run.loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${run.loadAfter.map((l) => l.toFixed(2)).join(' ')} after.`,
  );
  lines.push('');
  lines.push(
    '| contract | chars | remark parse ms | open ms (× remark) | keystroke p50 / p95 ms (worst edit kind) | p95 ÷ remark | diagnostics | publish at open KB | bytes / diagnostic (with docs links) | RSS / peak MB |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of run.rows) {
    const worst = Object.entries(r.edits).sort((a, b) => b[1].p95Ms - a[1].p95Ms)[0] ?? ['none', { p95Ms: NaN }];
    const p50 = Math.max(...Object.values(r.edits).map((e) => e.medianMs));
    lines.push(
      `| ${r.lang} ${r.size} | ${r.chars} | ${fmt(r.remarkParseMs, 0)} | ${fmt(r.openMs, 0)} (${fmt(r.openMs / r.remarkParseMs, 2)}) | ${fmt(p50)} / ${fmt(worst[1].p95Ms)} (${worst[0]}) | ${fmt((100 * worst[1].p95Ms) / r.remarkParseMs, 1)}% | ${r.diagnostics} | ${fmt(r.publishBytes / 1024, 0)} | ${fmt(r.bytesPerDiagnostic, 0)} (${fmt(r.bytesPerDiagnosticWithLinks, 0)}) | ${fmt(r.rssMb, 0)} / ${fmt(r.peakMb, 0)} |`,
    );
  }
  lines.push('');
  lines.push(
    "Opening, first time and again: the server's first open is its process's first parse, so it stands beside remark's first parse in a fresh process; a second contract opened once the server is warm stands beside remark's warm parse (the table above).",
  );
  lines.push('');
  lines.push('| contract | first open ms | remark first parse ms | × | second open ms | remark warm ms | × |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of run.rows)
    lines.push(
      `| ${r.lang} ${r.size} | ${fmt(r.openMs, 0)} | ${fmt(r.remarkColdMs, 0)} | ${fmt(r.openMs / r.remarkColdMs, 2)} | ${fmt(r.reopenMs, 0)} | ${fmt(r.remarkParseMs, 0)} | ${fmt(r.reopenMs / r.remarkParseMs, 2)} |`,
    );
  lines.push('');
  lines.push('Keystroke to diagnostics by kind of edit (p50 / p95 ms, number of edits):');
  lines.push('');
  const kinds = Object.keys(EDIT_KINDS);
  lines.push(`| contract | ${kinds.join(' | ')} |`);
  lines.push(`|---|${kinds.map(() => '---:').join('|')}|`);
  for (const r of run.rows)
    lines.push(
      `| ${r.lang} ${r.size} | ${kinds.map((k) => (r.edits[k] ? `${fmt(r.edits[k].medianMs)} / ${fmt(r.edits[k].p95Ms)} (${r.edits[k].n}${r.edits[k].timeouts ? `, ${r.edits[k].timeouts} timed out` : ''})` : '—')).join(' | ')} |`,
    );
  const withRequests = run.rows.filter((r) => r.requests);
  if (withRequests.length > 0) {
    lines.push('');
    const names = Object.keys(withRequests[0].requests);
    lines.push(`Other requests at ${REQUEST_SIZE} (first answer for the version; then p50 / p95 ms of nine more; answer size KB):`);
    lines.push('');
    lines.push(`| contract | ${names.join(' | ')} |`);
    lines.push(`|---|${names.map(() => '---:').join('|')}|`);
    for (const r of withRequests)
      lines.push(
        `| ${r.lang} ${r.size} | ${names.map((n) => `${fmt(r.requests[n].firstMs)}; ${fmt(r.requests[n].medianMs)} / ${fmt(r.requests[n].p95Ms)}; ${fmt(r.requests[n].bytes / 1024, 0)}`).join(' | ')} |`,
      );
  }
  const withCli = run.rows.filter((r) => r.cliMs !== undefined);
  if (withCli.length > 0) {
    lines.push('');
    lines.push('Command line on the 1 MB file (wall time, best of 3 or one run past 20 s, start-up included):');
    lines.push('');
    lines.push('| contract | clausemark check ms | markdownlint-cli2 ms | ratio |');
    lines.push('|---|---:|---:|---:|');
    for (const r of withCli) lines.push(`| ${r.lang} ${r.size} | ${fmt(r.cliMs, 0)} | ${fmt(r.markdownlintMs, 0)} | ${fmt(r.cliMs / r.markdownlintMs, 2)} |`);
  }
  return lines.join('\n') + '\n';
}

const parse = await remarkParser();
const scratch = mkdtempSync(join(tmpdir(), 'clausemark-bench-'));
const loadBefore = loadavg();
const rows = [];
try {
  for (const size of sizes) for (const lang of langs) await benchDocument(scratch, size, lang, parse, rows);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const run = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  loadBefore,
  loadAfter: loadavg(),
  settings: { edits: EDITS, budgetS: BUDGET_MS / 1000, diagnosticsDelay: 0 },
  rows,
};
const table = markdown(run);
const out = join(ROOT, 'bench', 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.json'), JSON.stringify(run, null, 2) + '\n');
writeFileSync(join(out, 'latest.md'), table);
process.stdout.write(table);
