import type { Locale } from '../model.js';
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
      optionsList: 'Expected `options` to be a list, e.g. [Client owns, jointly owned].',
      fieldShape: 'Field "{name}" must be a type name or a mapping with `type:`.',
      missingType: 'Field "{name}" has no type; expected one of text, number, money, percent, date, duration, party, choice.',
      unknownType: 'Unexpected type "{type}" for field "{name}", expected one of: {types}.',
      choiceOptions: 'Choice field "{name}" lists no options.',
      dataMissing: 'The data file "{path}" named by `data:` cannot be read.',
      dataInvalid: 'The data file "{path}" is not valid: {detail}',
      dataUntrusted: 'The data file "{path}" was not read: this workspace is not trusted. Trust the workspace to use its values.',
      dataOutside: 'The data file "{path}" was not read: it is outside the workspace (after following links).',
      dataNotFile: 'The data file "{path}" was not read: it is not a regular file.',
      dataTooLarge: 'The data file "{path}" was not read: it is larger than 1 MiB.',
      yaml_BAD_INDENT: 'an indentation is wrong, or a { or [ is not closed.',
      yaml_TAB_AS_INDENT: 'tabs cannot indent YAML; use spaces.',
      yaml_BAD_DQ_ESCAPE: 'a double-quoted value has an invalid backslash escape; use single quotes.',
      yaml_BAD_SCALAR_START: 'a value starts with a reserved character such as @ or `; put it in quotes.',
      yaml_BLOCK_AS_IMPLICIT_KEY: 'a value contains ": "; put it in quotes.',
      yaml_MULTILINE_IMPLICIT_KEY: 'a key runs over two lines, or its colon is missing.',
      yaml_MISSING_CHAR: 'a closing quote, bracket or colon is missing.',
      yaml_MULTIPLE_DOCS: 'it holds more than one YAML document.',
      yaml_UNEXPECTED_TOKEN: 'something here cannot stand in this place.',
      yaml_other: 'it is not well-formed.',
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
      dataUntrusted: '未读取数据文件“{path}”：此工作区不受信任。信任此工作区后才会使用其中的值。',
      dataOutside: '未读取数据文件“{path}”：它位于工作区之外（按链接解析后）。',
      dataNotFile: '未读取数据文件“{path}”：它不是普通文件。',
      dataTooLarge: '未读取数据文件“{path}”：文件超过 1,048,576 字节。',
      yaml_BAD_INDENT: '缩进有误，或“{”“[”未闭合',
      yaml_TAB_AS_INDENT: 'YAML 不能用制表符缩进，请改用空格',
      yaml_BAD_DQ_ESCAPE: '双引号中的反斜杠转义无效，请改用单引号',
      yaml_BAD_SCALAR_START: '取值以 @ 或 ` 等保留字符开头，请加引号',
      yaml_BLOCK_AS_IMPLICIT_KEY: '取值中含有“: ”，请加引号',
      yaml_MULTILINE_IMPLICIT_KEY: '键跨越了两行，或缺少冒号',
      yaml_MISSING_CHAR: '缺少闭合的引号、括号或冒号',
      yaml_MULTIPLE_DOCS: '前言中有多个 YAML 文档',
      yaml_UNEXPECTED_TOKEN: '此处出现了不应有的内容',
      yaml_other: '语法有误',
    },
  },
  run({ doc, locale, report, t }) {
    for (const issue of doc.issues) {
      if (issue.code !== 'front-matter-yaml' && issue.code !== 'front-matter-schema') continue;
      const args: Record<string, string | number> = { ...issue.args, key: 'key' in issue.args ? ` (${issue.args['key']})` : '' };
      if (issue.key === 'yaml') args['detail'] = yamlDetail(issue.args, locale, t);
      report({ span: issue.span, key: issue.key, args });
    }
  },
};

/** The YAML library speaks English only: known error codes get our own words in each locale. */
function yamlDetail(args: Readonly<Record<string, string | number>>, locale: Locale, t: (key: string) => string): string {
  const key = `yaml_${args['code']}`;
  const worded = t(key);
  if (worded !== key) return worded;
  const detail = String(args['detail'] ?? '').trim();
  if (locale !== 'en' || detail === '') return t('yaml_other');
  return /[.!?]$/.test(detail) ? detail : `${detail}.`;
}
