import { format, type Locale } from '../core/index.js';
import type { ImportFailureReason } from './docxPackage.js';

const CATALOGUE = {
  en: {
    tooLarge: 'the file is larger than 50 MB, which no contract is',
    encrypted: 'the document is protected with a password; open it in Word, remove the password (File › Info › Protect Document) and save it again',
    legacyDoc: 'this is a Word 97–2003 .doc file, not a .docx; open it in Word and save it as .docx',
    pdf: 'this is a PDF, not a Word document',
    notZip: 'this is not a Word document (.docx)',
    notDocx: 'this zip file is not a Word document (it has no word/document.xml)',
    corrupt: 'the Word document is damaged and cannot be read',
    bomb: 'the document unpacks to more than the import allows (a zip bomb, or parts larger than 64 MB)',
    timeout: 'reading the document took longer than {seconds} seconds',
    noteHeading: 'Imported from Word.',
    noteChanges: 'Tracked changes, accepted ({count}):',
    noteComments: 'Comments, not imported ({count}):',
    insertion: 'inserted',
    deletion: 'deleted',
    formatting: 'formatting changed',
    by: ' by {author}',
    on: ' on "{anchor}"',
  },
  'zh-CN': {
    tooLarge: '文件超过 50 MB，不像一份合同',
    encrypted: '文档设有密码保护；请在 Word 中移除密码（文件 › 信息 › 保护文档）后重新保存',
    legacyDoc: '这是 Word 97–2003 的 .doc 文件，不是 .docx；请在 Word 中另存为 .docx',
    pdf: '这是 PDF 文件，不是 Word 文档',
    notZip: '这不是 Word 文档（.docx）',
    notDocx: '这个 zip 文件不是 Word 文档（缺少 word/document.xml）',
    corrupt: 'Word 文档已损坏，无法读取',
    bomb: '文档解压后超出导入限制（压缩炸弹，或单个部件超过 64 MB）',
    timeout: '读取文档超过 {seconds} 秒',
    noteHeading: '从 Word 导入。',
    noteChanges: '修订（已全部接受，共 {count} 处）：',
    noteComments: '批注（未导入正文，共 {count} 条）：',
    insertion: '插入',
    deletion: '删除',
    formatting: '格式修改',
    by: '（{author}）',
    on: '，针对“{anchor}”',
  },
};

export type ImportMessageKey = keyof (typeof CATALOGUE)['en'];

export function importMessage(locale: Locale, key: ImportMessageKey | ImportFailureReason, args?: Record<string, string | number>): string {
  return format(CATALOGUE, locale, key, args);
}
