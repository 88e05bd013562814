import { renderContract, standaloneHtml, type ContractDocument, type Locale, type Problem } from '../core/index.js';
import { renderDocx } from './docx.js';

export type ExportFormat = 'html' | 'docx';

export interface ExportedContract {
  readonly title: string;
  readonly bytes: Uint8Array;
  readonly errorCount: number;
  readonly gapCount: number;
}

/** One rendering for every way out: the editor's Export… command and `clausemark render`. */
export async function exportContract(doc: ContractDocument, problems: readonly Problem[], format: ExportFormat, options: { showGaps: boolean; locale: Locale }): Promise<ExportedContract> {
  const rendered = renderContract(doc, problems, { showGaps: options.showGaps, locale: options.locale });
  const bytes = format === 'docx' ? await renderDocx(doc, rendered, options.locale) : new TextEncoder().encode(standaloneHtml(rendered, options.locale));
  return { title: rendered.title, bytes, errorCount: problems.filter((p) => p.severity === 'error').length, gapCount: rendered.gapCount };
}
