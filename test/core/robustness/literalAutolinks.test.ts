/**
 * GFM autolink literals are looked for only in text that can hold one (see
 * parse/literalAutolinks.ts). The tree must be the one the full GFM grammar
 * gives, with or without an address in the text, and an address must still
 * hide what it contains from the scanners.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { remark } from 'remark';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Processor } from 'unified';
import { parseContract } from '../../../server/src/core/index.js';
import { parseMarkdownStructure } from '../../../server/src/core/parse/markdown.js';

/** The grammar the checker reads, with every GFM construct in place. */
function fullGrammar(text: string): unknown {
  const switchOff = function (this: Processor) {
    (this.data().micromarkExtensions ??= []).push({ disable: { null: ['codeIndented', 'attention'] } });
  };
  return remark().use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(switchOff).parse(text);
}

const CONTRACT = [
  '---',
  'title: 服务合同',
  '---',
  '# 服务合同',
  '',
  '第一条 甲方应于____年__月__日前支付合同总额的30%，即人民币伍万元整（¥50,000元）。',
  '',
  '1. The Customer shall pay **USD 12,000** within [number] days.',
  '2. Notices go to the address in [the schedule](#schedule) or `config`.',
  '',
  '| 项目 | 比例 |',
  '|---|---|',
  '| 首期 | 30% |',
  '',
].join('\n');

const ADDRESSES = [
  '联系邮箱：legal@example.cn 或 ops@example.com.',
  'Visit www.example.com/terms_v2_ for the terms.',
  'See https://example.com/rate?x=30% for rates, or HTTP://EXAMPLE.ORG.',
  'Write to mailto:a@b.io or xmpp:c@d.io/home.',
  // Character references decode to an address only in the text node.
  'Escaped: legal&#64;example.cn and www&#46;example.com and https&#58;//example.com.',
  'Not addresses: www, http, https:/x, @ alone, a@b.',
  '<https://example.com/angle> and <legal@example.cn>',
];

test('the tree is the full GFM grammar’s for text with and without an autolink literal', () => {
  assert.deepEqual(parseMarkdownStructure(CONTRACT), fullGrammar(CONTRACT));
  for (const line of ADDRESSES) {
    const text = `${CONTRACT}\n${line}\n`;
    assert.deepEqual(parseMarkdownStructure(text), fullGrammar(text), line);
    assert.deepEqual(parseMarkdownStructure(line), fullGrammar(line), line);
  }
});

test('a literal URL or e-mail still hides its figures from the scanners, and text beside it does not', () => {
  const text = `${CONTRACT}\nRates: https://example.com/fee-15% and ops-20%@example.com apply; the deposit is 25% of the fee.\n`;
  const percents = parseContract(text).percents.map((p) => text.slice(p.span.start, p.span.end));
  assert.ok(!percents.some((p) => p.includes('15')), `a URL's 15% read as a percentage: ${percents.join(', ')}`);
  assert.ok(
    percents.some((p) => p.includes('25')),
    `the deposit's 25% was lost: ${percents.join(', ')}`,
  );
  assert.ok(
    percents.some((p) => p.includes('30')),
    `the clause's 30% was lost: ${percents.join(', ')}`,
  );
});
