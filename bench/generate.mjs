// Builds synthetic contracts of a given size from realistic clause shapes
// (front matter, numbered clauses, blanks, placeholders, instalments, amounts,
// tables), deterministic so runs compare.
export function generateContract(targetChars) {
  const head = [
    '---',
    'title: 基准测试合同',
    'locale: zh-CN',
    'parties:',
    '  甲方: 委托方',
    '  乙方: 受托方',
    'fields:',
    '  总费用: { type: money, value: 500000 }',
    '  首期比例: { type: percent, group: 付款, value: 30 }',
    '  二期比例: { type: percent, group: 付款, value: 40 }',
    '  尾款比例: { type: percent, group: 付款 }',
    '---',
    '# 基准测试合同',
    '',
  ].join('\n');
  const parts = [head];
  let size = head.length;
  let n = 1;
  while (size < targetChars) {
    const section = [
      `## 第${n}条 第${n}部分 {#s${n}}`,
      '',
      `（一）甲方应于____年__月__日前向乙方提供数据，格式为________，数量不少于${n * 10}条。`,
      '',
      `（二）总费用为人民币{{总费用}}元（大写：{{总费用 | 大写}}）。首期支付{{首期比例}}%，二期支付{{二期比例}}%，尾款{{尾款比例}}%。`,
      '',
      '（三）The Provider shall deliver within 30 days; the fee is USD 120,000 (one hundred twenty thousand US dollars). ' +
        `See clause [第${n}条](#s${n}). 😀 **重点：**准确率≥95%。`,
      '',
      '| 项目 | 比例 | 备注 |',
      '|---|---|---|',
      `| 预付款 | 30% | 签署后${n}日内 |`,
      '| 尾款 | 70% | [●] |',
      '',
    ].join('\n');
    parts.push(section);
    size += section.length;
    n++;
  }
  return parts.join('\n');
}
