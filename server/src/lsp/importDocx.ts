import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { ImportDocxParams, ImportDocxResult } from '../protocol.js';
import type * as Import from '../import/importContract.js';

/** `clausemark/importDocx`: the same import as `clausemark import`, for the editor's Import Word Document… command. */
export async function importDocxRequest(params: ImportDocxParams): Promise<ImportDocxResult> {
  if (typeof params?.data !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'clausemark/importDocx: data (base64) is required');
  // Loaded on first use, so that starting the server does not pay for mammoth and the HTML parser.
  const { ImportFailure, importDocx, importMessage, LIMITS }: typeof Import = await import('../import/importContract.js');
  const locale = params.locale === 'zh-CN' ? 'zh-CN' : 'en';
  // base64 is 4/3 of the bytes: refuse before decoding what could not be a contract.
  if (params.data.length > (LIMITS.fileBytes * 4) / 3 + 4) return { ok: false, message: importMessage(locale, 'tooLarge') };
  try {
    const imported = await importDocx(Buffer.from(params.data, 'base64'), { typed: Boolean(params.typed) });
    return { ok: true, text: imported.text, changes: imported.findings.changes.length, comments: imported.findings.comments.length };
  } catch (error) {
    if (!(error instanceof ImportFailure)) throw error;
    return { ok: false, message: importMessage(locale, error.reason, { seconds: error.message.split(': ')[1] ?? '' }) };
  }
}
