import { format, type Locale } from '../core/index.js';

const CATALOGUE = {
  en: {
    usage: `Usage: clausemark <command> [options]

Commands:
  check [files|dirs|globs…]   Check contracts and print problems (default: **/*.contract.md)
  fix <files…>                Apply safe fixes in place (--dry-run prints the diff instead)
  render <file> -o <out>      Export the contract as it will read (--to html|docx, --no-gaps, --force, --overwrite)
  import <file.docx>          Convert a Word contract to FILE.contract.md and check it (-o OUT, --typed, --overwrite)

Options:
  --format <text|json|sarif>  Output format for check (default: text)
  --locale <zh-CN|en>         Language of messages (default: each contract's own)
  --config <file>             Use this .clausemark.json/.yaml instead of searching for one
  --dry-run                   With fix: print a unified diff, write nothing
  --overwrite                 With render or import: replace an existing output file
  --no-color                  Plain output
  -h, --help                  Show this help
  -v, --version               Show the version

Exit status: 0 no errors, 1 problems at error severity, 2 usage or I/O error.`,
    unknownCommand: 'Unknown command "{command}". Run clausemark --help.',
    badOption: '{detail}. Run clausemark --help.',
    badFormat: 'Unexpected format "{value}", expected text, json or sarif.',
    badLocale: 'Unexpected locale "{value}", expected zh-CN or en.',
    noFiles: 'No contracts found: pass files, folders or globs (e.g. clausemark check "contracts/**/*.contract.md").',
    noMatch: 'No files match "{pattern}".',
    missing: 'Cannot read {path}: {reason}.',
    fixNeedsFiles: 'fix needs at least one file: clausemark fix FILE [--dry-run].',
    summary: '{problems} {problemNoun} ({errors} {errorNoun}, {warnings} {warningNoun}, {notes} {noteNoun}) in {files} {fileNoun}.',
    clean: 'No problems in {files} {fileNoun}.',
    fixed: '{path}: applied {count} {fixNoun}; {remaining} {problemNoun} left.',
    nothingToFix: '{path}: nothing to fix automatically; {remaining} {problemNoun} left.',
    configError: 'Configuration problem: {detail}',
    renderUsage: 'render needs one contract and an output file: clausemark render FILE -o OUT [--to html|docx] [--no-gaps] [--force] [--overwrite].',
    badRenderFormat: 'Unexpected format "{value}", expected html or docx.',
    renderHasErrors: '{path} still has {errors} errors; fix them, or export anyway with --force.',
    rendered: 'Wrote {path} ({gaps} {gapNoun} shown).',
    importUsage: 'import needs one Word document: clausemark import FILE.docx [-o OUT.contract.md] [--typed] [--overwrite].',
    importExists: '{path} already exists; choose another name with -o, or replace it with --overwrite.',
    importFailed: 'Cannot import {path}: {reason}.',
    imported: 'Wrote {path}: {problems} gaps and problems listed above.',
    importedWithNotes:
      'Wrote {path}: {problems} gaps and problems listed above; {changes} tracked {changeNoun} accepted and {comments} {commentNoun} listed at the top of the file.',
    cannotWrite: 'Cannot write {path}: {reason}.',
    outputExists: 'Cannot write {path}: the file exists; add --overwrite to replace it.',
    outputIsInput: 'Cannot write {path}: it is the contract being rendered.',
    notRendered: '{path} was not rendered: {reason}',
    readAs: '{path}: read as {encoding}; fixes are written back in the same encoding.',
  },
  'zh-CN': {
    usage: `用法：clausemark <命令> [选项]

命令：
  check [文件|目录|通配符…]   检查合同并输出问题（默认：**/*.contract.md）
  fix <文件…>                 就地应用安全修复（加 --dry-run 则只输出差异）
  render <文件> -o <输出>      按阅读效果导出合同（--to html|docx，--no-gaps，--force，--overwrite）
  import <文件.docx>           将 Word 合同转换为 文件.contract.md 并检查（-o 输出，--typed，--overwrite）

选项：
  --format <text|json|sarif>  check 的输出格式（默认 text）
  --locale <zh-CN|en>         消息语言（默认按各合同自身的语言）
  --config <文件>             使用指定的 .clausemark.json/.yaml，而不自动查找
  --dry-run                   与 fix 同用：输出统一差异格式，不写入文件
  --overwrite                 与 render 或 import 同用：替换已存在的输出文件
  --no-color                  不使用颜色
  -h, --help                  显示帮助
  -v, --version               显示版本

退出码：0 无错误；1 存在错误级问题；2 用法或读写错误。`,
    unknownCommand: '未知命令“{command}”。请运行 clausemark --help。',
    badOption: '{detail}。请运行 clausemark --help。',
    badFormat: '输出格式“{value}”无效，应为 text、json 或 sarif。',
    badLocale: '语言“{value}”无效，应为 zh-CN 或 en。',
    noFiles: '未找到合同：请指定文件、目录或通配符（例如 clausemark check "contracts/**/*.contract.md"）。',
    noMatch: '没有文件匹配“{pattern}”。',
    missing: '无法读取 {path}：{reason}。',
    fixNeedsFiles: 'fix 需要至少一个文件：clausemark fix 文件 [--dry-run]。',
    summary: '共 {problems} 个问题（{errors} 个错误、{warnings} 个警告、{notes} 个提示），涉及 {files} 个文件。',
    clean: '{files} 个文件均无问题。',
    fixed: '{path}：已应用 {count} 处修复；尚余 {remaining} 个问题。',
    nothingToFix: '{path}：没有可自动修复的问题；尚余 {remaining} 个问题。',
    configError: '配置问题：{detail}',
    renderUsage: 'render 需要一份合同和一个输出文件：clausemark render 文件 -o 输出 [--to html|docx] [--no-gaps] [--force] [--overwrite]。',
    badRenderFormat: '导出格式“{value}”无效，应为 html 或 docx。',
    renderHasErrors: '{path} 仍有 {errors} 个错误；请先修正，或加 --force 仍然导出。',
    rendered: '已写入 {path}（显示 {gaps} 处待填）。',
    importUsage: 'import 需要一份 Word 文档：clausemark import 文件.docx [-o 输出.contract.md] [--typed] [--overwrite]。',
    importExists: '{path} 已存在；请用 -o 另选文件名，或加 --overwrite 替换。',
    importFailed: '无法导入 {path}：{reason}。',
    imported: '已写入 {path}：空白与问题共 {problems} 处，见上。',
    importedWithNotes: '已写入 {path}：空白与问题共 {problems} 处，见上；已接受 {changes} 处修订，{comments} 条批注列在文件开头。',
    cannotWrite: '无法写入 {path}：{reason}。',
    outputExists: '无法写入 {path}：文件已存在；如要替换，请加 --overwrite。',
    outputIsInput: '无法写入 {path}：它就是正在导出的合同。',
    notRendered: '{path} 未导出：{reason}',
    readAs: '{path}：按 {encoding} 编码读取，修复时按同一编码写回。',
  },
};

/** The CLI's own words, in the user's language. */
export function cliMessage(locale: Locale, key: keyof (typeof CATALOGUE)['en'], args?: Record<string, string | number>): string {
  return format(CATALOGUE, locale, key, args);
}

/** The language of the terminal: an explicit choice, else LC_ALL/LC_MESSAGES/LANG. */
export function terminalLocale(explicit: Locale | undefined, env: NodeJS.ProcessEnv): Locale {
  if (explicit) return explicit;
  const lang = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^zh/i.test(lang) ? 'zh-CN' : 'en';
}
