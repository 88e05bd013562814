/**
 * `clausemark/preview`: the contract rendered as HTML for the client's preview pane.
 */
import { renderContract } from '../../core/index.js';
import type { PreviewParams, PreviewResult } from '../../protocol.js';
import type { Analysis } from '../analysis.js';

export function preview(analysis: Analysis, params: PreviewParams): PreviewResult {
  const { title, html, gapCount, problemCount } = renderContract(analysis.doc, analysis.problems, { showGaps: params.showGaps !== false });
  return { uri: analysis.uri, version: analysis.version, title, html, gapCount, problemCount };
}
