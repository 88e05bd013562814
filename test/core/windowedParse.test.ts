// A long body is parsed in windows cut at blank lines (parse/bodyWindows.ts) when that gives
// the blocks of the whole parse: held here to that, on random contract-like texts with windows
// forced small, and on the benchmark's generated contracts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { analyzeContract, parseContract, runChecks, type ContractDocument } from '../../server/src/core/index.js';
import { bodyWindows } from '../../server/src/core/parse/bodyWindows.js';
import { INLINE_MARKER_LIMIT, parseMarkdownStructure } from '../../server/src/core/parse/markdown.js';
import { readWindows } from '../../server/src/core/parse/parseContract.js';

const FRONT_MATTER = [
  '---',
  'title: 分段测试合同',
  'locale: zh-CN',
  'parties:',
  '  甲方: 委托方',
  '  乙方: 受托方',
  'fields:',
  '  总费用: { type: money, value: 500000 }',
  '  首期比例: { type: percent, group: 付款, value: 30 }',
  '  尾款比例: { type: percent, group: 付款 }',
  '---',
].join('\n');

/** Blocks a contract is made of, as lines; each may be glued to the next without a blank line. */
const BLOCKS: readonly string[] = [
  '# 分段测试合同',
  '## 第一条 费用 {#fees}',
  '### 1.2 Payment',
  '## 5. Services and Payment',
  '总费用为人民币{{总费用}}元（大写：{{总费用 | 大写}}）。首期支付{{首期比例}}%，尾款{{尾款比例}}%。',
  '甲方应于____年__月__日前提供数据，格式为________。\n数量不少于100条。',
  'The fee is USD 120,000 (one hundred ten thousand US dollars). See [一](#fees).',
  '2026年2月30日双方签署。',
  '1.1 The Customer shall pay 30% on signing.',
  '（一）甲方应当付款。\n（二）乙方应当交付。',
  '1. 第一项\n2. 第二项\n3. 第三项',
  '1. 第一项\n\n2. 第二项',
  '1. 第一项\n   续行，仍属第一项\n2. 第二项',
  '1. 第一项\n\n   第一项的第二段\n\n2. 第二项',
  '- 甲方\n- 乙方',
  '* one\n* two\n\n* three',
  '- 上级\n  - 下级\n  - 下级二',
  '10) ten\n11) eleven',
  '| 项目 | 比例 |\n|---|---|\n| 预付 | 30% |\n| 尾款 | 70% [●] |',
  '***',
  '    缩进的签署栏：____',
  '\t甲方（签字）：',
  '  两格缩进的段落',
  '===',
  '甲方：{{甲方}}\n乙方：{{乙方}}',
  '本条款 lazily\ncontinues here',
  '\uFEFF中间的字节序标记',
  'Contact a@b.cn or www.example.com.',
  '-',
  '1.',
  '+ plus item',
  '见[费用][fees]，无定义时仍是文字。',
];

/** Constructs that reach across the whole text: their bodies are parsed whole. */
const EVERYWHERE: readonly string[] = ['[fees]: #fees', '- 列表\n\n  [note]: http://example.com', '[^1]: 脚注', '$$\nx\n$$'];

/** Constructs that may run on across blank lines until they close, if they do. */
const RUNNING_ON: readonly string[] = [
  '```\n代码\n\n仍是代码\n```',
  '```\n未闭合的代码\n\n# 不是标题',
  '      ```\n缩进的围栏',
  '> 引用\n\n> 第二段',
  '> 引用\n懒惰的续行',
  '<!--\n注释\n\n-->',
  '<!--\n未闭合的注释\n\n## 仍在注释里',
  '<!-- clausemark-disable-next-line percent-sum -->',
  '<!-->',
  '<div>\n块\n\n</div>',
  '<pre>\n预排\n\n# 仍在块里\n</pre>',
  '---',
  '标题\n---',
];

/** Each block's type and extent. */
const outline = (doc: ContractDocument) => doc.blocks.map((b) => `${b.type} ${b.span.start}-${b.span.end}`);

const SEPARATORS = ['\n', '\n\n', '\n\n', '\n\n\n', '\n  \n', '\n\t\n', '\n'.repeat(12)];

