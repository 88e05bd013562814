import type { Check } from './types.js';

/** The filters rendering knows: an amount in 大写 or in English words. */
const FILTERS: ReadonlySet<string> = new Set(['大写', 'words']);

/** A `{{…}}` that cannot be read as a placeholder, or names a filter no one knows. */
export const placeholderSyntax: Check = {
  id: 'placeholder-syntax',
  defaultSeverity: 'error',
  messages: {
    en: {
      summary: 'A placeholder is malformed.',
      unclosed: 'Unclosed placeholder: expected "}}" before the end of the line.',
      emptyName: 'Empty placeholder: expected a field name, e.g. {{总费用}}.',
      badName: 'Unexpected field name "{name}": use letters, digits, spaces, "_" or "-".',
      unknownType: 'Unexpected type "{type}" in placeholder "{name}", expected one of: {types}.',
      emptyFilter: 'Empty filter after "|": expected e.g. 大写 or words.',
      unknownFilter: 'Unexpected filter "{filter}", expected 大写 (Chinese capital-money words) or words (English words).',
    },
    'zh-CN': {
      summary: '占位符格式有误。',
      unclosed: '占位符未闭合：本行结束前缺少“}}”。',
      emptyName: '占位符为空：应写字段名，例如 {{总费用}}。',
      badName: '字段名“{name}”无效：只能使用文字、数字、空格、“_”或“-”。',
      unknownType: '占位符“{name}”的类型“{type}”无效，应为：{types}。',
      emptyFilter: '“|”后缺少格式，例如 大写 或 words。',
      unknownFilter: '格式“{filter}”无效，应为 大写（中文大写金额）或 words（英文金额）。',
    },
  },
  run({ doc, report }) {
    for (const issue of doc.issues) {
      if (issue.code === 'placeholder-syntax') report({ span: issue.span, key: issue.key, args: issue.args });
    }
    // A mistyped filter would otherwise render the figure where the words belong, unnoticed.
    for (const placeholder of doc.placeholders) {
      if (placeholder.filter === undefined || FILTERS.has(placeholder.filter)) continue;
      report({ span: placeholder.filterSpan ?? placeholder.span, key: 'unknownFilter', args: { filter: placeholder.filter } });
    }
  },
};
