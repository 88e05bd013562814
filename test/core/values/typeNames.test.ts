import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeContract, hoverAt, renderContract } from '../../../server/src/core/index.js';

const CONTRACT = `---
fields:
  fee: { type: money }
  plan: { type: choice, options: [basic, premium] }
---

The Client pays {{fee}} for the {{plan}} plan.
`;

/** The `title` the preview gives each gap, in document order. */
function gapTitles(html: string): string[] {
  return [...html.matchAll(/title="([^"]*)"/g)].map((m) => m[1]!);
}

test('the editor and the preview call a field type by the same name, in English and in Chinese', () => {
  for (const [locale, money, choice] of [
    ['en', 'amount', 'option'],
    ['zh-CN', '金额', '选项'],
  ] as const) {
    const { doc, problems } = analyzeContract(CONTRACT, { config: { locale } });
    const hoverOf = (name: string) => hoverAt(doc, doc.text.indexOf(`{{${name}}}`) + 3)!.markdown;
    assert.match(hoverOf('fee'), new RegExp(`\`money\` ?[(（]${money}[)）]`));
    assert.match(hoverOf('plan'), new RegExp(`\`choice\` ?[(（]${choice}[)）]`));
    const titles = gapTitles(renderContract(doc, problems).html);
    assert.ok(
      titles.some((t) => t.includes(`fee`) && t.includes(money)),
      titles.join(' | '),
    );
    assert.ok(
      titles.some((t) => t.includes(`plan`) && t.includes(choice)),
      titles.join(' | '),
    );
  }
});
