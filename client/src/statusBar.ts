import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../server/src/protocol.js';
import type { ClientContext } from './context.js';
import { requestGaps } from './gaps.js';

/** "N gaps · M problems" for the active contract; clicking it lists the gaps. */
export class GapStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('clausemark.gaps', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  private pending: NodeJS.Timeout | undefined;

  constructor(private readonly context: ClientContext) {
    this.item.name = vscode.l10n.t('Clausemark gaps');
    this.item.command = 'clausemark.showGaps';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (event.uris.some((uri) => uri.toString() === active)) this.schedule();
      }),
    );
    this.schedule();
  }

  schedule(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.update(), 150);
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'clausemark');
    const gapIds = new Set(['unfilled-blank', 'unfilled-field']);
    const problems = diagnostics.filter(
      (d) => !gapIds.has(String(typeof d.code === 'object' ? d.code.value : d.code)) && d.severity <= vscode.DiagnosticSeverity.Warning,
    ).length;
    let gaps: number;
    try {
      gaps = (await requestGaps(this.context, document, true))?.length ?? 0;
    } catch {
      gaps = diagnostics.length - problems;
    }
    const gapText = gaps === 1 ? vscode.l10n.t('1 gap') : vscode.l10n.t('{0} gaps', gaps);
    const problemText = problems === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', problems);
    this.item.text = `$(edit) ${gapText} · $(warning) ${problemText}`;
    this.item.tooltip = vscode.l10n.t('Open gaps and problems in this contract. Click to list the gaps.');
    this.item.show();
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.item.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
