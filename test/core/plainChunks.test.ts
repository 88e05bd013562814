import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseContract, reparseWithChanges, runChecks, type ContractDocument, type Problem, type TextChange } from '../../server/src/core/index.js';

// Over the Markdown limit a contract is read in chunks split at blank lines. A
// lowered limit (a parse option) puts these small texts over it.

/** Plain paragraphs, no Markdown syntax: with or without Markdown they are the same paragraphs. */
const PARAGRAPHS = [
  '（一）乙方应于____年__月__日前交付全部成果，逾期每日按合同总额的0.5%支付违约金。',
  '（二）合同总额为人民币100,000元（大写：壹拾万元整），首期支付30%，尾款支付70%。',
  '（三）The Provider shall deliver the report within 30 days after 2026年2月30日.',
  '甲方联系人：{{甲方联系人}}，地址：____________。',
  '乙方开户行：[●]，账号：【        】。',
  '本合同自双方签字之日起生效。\n续行的第二行，金额为USD 2,500 (two thousand five hundred US dollars)。',
].join('\n\n');

const facts = (doc: ContractDocument) =>
  JSON.stringify({
    placeholders: doc.placeholders,
    blanks: doc.blanks,
    clauses: doc.clauses.map((c) => [c.span, c.marker, c.title]),
    percents: doc.percents,
    amounts: doc.amounts,
    dates: doc.dates,
  });
const withoutNote = (problems: readonly Problem[]) => problems.filter((p) => p.checkId !== 'document-limits');

test('over the Markdown limit, plain paragraphs give the facts and problems they give with Markdown', () => {
  const markdown = parseContract(PARAGRAPHS);
  const plain = parseContract(PARAGRAPHS, { markdownLimit: 100 });
  assert.ok(plain.issues.some((i) => i.code === 'document-limits' && i.key === 'tooLarge' && i.args?.['limit'] === 100));
  assert.deepEqual(
    plain.blocks.map((b) => PARAGRAPHS.slice(b.span.start, b.span.end)),
    PARAGRAPHS.split('\n\n'),
  );
  assert.equal(facts(plain), facts(markdown));
  assert.deepEqual(withoutNote(runChecks(plain)), withoutNote(runChecks(markdown)));
  assert.ok(runChecks(plain).some((p) => p.checkId === 'invalid-date'));
});

test('over the Markdown limit, the front matter still declares the fields and parties the text uses', () => {
  const source = readFileSync('examples/ai-training.zh.contract.md', 'utf8');
  const markdown = parseContract(source);
  const plain = parseContract(source, { markdownLimit: 100 });
  assert.ok(plain.issues.some((i) => i.code === 'document-limits' && i.key === 'tooLarge'));
  assert.ok(markdown.fields.size > 10 && markdown.parties.length === 2);
  assert.deepEqual([...plain.fields.keys()], [...markdown.fields.keys()]);
  assert.deepEqual(
    plain.parties.map((p) => p.name),
    markdown.parties.map((p) => p.name),
  );
  // No field the front matter declares is taken for an undefined one, and what is unfilled is still said.
  const ids = (problems: readonly Problem[]) => [...new Set(problems.map((p) => p.checkId))].sort();
  assert.ok(!runChecks(plain).some((p) => p.checkId === 'undefined-field'));
  assert.deepEqual(ids(withoutNote(runChecks(plain))), ids(runChecks(markdown)));
  // The YAML is not read as contract text: its first chunk starts after the closing fence.
  assert.ok(plain.blocks[0]!.span.start > plain.frontMatter!.span.end);
});

test('a date blank, an amount and its words, or a bracket blank never reach across a blank line', () => {
  const split = '乙方应于____年\n\n__月__日前付款。\n\n金额为人民币100元\n\n（大写：壹佰元整）。\n\n账号：[\n\n●]';
  const markdown = parseContract(split);
  const plain = parseContract(split, { markdownLimit: 10 });
  assert.equal(facts(plain), facts(markdown));
  for (const fact of [...plain.blanks, ...plain.amounts, ...plain.dates]) assert.ok(!split.slice(fact.span.start, fact.span.end).includes('\n\n'));
  assert.ok(!plain.blanks.some((b) => b.style === 'date-blank'));
  assert.ok(!plain.amounts.some((a) => a.words !== undefined));
});

/** A long contract in sections, each with blanks to fill. */
function longContract(sections: number): string {
  const parts: string[] = [];
  for (let n = 1; n <= sections; n++) {
    parts.push(
      `第${n}条 交付与付款`,
      `（一）乙方应于____年__月__日前完成第${n}批交付，数量不少于${n * 10}件。`,
      '（二）甲方收货后支付本批价款的30%，余款于验收合格后支付。',
      '甲方签字：________    乙方签字：________',
    );
  }
  return parts.join('\n\n') + '\n';
}

const blankTexts = (doc: ContractDocument, problems: readonly Problem[]) =>
  problems.filter((p) => p.checkId === 'unfilled-blank').map((p) => doc.text.slice(p.span.start, p.span.end));

test('over the limit, blanks are still reported at their exact places after a run of edits', () => {
  const options = { markdownLimit: 10_000 };
  let text = longContract(150);
  assert.ok(text.length > options.markdownLimit);
  let doc = parseContract(text, options);
  const edits: Array<(t: string) => TextChange> = [
    (t) => ({ start: t.indexOf('数量不少于', t.length / 2), end: t.indexOf('数量不少于', t.length / 2), text: '约' }),
    (t) => ({ start: t.indexOf('第7条'), end: t.indexOf('第8条'), text: '' }),
    () => ({ start: 40, end: 40, text: '新增条款：交付地点为____。\n\n' }),
    (t) => ({ start: t.length - 1, end: t.length, text: '\n\n附件：____\n' }),
    (t) => ({ start: t.indexOf('____年'), end: t.indexOf('____年') + 4, text: '2026' }),
  ];
  for (const edit of edits) {
    const change = edit(text);
    text = text.slice(0, change.start) + change.text + text.slice(change.end);
    doc = reparseWithChanges(doc, [change]);
    const problems = runChecks(doc);
    const fresh = parseContract(text, options);
    assert.deepEqual(problems, runChecks(fresh));
    const blanks = blankTexts(doc, problems);
    assert.ok(blanks.length > 400);
    for (const blank of blanks) assert.match(blank, /^(?:(?:_+|2026)年_+月_+日|_+)$/);
  }
  assert.ok(doc.blocks.length > 500);
  const last = blankTexts(doc, runChecks(doc));
  assert.ok(last.includes('____') && last.includes('2026年__月__日'));
});

test('a text of more one-line paragraphs than chunks are made for is read as one block', () => {
  const text = 'a\n\n'.repeat(200_001) + '地址：____\n';
  const doc = parseContract(text, { markdownLimit: 10 });
  assert.equal(doc.blocks.length, 1);
  assert.deepEqual(
    doc.blanks.map((b) => text.slice(b.span.start, b.span.end)),
    ['____'],
  );
  // An edit splitting the last paragraph is read the same way, not in chunks.
  const edited = reparseWithChanges(doc, [{ start: 3, end: 3, text: 'b\n\nc' }], { markdownLimit: 10 });
  assert.equal(edited.blocks.length, 1);
});
