/**
 * `clausemark/export`: the preview's rendering as a file, HTML text or DOCX
 * bytes (base64), written by the client where the user chose.
 */
import { exportContract } from '../../export/exportContract.js';
import type { ExportParams, ExportResult } from '../../protocol.js';
import type { Analysis } from '../analysis.js';

export async function exportDocument(analysis: Analysis, params: ExportParams): Promise<ExportResult> {
  const format = params.format === 'docx' ? 'docx' : 'html';
  const exported = await exportContract(analysis.doc, analysis.problems, format, { showGaps: params.showGaps !== false });
  return {
    format,
    encoding: format === 'docx' ? 'base64' : 'utf8',
    data: format === 'docx' ? Buffer.from(exported.bytes).toString('base64') : new TextDecoder().decode(exported.bytes),
    title: exported.title,
    errorCount: exported.errorCount,
    gapCount: exported.gapCount,
  };
}
