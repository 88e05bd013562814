/**
 * A label with nothing after it is one gap named by the label; a label with its
 * value, a heading over a list, or a caption over a signature line is not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseContract, runChecks } from '../../../server/src/core/index.js';

function gaps(text: string): Array<{ text: string; label: unknown }> {
  return runChecks(parseContract(text))
    .filter((p) => p.checkId === 'unfilled-blank')
    .map((p) => ({ text: text.slice(p.span.start, p.span.end).trim(), label: (p.data as { label: unknown }).label }));
}

test('（签字）/（盖章） labels at the end of a line are gaps named with what is done there', () => {
  const text = ['乙方（盖章）：\t', '', '甲方（签字）：　　', '', '法定代表人或授权代表（签字）：', '', '执行事务合伙人委派代表（签字）：', ''].join('\n');
  assert.deepEqual(gaps(text), [
    { text: '乙方（盖章）：', label: '乙方（盖章）' },
    { text: '甲方（签字）：', label: '甲方（签字）' },
    { text: '法定代表人或授权代表（签字）：', label: '法定代表人或授权代表（签字）' },
    { text: '执行事务合伙人委派代表（签字）：', label: '执行事务合伙人委派代表（签字）' },
  ]);
});

test('a label repeated right after a colon is one gap, the empty one at the line end', () => {
  assert.deepEqual(gaps('甲方（签字）：甲方（签字）：\n'), [{ text: '甲方（签字）：', label: '甲方（签字）' }]);
  const problems = runChecks(parseContract('甲方（签字）：甲方（签字）：\n')).filter((p) => p.checkId === 'unfilled-blank');
  assert.equal(problems[0]!.span.start, 7);
});

test('bilingual labels: the English gloss belongs to the label, and the next label ends the gap', () => {
  assert.deepEqual(gaps('承租人（签字）Tenant (Signature)：\n\n姓名 Name：\u3000\u3000\u3000\u3000职务 Position：\n'), [
    { text: '承租人（签字）Tenant (Signature)：', label: '承租人（签字）Tenant' },
    { text: '姓名 Name：', label: '姓名 Name' },
    { text: '职务 Position：', label: '职务 Position' },
  ]);
});

test('English By/Name/Title/Date with nothing after are gaps', () => {
  assert.deepEqual(
    gaps('By:\nName:      Title:\nDate:\t\n').map((g) => g.label),
    ['By', 'Name', 'Title', 'Date'],
  );
});

test('a label with its value, a heading over a list, a caption over a signature line are not gaps', () => {
  assert.deepEqual(gaps('乙方（盖章）：厦门鹭远创业投资合伙企业（有限合伙）\n\n甲方（签字）：张三\n\nBy: Jane Doe   Title: CEO\n'), []);
  assert.deepEqual(gaps('联系方式：\n1. 电话 010-12345678\n\nContact details:\n- Phone +1 555 0100\n'), []);
  // The line of underscores, a blank line below, is the one gap.
  assert.deepEqual(gaps('委托人（盖章）Principal (Seal)：\n\n________________________\n'), [{ text: '________________________', label: null }]);
});
