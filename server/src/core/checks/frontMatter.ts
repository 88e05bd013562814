import type { Check } from './types.js';

/** Front matter that does not parse as YAML or does not follow the contract schema. */
export const frontMatter: Check = {
  id: 'front-matter',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'The YAML front matter does not parse or does not follow the contract schema.',
      yaml: 'The front matter is not valid YAML: {detail} The body is still checked.',
      notMapping: 'Expected a mapping (key: value lines){key}.',
      badLocale: 'Unexpected locale "{value}", expected zh-CN or en.',
      badTotal: 'Unexpected group total "{value}", expected a number.',
      partyKey: 'Each party in a list needs a `key` (e.g. 甲方 or Client).',
      optionsList: 'Expected `options` to be a list, e.g. [甲方所有, 双方共有].',
      fieldShape: 'Field "{name}" must be a type name or a mapping with `type:`.',
      missingType: 'Field "{name}" has no type; expected one of text, number, money, percent, date, duration, party, choice.',
      unknownType: 'Unexpected type "{type}" for field "{name}", expected one of: {types}.',
      choiceOptions: 'Choice field "{name}" lists no options.',
      dataMissing: 'The data file "{path}" named by `data:` cannot be read.',
      dataInvalid: 'The data file "{path}" is not valid: {detail}',
    },
    'zh-CN': {
      summary: 'YAML 前言无法解析，或不符合合同前言的格式。',
      yaml: '前言不是有效的 YAML：{detail}（正文仍会检查。）',
      notMapping: '此处应为映射（“键: 值”形式）{key}。',
      badLocale: '语言“{value}”无效，应为 zh-CN 或 en。',
      badTotal: '合计值“{value}”无效，应为数字。',
      partyKey: '列表形式的当事方需要 `key`（如 甲方 或 Client）。',
      optionsList: '`options` 应为列表，例如 [甲方所有, 双方共有]。',
      fieldShape: '字段“{name}”应为类型名，或包含 `type:` 的映射。',
      missingType: '字段“{name}”缺少类型，应为 text、number、money、percent、date、duration、party、choice 之一。',
      unknownType: '字段“{name}”的类型“{type}”无效，应为：{types}。',
      choiceOptions: '选择字段“{name}”没有列出任何选项。',
      dataMissing: '无法读取 `data:` 指定的数据文件“{path}”。',
      dataInvalid: '数据文件“{path}”无效：{detail}',
    },
  },
  run({ doc, report }) {
    for (const issue of doc.issues) {
      if (issue.code !== 'front-matter-yaml' && issue.code !== 'front-matter-schema') continue;
      const args = { ...issue.args, ...('key' in issue.args ? { key: ` (${issue.args['key']})` } : { key: '' }) };
      report({ span: issue.span, key: issue.key, args });
    }
  },
};
