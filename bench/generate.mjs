// Builds synthetic contracts of a given size from realistic clause shapes
// (front matter, numbered clauses, clause items as Markdown lists, blanks,
// placeholders, instalments, amounts, tables), deterministic so runs compare.
// Three languages: the shapes of a Chinese agreement, of an English one, and a
// bilingual one alternating both.

const HEADS = {
  zh: [
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
  ],
  en: [
    '---',
    'title: Benchmark Services Agreement',
    'locale: en',
    'parties:',
    '  Customer: the customer',
    '  Provider: the provider',
    'fields:',
    '  fee: { type: money, value: 120000 }',
    '  deposit: { type: percent, group: payment, value: 30 }',
    '  milestone: { type: percent, group: payment, value: 40 }',
    '  balance: { type: percent, group: payment }',
    '---',
    '# Benchmark Services Agreement',
    '',
  ],
};
HEADS.mixed = HEADS.zh;

function zhSection(n) {
  return [
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
  ];
}

function enSection(n) {
  return [
    `## ${n}. Services and Payment, part ${n} {#s${n}}`,
    '',
    `${n}.1 The Customer shall provide the data set by ____________, in the format ________, with no fewer than ${n * 10} records.`,
    '',
    `${n}.2 The total fee is USD {{fee}} ({{fee | words}}). The Customer shall pay {{deposit}}% on signing, {{milestone}}% on acceptance and {{balance}}% as the balance.`,
    '',
    `${n}.3 The Provider shall deliver within thirty (30) days; the fee is USD 120,000 (one hundred twenty thousand US dollars). See [Section ${n}](#s${n}). Accuracy **must** reach 95% 😀.`,
    '',
    '| Item | Share | Note |',
    '|---|---|---|',
    `| Deposit | 30% | within ${n} days of signing |`,
    '| Balance | 70% | [●] |',
    '',
  ];
}

/**
 * Most contracts number the items of a clause `1.`, `2.`, which Markdown reads
 * as a list: every third section does, its three items one tight list.
 */
function asList(lines, lang) {
  const item = lang === 'en' ? /^\d+\.(\d) (.*)$/ : /^（([一二三])）(.*)$/;
  const items = [];
  const others = [];
  for (const line of lines.slice(1)) {
    const m = item.exec(line);
    if (m) items.push(`${lang === 'en' ? m[1] : '一二三'.indexOf(m[1]) + 1}. ${m[2]}`);
    else if (line !== '') others.push(line);
  }
  return [lines[0], '', ...items, '', ...others, ''];
}

const listed = (section, lang) => (n) => (n % 3 === 0 ? asList(section(n), lang) : section(n));

const SECTIONS = {
  zh: listed(zhSection, 'zh'),
  en: listed(enSection, 'en'),
  mixed: (n) => (n % 2 === 0 ? listed(enSection, 'en')(n) : listed(zhSection, 'zh')(n)),
};

/** A contract of at least `targetChars` characters in `lang` ('zh', 'en' or 'mixed'). */
export function generateContract(targetChars, lang = 'zh') {
  const head = HEADS[lang].join('\n');
  const section = SECTIONS[lang];
  const parts = [head];
  let size = head.length;
  let n = 1;
  while (size < targetChars) {
    const text = section(n).join('\n');
    parts.push(text);
    size += text.length + 1;
    n++;
  }
  return parts.join('\n');
}

/** One section on its own, for pastes: the shape of section `n` in `lang`. */
export function generateSection(n, lang = 'zh') {
  return SECTIONS[lang](n).join('\n') + '\n';
}