const contractText = fc
  .record({
    bom: fc.boolean(),
    head: fc.constantFrom('front matter', 'none', 'none', 'unclosed'),
    parts: fc.array(fc.tuple(fc.constantFrom(...BLOCKS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 24 }),
    // Now and then a construct that runs on across blank lines, or reaches across the whole text, somewhere.
    reaching: fc.tuple(fc.constantFrom(...RUNNING_ON, ...RUNNING_ON, ...EVERYWHERE), fc.nat(), fc.nat({ max: 2 })),
    lineEnd: fc.constantFrom('\n', '\n', '\r\n', '\r', 'mixed'),
  })
  .map(({ bom, head, parts, reaching, lineEnd }) => {
    if (reaching[2] === 0) parts.splice(reaching[1] % (parts.length + 1), 0, [reaching[0], '\n\n']);
    const lead = head === 'front matter' ? `${FRONT_MATTER}\n` : head === 'unclosed' ? '---\ntitle: 未闭合\n\n' : '';
    let text = lead + parts.map(([block, separator]) => block + separator).join('');
    if (lineEnd === 'mixed') {
      let n = 0;
      text = text.replace(/\n/g, () => ['\n', '\r\n', '\r'][n++ % 3]!);
    } else if (lineEnd !== '\n') text = text.replace(/\n/g, lineEnd);
    return (bom ? '\uFEFF' : '') + text;
  });

test('a body parsed in small windows gives the model and problems of the whole parse', () => {
  let windowed = 0;
  let runs = 0;
  fc.assert(
    fc.property(contractText, fc.constantFrom(1, 8, 40, 200), (text, size) => {
      runs++;
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      if (bodyWindows(body, size).length > 1) windowed++;
      const whole = parseContract(text);
      const inWindows = parseContract(text, { markdownWindow: size });
      // Where the blocks are, then all the model as JSON, before key for key: a failure shrinks in seconds, not in minutes of diffs.
      assert.deepStrictEqual(outline(inWindows), outline(whole));
      assert.equal(JSON.stringify(inWindows), JSON.stringify(whole));
      assert.deepStrictEqual(inWindows, whole);
      assert.deepStrictEqual(runChecks(inWindows), analyzeContract(text).problems);
    }),
    // Shrinking these texts took minutes; the first counterexample is short enough to read.
    { numRuns: 400, endOnFailure: true },
  );
  // Most of the texts must really be cut, or the property says nothing.
  assert.ok(windowed > runs / 3, `${windowed} of ${runs} texts parsed in windows`);
});

test('a body with a construct that reaches across the whole text is parsed whole', () => {
  const paragraphs = Array.from({ length: 20 }, (_, i) => `## 第${i + 1}条\n\n甲方应付款${i}0%。\n`).join('\n');
  assert.ok(bodyWindows(paragraphs, 40).length > 1);
  for (const reaching of EVERYWHERE) assert.equal(bodyWindows(`${paragraphs}\n${reaching}\n`, 40).length, 1, reaching);
  // A front matter is no such construct, nor anything in it: the body after it is cut.
  assert.ok(bodyWindows(`---\nnote: "[a]: $$"\n---\n\n${paragraphs}`, 40).length > 1);
  // An unclosed one is no front matter, but it changes how the whole text reads.
  assert.equal(bodyWindows(`---\ntitle: x\n\n${paragraphs}`, 40).length, 1);
});

test('a fence or an HTML block left open runs on across windows as in the whole parse', () => {
  const paragraphs = Array.from({ length: 20 }, (_, i) => `## 第${i + 1}条\n\n甲方应付款${i}0%。\n`).join('\n');
  for (const opening of ['```', '<!--', '<pre>', '> 引用']) {
    const text = `# 合同\n\n${paragraphs}\n${opening}\n\n${paragraphs}\n${opening === '```' ? '```' : ''}\n\n${paragraphs}`;
    const whole = parseContract(text, { markdownWindow: text.length });
    assert.ok(bodyWindows(text, 40).length > 10);
    for (const size of [40, 1]) {
      const inWindows = parseContract(text, { markdownWindow: size });
      assert.deepStrictEqual(outline(inWindows), outline(whole), opening);
      assert.deepStrictEqual(inWindows, whole, opening);
    }
  }
});

test('windows end only before a line at column 0 after a blank line that no list can take in', () => {
  const body = ['# 一', '', '1. 甲', '', '2. 乙', '', '   续', '', '\t缩进', '', '- 丙', '', '正文', '', '## 二', ''].join('\n');
  const starts = bodyWindows(body, 1)
    .slice(1)
    .map(([start]) => body.slice(start, body.indexOf('\n', start)));
  assert.deepStrictEqual(starts, ['正文', '## 二']);
});

test('a paragraph too costly for micromark is read plainly in a window as in the whole text', () => {
  const heavy = '甲方应填写[●]，'.repeat(INLINE_MARKER_LIMIT);
  const text = `${FRONT_MATTER}\n\n# 合同\n\n## 第一条\n\n${heavy}\n\n## 第二条\n\n乙方付款30%。\n`;
  assert.equal(bodyWindows(text, 40).length, 3);
  const whole = parseContract(text);
  assert.ok(whole.blocks.some((b) => b.span.end - b.span.start === heavy.length));
  assert.deepStrictEqual(parseContract(text, { markdownWindow: 40 }), whole);
});

test("the benchmark's generated contracts parse in windows to the whole parse's model", async () => {
  const { generateContract } = (await import(pathToFileURL('bench/generate.mjs').href)) as { generateContract: (size: number, lang: string) => string };
  for (const lang of ['zh', 'en', 'mixed']) {
    const text = generateContract(60_000, lang);
    assert.ok(bodyWindows(text).length > 1, `${lang} is parsed in windows`);
    const whole = parseContract(text, { markdownWindow: text.length });
    assert.deepStrictEqual(parseContract(text), whole, lang);
    assert.deepStrictEqual(parseContract(text, { markdownWindow: 2000 }), whole, lang);
    assert.deepStrictEqual(analyzeContract(text).problems, runChecks(whole), lang);
  }
});

test('a fence left open above a long body is read at most about twice, not once per window', () => {
  const paragraphs = Array.from({ length: 400 }, (_, i) => `## 第${i + 1}条\n\n甲方应付款${i}0%。\n`).join('\n');
  for (const opening of ['```', '<!--', '<pre>']) {
    const body = `# 合同\n\n${opening}\n\n${paragraphs}`;
    const windows = bodyWindows(body, 100);
    assert.ok(windows.length > 50);
    let parsed = 0;
    const read = readWindows(body, body, 0, windows, (source) => {
      parsed += source.length;
      return parseMarkdownStructure(source);
    });
    assert.ok(parsed <= 3 * body.length, `${opening}: micromark was given ${parsed} characters of a ${body.length}-character body`);
    assert.deepStrictEqual(read.blocks, readWindows(body, body, 0, [[0, body.length]]).blocks, opening);
  }
});
