/**
 * Word documents made with the `docx` library, imported and compared with the
 * Markdown a drafter would have written, and with the gaps the checker finds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listGaps, parseContract, runChecks } from '../../../server/src/core/index.js';
import { importDocx } from '../../../server/src/import/importContract.js';
import * as word from './wordDocuments.js';

async function imported(document: Promise<Uint8Array>, typed = false) {
  return importDocx(await document, { typed });
}

function gapsOf(text: string) {
  const doc = parseContract(text);
  return listGaps(doc).map((g) => [g.kind, text.slice(g.span.start, g.span.end), g.type ?? null]);
}

test('Word automatic numbering comes back as the numbers Word shows: 第一条, （一）, (a), 一、, 1., (i)', async () => {
  const { text } = await imported(word.pack(word.numberedContract()));
  assert.equal(
    text,
    [
      '# 技术服务合同',
      '## 一、服务内容',
      '第一条 乙方提供模型训练服务。',
      '（一）训练数据由甲方提供。',
      '（二）标注数据不少于一万条。',
      '(a) 格式为 JSONL；',
      '(b) 字段齐全。',
      '第二条 乙方按期交付。',
      '## 二、费用',
      '1. 首期支付30%。',
      '2. 尾款支付70%。',
      '(i) 发票另行开具。',
    ].join('\n\n') + '\n',
  );
  const doc = parseContract(text);
  assert.deepEqual(
    doc.clauses.map((c) => c.marker.trim()),
    ['一、', '第一条', '（一）', '（二）', '(a)', '(b)', '第二条', '二、', '1.', '2.', '(i)'],
  );
  // The numbering reads as continuous: no clause-numbering problem.
  assert.deepEqual(
    runChecks(doc).filter((p) => p.checkId === 'clause-numbering'),
    [],
  );
});

test('decimal numbering comes back as 1. and 1.1, read as clauses', async () => {
  const { text } = await imported(word.pack(word.decimalContract()));
  assert.equal(
    text,
    ['1. Definitions', '1.1 Terms have the meaning below.', '1.2 Headings do not count.', '2. Fees', '2.1 The fee is 100% payable on signing.'].join('\n\n') +
      '\n',
  );
  const doc = parseContract(text);
  assert.deepEqual(
    doc.clauses.map((c) => c.marker.trim()),
    ['1.', '1.1', '1.2', '2.', '2.1'],
  );
  assert.deepEqual(runChecks(doc), []);
});

test('underlined spaces and tabs become blanks; typed blanks stay; underlined words stay words', async () => {
  const { text } = await imported(word.pack(word.underlinedBlanks()));
  assert.equal(
    text,
    [
      '甲方（委托方）：____',
      '服务费总额为人民币____元，尾款____%。',
      '签署日期：____年____月____日',
      '地址：____',
      'Underlined words stay words: governing law, ARTICLE 1 DEFINITIONS.',
      'Signed by Name:____',
      '已写好的空白保持原样：____，[●]，【 】。',
    ].join('\n\n') + '\n',
  );
  assert.deepEqual(
    gapsOf(text),
    [
      ['blank', '____', null],
      ['blank', '____', 'money'],
      ['blank', '____', 'percent'],
      ['blank', '____年____月____日', 'date'],
      ['blank', '____', null],
      ['blank', '____', null],
      ['blank', '____', null],
      ['blank', '[●]', null],
      ['blank', '【 】', null],
    ].map(([kind, span, type]) => [kind, span, type]),
  );
});

test('content controls and form fields become gaps named by their titles; filled ones keep their text; checkboxes keep their ticks', async () => {
  const { text, findings } = await imported(word.pack(word.controlsAndCheckboxes()));
  assert.equal(
    text,
    [
      'Client: {{Client name: text}}',
      'Effective date: {{Effective date: date}}',
      'Governing law: {{Law: choice(England|New York)}}',
      'Provider: {{Provider name: text}}',
      'Notice address: ____',
      'Filled: London',
      'Fee: USD {{Fee: text}}, payable promptly.',
      '☒ Option A ☐ Option B',
      '☒ Renewal ☐ No renewal',
      '☐ typed box ☒ typed tick',
    ].join('\n\n') + '\n',
  );
  assert.equal(findings.checkboxes, 4);
  assert.deepEqual(gapsOf(text), [
    ['placeholder', '{{Client name: text}}', 'text'],
    ['placeholder', '{{Effective date: date}}', 'date'],
    ['placeholder', '{{Law: choice(England|New York)}}', 'choice'],
    ['placeholder', '{{Provider name: text}}', 'text'],
    ['blank', '____', null],
    ['placeholder', '{{Fee: text}}', 'text'],
  ]);
});

test('tables (signature tables too), line breaks in a party block, bold, and footnotes survive', async () => {
  const { text } = await imported(word.pack(word.tablesAndNotes()));
  assert.equal(
    text,
    [
      '**甲方：北京示例科技有限公司**\\\n地址：北京市海淀区\\\n联系人：王明',
      '付款方式如下表[^1]。',
      '| 期数 | 比例  |\n| -- | --- |\n| 首期 | 30% |\n| 尾款 | 70% |',
      '签署：',
      '| 甲方（盖章）                  | 乙方（盖章）                  |\n| ----------------------- | ----------------------- |\n| 授权代表：<br>日期：____年__月__日 | 授权代表：<br>日期：____年__月__日 |',
      '[^1]: 以银行到账日为准。',
    ].join('\n\n') + '\n',
  );
  const doc = parseContract(text);
  assert.deepEqual(
    doc.percents.map((p) => p.value),
    [30, 70],
  );
  assert.deepEqual(
    gapsOf(text).map((g) => g[1]),
    // 授权代表： with nothing after it (before the cell's line break) is a gap too.
    ['授权代表：<br>', '____年__月__日', '授权代表：<br>', '____年__月__日'],
  );
});

test("tracked changes are accepted and listed with the comments in a note at the top, in the document's language", async () => {
  const { text, findings } = await imported(word.pack(word.trackedChanges()));
  assert.equal(
    text,
    [
      '<!--\nImported from Word.\nTracked changes, accepted (2):\n- deleted by Li Lei: "sixty"\n- inserted by Li Lei: "thirty"\nComments, not imported (1):\n- Han Meimei on "Notices are given in writing.": "Is 30 days enough?"\n-->',
      'Payment is due within thirty days.',
      'Notices are given in writing.',
    ].join('\n\n') + '\n',
  );
  assert.deepEqual(
    findings.changes.map((c) => c.kind),
    ['deletion', 'insertion'],
  );
  // The note is an HTML comment: the contract reads, and checks, as if it were not there.
  assert.deepEqual(runChecks(parseContract(text)), []);
});

test('--typed turns every blank into a typed placeholder declared in new front matter, as the unfilled-blank fix names it', async () => {
  const { text } = await imported(word.pack(word.underlinedBlanks()), true);
  assert.match(text, /^---\nlocale: zh-CN\nfields:\n/);
  const doc = parseContract(text);
  assert.deepEqual(doc.blanks, []);
  assert.deepEqual(
    [...doc.fields.values()].map((f) => [f.name, f.type]),
    [
      ['甲方', 'text'],
      ['服务费总额为人民币', 'money'],
      ['尾款', 'percent'],
      ['签署日期', 'date'],
      ['地址', 'text'],
      ['Name', 'text'],
      ['已写好的空白保持原样', 'text'],
      ['待填', 'text'],
      ['待填2', 'text'],
    ],
  );
  assert.ok(text.includes('服务费总额为人民币{{服务费总额为人民币}}元，尾款{{尾款}}%。'));
  // Nothing but the open gaps is reported.
  assert.deepEqual([...new Set(runChecks(doc).map((p) => p.checkId))], ['unfilled-field']);
});

test("a list defined through a numbering style (as legal templates do) is numbered from the style's definition", async () => {
  const numbering =
    '<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="LegalList"/>' +
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/><w:suff w:val="space"/></w:lvl>' +
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="LegalList"/></w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>';
  const paragraph = (level: number, text: string) =>
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const { text } = await imported(
    word.handMadePackage(paragraph(0, '定义') + paragraph(1, '本合同所称数据，指甲方提供的数据。') + paragraph(0, '费用'), numbering),
  );
  assert.equal(text, '第一条 定义\n\n1. 本合同所称数据，指甲方提供的数据。\n\n第二条 费用\n');
});

test('without a Title paragraph, Heading 1 is the top heading; a placeholder highlighted over several runs is one gap', async () => {
  const body =
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Services Agreement</w:t></w:r></w:p>' +
    '<w:p><w:r><w:t xml:space="preserve">Client: </w:t></w:r><w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t>[Client</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve"> legal name]</w:t></w:r></w:p>';
  const styles =
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>';
  const { text } = await imported(word.handMadePackage(body, '', styles));
  assert.equal(text, '# Services Agreement\n\nClient: {{Client legal name: text}}\n');
});

test('pictures are not imported: a seal with a description leaves the description, a logo without one leaves nothing', async () => {
  const { text } = await imported(word.pack(word.withPictures()));
  assert.equal(text, '甲方（盖章）：［甲方公章］\n\n乙方（盖章）：\n');
});

test('a content control holding a whole paragraph still to be written is one gap named by its title', async () => {
  const body =
    '<w:p><w:r><w:t>Scope of services:</w:t></w:r></w:p>' +
    '<w:sdt><w:sdtPr><w:alias w:val="Scope"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Click or tap here to enter text.</w:t></w:r></w:p></w:sdtContent></w:sdt>' +
    '<w:sdt><w:sdtPr><w:alias w:val="Exclusions"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Hardware is excluded.</w:t></w:r></w:p></w:sdtContent></w:sdt>';
  const { text } = await imported(word.handMadePackage(body, ''));
  assert.equal(text, 'Scope of services:\n\n{{Scope: text}}\n\nHardware is excluded.\n');
});

test('a drop-down in a table cell keeps the table whole: its options, whose | would end the cell, are left out', async () => {
  const dropDown =
    '<w:sdt><w:sdtPr><w:alias w:val="Law"/><w:showingPlcHdr/><w:dropDownList><w:listItem w:displayText="England (and Wales)" w:value="1"/><w:listItem w:displayText="New York" w:value="2"/></w:dropDownList></w:sdtPr>' +
    '<w:sdtContent><w:r><w:t>Choose an item.</w:t></w:r></w:sdtContent></w:sdt>';
  const cell = (content: string) => `<w:tc><w:p>${content}</w:p></w:tc>`;
  const body =
    `<w:tbl><w:tr>${cell('<w:r><w:t>Term</w:t></w:r>')}${cell('<w:r><w:t>Value</w:t></w:r>')}</w:tr><w:tr>${cell('<w:r><w:t>Governing law</w:t></w:r>')}${cell(dropDown)}</w:tr></w:tbl>` +
    `<w:p><w:r><w:t xml:space="preserve">Courts of </w:t></w:r>${dropDown.replace('"Law"', '"Forum"')}</w:p>`;
  const { text } = await imported(word.handMadePackage(body, ''));
  assert.equal(
    text,
    '| Term          | Value           |\n| ------------- | --------------- |\n| Governing law | {{Law: choice}} |\n\nCourts of {{Forum: choice(England and Wales|New York)}}\n',
  );
});
