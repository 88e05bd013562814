/**
 * Two boxes ticked where one is meant: each "keep this one" is its own quick
 * fix, which unticks the other boxes into the group's own empty box, and none
 * runs unasked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixAll, parseContract, runChecks } from '../../../server/src/core/index.js';

function fixesFor(text: string, locale?: 'en' | 'zh-CN'): Array<{ title: string; result: string; safe: boolean }> {
  const problem = runChecks(parseContract(text, locale ? { locale } : {})).find((p) => p.checkId === 'exclusive-choice');
  assert.ok(problem, 'exclusive-choice reports the group');
  return problem.fixes.map((f) => ({ title: f.title, result: applyEdits(text, f.edits), safe: f.safe }));
}

test('keep one box: the others are unticked into the empty box the group already uses', () => {
  const text = '甲方对验收结果：☑ 同意 ☑ 不同意\n';
  assert.deepEqual(fixesFor(text, 'zh-CN'), [
    { title: '保留“同意”，取消其他勾选', result: '甲方对验收结果：☑ 同意 ☐ 不同意\n', safe: false },
    { title: '保留“不同意”，取消其他勾选', result: '甲方对验收结果：☐ 同意 ☑ 不同意\n', safe: false },
  ]);
  assert.equal(fixAll(text).text, text, 'fix-all leaves the choice to the drafter');
});

test("a list keeps its lines and line endings; the group's own empty box is reused", () => {
  const text = 'Hosting region (select one):\r\n- ☒ United States\r\n- ☒ European Union\r\n- □ Australia\r\n';
  assert.deepEqual(
    fixesFor(text, 'en').map((f) => [f.title, f.result]),
    [
      ['Keep "United States", untick the others', 'Hosting region (select one):\r\n- ☒ United States\r\n- □ European Union\r\n- □ Australia\r\n'],
      ['Keep "European Union", untick the others', 'Hosting region (select one):\r\n- □ United States\r\n- ☒ European Union\r\n- □ Australia\r\n'],
    ],
  );
});

test('three ticked: keeping one unticks both others', () => {
  const text = '发生争议时：√ 提交仲裁委员会仲裁 √ 向人民法院起诉 √ 向甲方所在地人民法院起诉 □ 协商\n';
  const [first] = fixesFor(text, 'zh-CN');
  assert.equal(first!.result, '发生争议时：√ 提交仲裁委员会仲裁 □ 向人民法院起诉 □ 向甲方所在地人民法院起诉 □ 协商\n');
});

test('several ticks that a form allows, or that can stand together, are not reported', () => {
  for (const text of [
    '乙方提供的配套服务（可多选）：☑ 安装 ☑ 调试 □ 培训\n',
    'Modules (tick all that apply): ☒ Billing ☒ Reporting ☐ Payroll\n',
    '交货地点：☑ 甲方仓库 ☑ 甲方指定的门店\n',
    '数据来源（可多选）：\n☑ 门店销售数据\n☑ 会员消费数据\n□ 供应链数据\n',
    '- [x] Sign the order form\n- [x] Return the credit application\n',
  ]) {
    assert.deepEqual(
      runChecks(parseContract(text)).filter((p) => p.checkId === 'exclusive-choice'),
      [],
      text,
    );
  }
});

test("a form's note that boxes choose one makes every group single-choice, except where it says 可多选", () => {
  const note = '说明：本合同中“□”为选择项，标明“可多选”的可以勾选多项，其他选择项只能勾选一项。\n\n';
  const ids = (text: string) => runChecks(parseContract(text)).filter((p) => p.checkId === 'exclusive-choice');
  assert.equal(ids(`${note}食堂设备由：☑ 甲方提供 ☑ 乙方自备\n`).length, 1);
  assert.equal(ids(`${note}服务项目（可多选）：☑ 食材采购 ☑ 餐食制作 □ 夜宵供应\n`).length, 0);
  assert.equal(ids('食堂设备由：☑ 甲方提供 ☑ 乙方自备\n').length, 0, 'without the note, two ticks that can stand together are left alone');
});
