// npm run bench: parse + check throughput on generated contracts. Prints
// medians; the machine is shared, so compare ratios, not absolute numbers.
import { performance } from 'node:perf_hooks';
import { parseContract, reparseContract, runChecks } from '../out/server/src/core/index.js';
import { generateContract } from './generate.mjs';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(label, fn, runs) {
  fn(); // warm up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return { label, ms: median(times) };
}

const rows = [];
for (const [name, size, runs] of [
  ['10 KB', 10_000, 30],
  ['100 KB', 100_000, 10],
  ['1 MB', 1_000_000, 3],
]) {
  const text = generateContract(size);
  const parse = measure(`parse ${name}`, () => parseContract(text), runs);
  const doc = parseContract(text);
  const check = measure(`check ${name}`, () => runChecks(doc), runs);
  // One keystroke in the middle of the text: the incremental path reparses only the blocks around it.
  const at = text.indexOf('数量不少于', Math.floor(text.length / 2));
  const keystroke = measure(`keystroke ${name}`, () => reparseContract(doc, { start: at, end: at, text: '约' }), runs);
  rows.push({
    size: name,
    chars: text.length,
    parseMs: parse.ms,
    checkMs: check.ms,
    keystrokeMs: keystroke.ms,
    mbPerS: text.length / 1e6 / ((parse.ms + check.ms) / 1000),
  });
}
const line = `${'x'.repeat(10)}甲方：____ ${'很长的一行'.repeat(2_000_000)}`;
const huge = measure('10 MB single line', () => runChecks(parseContract(line)), 1);

console.log('| input | chars | full parse ms | check ms | keystroke reparse ms | MB/s (parse+check) |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(`| ${r.size} | ${r.chars} | ${r.parseMs.toFixed(1)} | ${r.checkMs.toFixed(1)} | ${r.keystrokeMs.toFixed(1)} | ${r.mbPerS.toFixed(2)} |`);
console.log(`| 10 MB one line (${line.length} chars, Markdown skipped) | | ${huge.ms.toFixed(0)} (parse+check) | | | |`);
