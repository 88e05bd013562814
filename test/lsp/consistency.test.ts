/**
 * Facts stated twice, over real LSP: a disagreement is reported at both
 * places with related information linking them, its quick fixes offer each
 * side and neither is preferred, and a hover lists the other statements.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, positionOf } from './lspClient.js';

const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);
const markdown = (hover: Hover | null) => (hover?.contents as MarkupContent | undefined)?.value ?? '';

const ZH = [
  '# 软件开发合同',
  '',
  '一、付款方式：首期支付30%，二期支付20%，尾款50%。',
  '',
  '二、二期款为合同总额的10%，于验收合格后支付。',
  '',
  '三、乙方应在验收合格后十（15）日内交付源代码。',
  '',
].join('\n');

const EN = [
  '# Software Development Agreement',
  '',
  '1. The Client shall pay the second instalment within thirty (30) days after acceptance.',
  '',
  '2. The Client shall pay the second instalment within ten (10) days after acceptance.',
  '',
].join('\n');

describe('consistency over LSP', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('reports the same instalment stated twice at both places, each linked to the other', async () => {
    const uri = 'file:///virtual/conflict.zh.contract.md';
    await client.open(uri, ZH);
    const conflicts = byCode(await client.diagnosticsFor(uri, 1), 'conflicting-quantity');
    assert.equal(conflicts.length, 2);
    const [schedule, restated] = conflicts.sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(schedule!.range.start, positionOf(ZH, '20%'));
    assert.deepEqual(restated!.range.start, positionOf(ZH, '10%'));
    assert.match(restated!.message, /10%.*20%/);
    assert.deepEqual(
      restated!.relatedInformation?.map((r) => [r.location.uri, r.location.range.start]),
      [[uri, positionOf(ZH, '20%')]],
    );
    assert.deepEqual(
      schedule!.relatedInformation?.map((r) => r.location.range.start),
      [positionOf(ZH, '10%')],
    );
    await client.close(uri);
  });

  it('links a third statement once: the places that are problems themselves stay in the problem list', async () => {
    const uri = 'file:///virtual/three.zh.contract.md';
    const text = [...ZH.split('\n').slice(0, 6), '四、双方确认，二期款为合同总额的25%。', ''].join('\n');
    await client.open(uri, text);
    const conflicts = byCode(await client.diagnosticsFor(uri, 1), 'conflicting-quantity');
    assert.equal(conflicts.length, 3, 'each of 20%, 10% and 25% is reported');
    const first = conflicts.find((d) => d.range.start.line === positionOf(text, '20%').line)!;
    assert.match(first.message, /10%.*25%|25%.*10%/, 'the message names both other values');
    assert.equal(first.relatedInformation?.length, 1, 'one link to jump to');
    assert.ok(conflicts.some((d) => d !== first && d.range.start.line === first.relatedInformation![0]!.location.range.start.line));
    await client.close(uri);
  });

  it('offers both sides of a number in words and figures as quick fixes, neither preferred', async () => {
    const uri = 'file:///virtual/words.zh.contract.md';
    await client.open(uri, ZH);
    const mismatch = byCode(await client.diagnosticsFor(uri, 1), 'number-words')[0]!;
    assert.deepEqual(mismatch.range.start, positionOf(ZH, '十（15）'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: mismatch.range,
      context: { diagnostics: [mismatch], only: ['quickfix'] },
    });
    const titles = actions.filter((a) => a.kind === 'quickfix').map((a) => a.title);
    assert.deepEqual(titles, ['按数字改写文字为“十五”（15）', '按文字将数字改为 10']);
    assert.ok(actions.every((a) => a.isPreferred !== true));
    await client.close(uri);
  });

  it('lists the other statements of a deadline on hover, saying which disagree', async () => {
    const uri = 'file:///virtual/hover.en.contract.md';
    await client.open(uri, EN);
    const at = positionOf(EN, 'ten (10) days');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: at.line, character: at.character + 1 } });
    const value = markdown(hover);
    assert.match(value, /\*\*Also stated\*\*/);
    assert.match(value, /- line 3: `thirty \(30\) days` · \*\*disagrees\*\*/);
    await client.close(uri);
  });
});
