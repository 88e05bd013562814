import { renderContract, standaloneHtml, type ContractDocument, type Problem } from '../core/index.js';
import { renderDocx } from './docx.js';

export type ExportFormat = 'html' | 'docx';

export interface ExportedContract {
  readonly title: string;
  readonly bytes: Uint8Array;
  readonly errorCount: number;
  readonly gapCount: number;
}

/** One rendering for every way out: the editor's Export… command and `clausemark render`. */
export async function exportContract(
  doc: ContractDocument,
  problems: readonly Problem[],
  format: ExportFormat,
  options: { showGaps: boolean },
): Promise<ExportedContract> {
  // Labels in the message locale (`doc.locale`); values in the contract's own, as the renderer does.
  const rendered = renderContract(doc, problems, { showGaps: options.showGaps });
  const bytes = format === 'docx' ? await renderDocx(doc, rendered, doc.locale) : new TextEncoder().encode(standaloneHtml(rendered, doc.contractLocale));
  return { title: rendered.title, bytes, errorCount: problems.filter((p) => p.severity === 'error').length, gapCount: rendered.gapCount };
}
