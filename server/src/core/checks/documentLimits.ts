import type { Check } from './types.js';

/** Says plainly when a file could not be checked in full, instead of failing quietly. */
export const documentLimits: Check = {
  id: 'document-limits',
  defaultSeverity: 'warning',
  messages: {
    en: {
      summary: 'The file is binary, too large or nested too deep to be checked in full.',
      binary: 'This file contains binary data (NUL characters), so it was not checked as a contract.',
      tooLarge: 'This file is over {limit} characters, so Markdown structure was not parsed; only blanks, placeholders, amounts and dates were checked.',
      tooDeep:
        'This file nests block quotes or lists more than {limit} levels deep, so Markdown structure was not parsed; ' +
        'only blanks, placeholders, amounts and dates were checked.',
      overLimit: 'This file is over {limit} characters, the most Clausemark checks, so it was not checked at all.',
    },
    'zh-CN': {
      summary: '文件为二进制、过大或嵌套过深，未能完整检查。',
      binary: '此文件包含二进制数据（NUL 字符），未作为合同检查。',
      tooLarge: '此文件超过 {limit} 个字符，未解析 Markdown 结构，仅检查了空白、占位符、金额与日期。',
      tooDeep: '此文件的引用块或列表嵌套超过 {limit} 层，未解析 Markdown 结构，仅检查了空白、占位符、金额与日期。',
      overLimit: '此文件超过 {limit} 个字符（可检查的上限），完全未作检查。',
    },
  },
  run({ doc, report }) {
    for (const issue of doc.issues) {
      if (issue.code === 'document-limits') report({ span: issue.span, key: issue.key, args: issue.args });
    }
  },
};
