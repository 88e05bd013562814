import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { ImportDocxParams, ImportDocxResult } from '../protocol.js';
import type * as Import from '../import/importContract.js';

/** `clausemark/importDocx`: the same import as `clausemark import`, for the editor's Import Word Document… command. */
export async function importDocxRequest(params: ImportDocxParams): Promise<ImportDocxResult> {
  if (typeof params?.data !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'clausemark/importDocx: data (base64) is required');
  // Loaded on first use, so that starting the server does not pay for mammoth and the HTML parser.
  const { importBase64Docx }: typeof Import = await import('../import/importContract.js');
  return importBase64Docx(params.data, { typed: Boolean(params.typed), locale: params.locale === 'zh-CN' ? 'zh-CN' : 'en' });
}
