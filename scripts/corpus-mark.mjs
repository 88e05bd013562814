// Writes a corpus contract and its truth from one draft in which the truth is
// marked inline, so nobody counts lines by hand:
//
//   ⟦lang:zh⟧            first line: zh, en or mixed (removed with its line end)
//   ⟦style:text⟧         a gap: the text stays in the contract, its place goes to the truth
//   ⟦!check-id⟧          a defect on this line (removed)
//   ⟦!check-id:3⟧        a defect reported anywhere on this line and the 2 after it
//
//   node scripts/corpus-mark.mjs draft.md test/corpus/lease-shanghai.zh
//
// writes test/corpus/lease-shanghai.zh.contract.md and .truth.json. The
// drafts are scratch: the committed truth is checked against its contract by
// scripts/corpus.mjs on every run.
import { readFileSync, writeFileSync } from 'node:fs';

const [draftPath, base] = process.argv.slice(2);
if (!draftPath || !base) {
  console.error('usage: node scripts/corpus-mark.mjs <draft.md> <test/corpus/name>');
  process.exit(2);
}
let draft = readFileSync(draftPath, 'utf8');
const head = /^⟦lang:(zh|en|mixed)⟧\r?\n/.exec(draft);
if (!head) {
  console.error('the draft must start with ⟦lang:zh⟧, ⟦lang:en⟧ or ⟦lang:mixed⟧ on a line of its own');
  process.exit(2);
}
draft = draft.slice(head[0].length);

const gaps = [];
const defects = [];
const out = draft.split('\n').map((source, index) => {
  let line = '';
  let last = 0;
  for (const m of source.matchAll(/⟦(!?)([a-z-]+)(?::([^⟧]*))?⟧/g)) {
    line += source.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] === '!') defects.push(m[3] ? { line: index + 1, endLine: index + Number(m[3]), check: m[2] } : { line: index + 1, check: m[2] });
    else {
      if (!m[3]) throw new Error(`line ${index + 1}: gap ${m[2]} without text`);
      gaps.push({ line: index + 1, column: line.length + 1, style: m[2], text: m[3] });
      line += m[3];
    }
  }
  line += source.slice(last);
  if (/[⟦⟧]/.test(line)) throw new Error(`line ${index + 1}: unbalanced marker: ${source}`);
  return line;
});

writeFileSync(`${base}.contract.md`, out.join('\n'));
// One item a line, so a diff of the truth reads like a diff of the contract.
const list = (items) => (items.length === 0 ? '[]' : `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`);
writeFileSync(`${base}.truth.json`, `{\n  "lang": "${head[1]}",\n  "gaps": ${list(gaps)},\n  "defects": ${list(defects)}\n}\n`);
console.log(`${base}: ${out.length} lines, ${gaps.length} gaps, ${defects.length} defects`);
