import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseContract, runChecks } from '../../server/src/core/index.js';
import { ClausesRequest, ExportRequest, InsertClauseRequest, NewContractRequest, type NewContractParams } from '../../server/src/protocol.js';
import { TOPIC_IDS } from '../core/clauses/library.js';
import { readZipEntry } from '../support/zip.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyTextEdits, fixture, withServer } from './lspClient.js';

describe('clause library and export requests', () => {
  const zh = fixture('service.contract.md');
  const en = fixture('lease.contract.md');

  const client = withServer({ open: [zh, en] });

  it("lists the templates of the contract's language", async () => {
    const zhItems = await client.request(ClausesRequest, { textDocument: { uri: zh.uri } });
    const enItems = await client.request(ClausesRequest, { textDocument: { uri: en.uri } });
    assert.ok(zhItems.length >= 12 && zhItems.every((t) => t.locale === 'zh-CN'));
    assert.ok(enItems.length >= 12 && enItems.every((t) => t.locale === 'en'));
    for (const id of TOPIC_IDS) {
      assert.ok(
        zhItems.some((t) => t.id === id),
        `zh ${id}`,
      );
      assert.ok(
        enItems.some((t) => t.id === id),
        `en ${id}`,
      );
    }
    // The picker shows each clause as it reads: no Markdown, labels or braces.
    const targets = zhItems.find((t) => t.id === 'training-targets')!;
    assert.match(targets.rendered, /^三、模型训练目标与验收 （一）模型类型。/);
    assert.match(targets.rendered, /准确率不低于［准确率下限］%/);
    assert.doesNotMatch(targets.rendered, /##|\{#|\{\{/);
  });

  it('inserts a clause with its fields declared, and the result checks with no errors', async () => {
    const end = { line: zh.text.split(/\r\n|\r|\n/).length - 1, character: 0 };
    const edits = await client.request(InsertClauseRequest, { textDocument: { uri: zh.uri }, position: end, id: 'confidentiality' });
    assert.ok(edits && edits.length >= 1);
    const text = applyTextEdits(TextDocument.create(zh.uri, 'clausemark', 1, zh.text), edits);
    assert.match(text, /保密/);
    const before = runChecks(parseContract(zh.text)).filter((p) => p.severity === 'error').length;
    const afterErrors = runChecks(parseContract(text)).filter((p) => p.severity === 'error').length;
    assert.equal(afterErrors, before, 'the inserted clause adds no error');
    assert.ok(
      runChecks(parseContract(text)).every((p) => p.checkId !== 'undefined-field'),
      'every placeholder of the clause is declared',
    );
  });

  it('composes a new contract from the library', async () => {
    const { text } = await client.request(NewContractRequest, { locale: 'en' });
    const problems = runChecks(parseContract(text));
    assert.match(text, /^---\n/);
    assert.equal(problems.filter((p) => p.severity === 'error').length, 0);
    assert.ok(problems.some((p) => p.checkId === 'unfilled-field'));
  });

  it('refuses a new contract in an unknown language with a proper error', async () => {
    await assert.rejects(client.request(NewContractRequest, { locale: 'fr' } as unknown as NewContractParams), /locale must be zh-CN or en/);
  });

  it('exports HTML as a standalone page that runs nothing', async () => {
    const result = await client.request(ExportRequest, { textDocument: { uri: zh.uri }, format: 'html' });
    assert.ok(result, 'the contract is open, so it exports');
    assert.equal(result.encoding, 'utf8');
    assert.match(result.data, /^<!DOCTYPE html>/);
    assert.match(result.data, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(result.data, /<script/i);
    assert.match(result.data, /<article class="clausemark"/);
  });

  it('exports DOCX with the contract text, its values and its gaps', async () => {
    const result = await client.request(ExportRequest, { textDocument: { uri: zh.uri }, format: 'docx' });
    assert.ok(result, 'the contract is open, so it exports');
    assert.equal(result.encoding, 'base64');
    const bytes = Buffer.from(result.data, 'base64');
    assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    const xml = readZipEntry(bytes, 'word/document.xml');
    assert.ok(xml, 'word/document.xml is present');
    const words = xml!.replace(/<[^>]+>/g, '');
    assert.match(words, /20,000/, 'the amount is filled in');
    if (result.gapCount > 0) assert.match(xml!, /w:highlight w:val="yellow"/, 'gaps are highlighted');
    const blanks = await client.request(ExportRequest, { textDocument: { uri: zh.uri }, format: 'docx', showGaps: false });
    assert.ok(blanks, 'the contract is open, so it exports');
    assert.doesNotMatch(readZipEntry(Buffer.from(blanks.data, 'base64'), 'word/document.xml')!, /w:highlight/);
  });
});
