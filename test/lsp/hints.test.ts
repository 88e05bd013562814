import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeLens, InlayHint } from 'vscode-languageserver-protocol';
import { GapsRequest, PreviewRequest } from '../../server/src/protocol.js';
import { fixture, positionOf, withServer } from './lspClient.js';

describe('inlay hints, code lens, gaps and preview', () => {
  const zh = fixture('service.contract.md');
  const en = fixture('lease.contract.md');
  const whole = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };
  const after = (text: string, needle: string, occurrence = 0) => {
    const p = positionOf(text, needle, occurrence);
    return { line: p.line, character: p.character + needle.length };
  };

  const client = withServer({ open: [zh, en] });

  it('shows running totals of written instalments, words of bare amounts and stale reference numbers (en)', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: en.uri }, range: whole });
    assert.deepEqual(
      hints.map((h) => [h.position, h.label]),
      [
        [after(en.text, 'USD 2,500'), '(two thousand five hundred)'],
        [after(en.text, 'USD 2,500', 1), '(two thousand five hundred)'],
        [after(en.text, '40%'), 'Σ 40%'],
        [after(en.text, '30%'), 'Σ 70%'],
        [after(en.text, '30%', 1), 'Σ 100%'],
        [after(en.text, '[Section 1](#rent)'), '→ 2'],
        [after(en.text, 'and ['), '1'],
      ],
    );
  });

  it('shows running totals of a declared sum group and 大写 of bare amounts (zh)', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: zh.uri }, range: whole });
    const labels = hints.map((h) => h.label);
    assert.deepEqual(
      labels.filter((l) => String(l).startsWith('Σ')),
      ['Σ 30%', 'Σ 70%', 'Σ 70% + ?'],
    );
    assert.deepEqual(hints.find((h) => h.label === 'Σ 70% + ?')!.position, after(zh.text, '尾款比例: { type: percent, group: 付款 }'));
    assert.deepEqual(
      labels.filter((l) => String(l).includes('大写')),
      ['（大写：贰万元整）', '（大写：贰万元整）'],
    );
  });

  it('only returns hints inside the requested range', async () => {
    const line = positionOf(en.text, 'Payment schedule').line;
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: en.uri },
      range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
    });
    assert.deepEqual(
      hints.map((h) => h.label),
      ['Σ 40%', 'Σ 70%', 'Σ 100%'],
    );
  });

  it('puts a lens with the count of gaps and problems on the title line', async () => {
    const [lens] = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: zh.uri } });
    const diagnostics = await client.diagnosticsFor(zh.uri, 1);
    assert.equal(lens!.range.start.line, positionOf(zh.text, '# 软件维护服务合同').line);
    const problems = diagnostics.filter((d) => d.severity! <= 2 && d.code !== 'unfilled-blank' && d.code !== 'unfilled-field');
    assert.equal(problems.length, 3);
    assert.equal(lens!.command?.title, '5 处待填 · 3 个问题');
    assert.equal(lens!.command?.command, 'clausemark.showGaps');
    assert.deepEqual(lens!.command?.arguments, [zh.uri]);

    const [english] = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: en.uri } });
    assert.equal(english!.command!.title, '2 gaps · 6 problems');
  });

  it('lists the gaps in document order (clausemark/gaps)', async () => {
    const gaps = await client.request(GapsRequest, { textDocument: { uri: zh.uri } });
    assert.ok(gaps, 'an open contract has an answer');
    assert.deepEqual(
      gaps.map((g) => [g.kind, g.field, g.type, g.range.start]),
      [
        ['placeholder', '生效日期', 'date', positionOf(zh.text, '{{生效日期}}')],
        ['placeholder', '尾款比例', 'percent', positionOf(zh.text, '{{尾款比例}}')],
        ['placeholder', '权属方案', 'choice', positionOf(zh.text, '{{权属方案}}')],
        ['blank', null, null, positionOf(zh.text, '____________')],
        ['blank', null, 'date', positionOf(zh.text, '____年')],
      ],
    );
    assert.equal(gaps[3]!.label, '乙方联系人');
    assert.equal(await client.request(GapsRequest, { textDocument: { uri: 'file:///nowhere.contract.md' } }), null);
  });

  it('renders the contract as HTML with its counts (clausemark/preview)', async () => {
    const diagnostics = await client.diagnosticsFor(zh.uri, 1);
    const result = await client.request(PreviewRequest, { textDocument: { uri: zh.uri } });
    assert.ok(result, 'an open contract has an answer');
    assert.equal(result.uri, zh.uri);
    assert.equal(result.version, 1);
    assert.equal(result.title, '软件维护服务合同');
    assert.equal(result.gapCount, 5);
    const shown = diagnostics.filter((d) => d.severity! <= 2 && d.code !== 'unfilled-blank' && d.code !== 'unfilled-field');
    assert.equal(result.problemCount, shown.length);
    assert.match(result.html, /^<article class="clausemark" lang="zh-CN">/);
    assert.match(result.html, />500,000</, 'values are filled in');
    assert.match(result.html, />伍拾万元整</, '大写 is written out');
    assert.doesNotMatch(result.html, /<script/);

    const plain = await client.request(PreviewRequest, { textDocument: { uri: zh.uri }, showGaps: false });

    assert.ok(plain, 'an open contract has an answer');
    assert.notEqual(plain.html, result.html);
    assert.equal(await client.request(PreviewRequest, { textDocument: { uri: 'file:///nowhere.contract.md' } }), null);
  });
});
