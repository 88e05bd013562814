import * as vscode from 'vscode';
import { GapsRequest, type GapItem } from '../../server/src/protocol.js';
import type { ClientContext } from './context.js';

/** Asks the server for the open gaps of a document, in document order. */
export async function requestGaps(context: ClientContext, document: vscode.TextDocument, quiet = false): Promise<GapItem[] | undefined> {
  const client = quiet ? context.clientIfRunning() : context.runningClient();
  if (!client) return undefined;
  const gaps = await client.sendRequest(GapsRequest, { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } });
  return gaps ?? [];
}

/** The open gaps, or a note saying there are none (then `undefined`, as when the server is not running). */
async function openGaps(context: ClientContext, document: vscode.TextDocument): Promise<GapItem[] | undefined> {
  const gaps = await requestGaps(context, document);
  if (gaps && gaps.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No open gaps: every blank and placeholder is filled in.'));
    return undefined;
  }
  return gaps;
}

/** Moves the cursor to the next (or previous) gap, wrapping around the document. */
export async function goToGap(context: ClientContext, direction: 1 | -1): Promise<void> {
  const editor = context.activeContractEditor();
  if (!editor) return;
  const gaps = await openGaps(context, editor.document);
  if (!gaps) return;
  const ranges = gaps.map((gap) => context.client.protocol2CodeConverter.asRange(gap.range));
  const cursor = editor.selection.active;
  const target =
    direction === 1
      ? (ranges.find((r) => r.start.isAfter(cursor)) ?? ranges[0]!)
      : ([...ranges].reverse().find((r) => r.start.isBefore(cursor) && !r.contains(cursor)) ?? ranges[ranges.length - 1]!);
  reveal(editor, target);
}

/** Lists every gap in a quick pick; choosing one jumps to it. */
export async function showGaps(context: ClientContext, uri?: vscode.Uri): Promise<void> {
  const editor = uri ? await vscode.window.showTextDocument(uri) : context.activeContractEditor();
  if (!editor) return;
  const gaps = await openGaps(context, editor.document);
  if (!gaps) return;
  const items = gaps.map((gap) => {
    const range = context.client.protocol2CodeConverter.asRange(gap.range);
    const line = editor.document.lineAt(range.start.line).text.trim();
    return {
      label: gap.label ?? gap.field ?? editor.document.getText(range),
      description: [gap.kind === 'blank' ? vscode.l10n.t('blank') : vscode.l10n.t('placeholder'), gap.type, vscode.l10n.t('line {0}', range.start.line + 1)]
        .filter(Boolean)
        .join(' · '),
      detail: line.length > 120 ? `${line.slice(0, 117)}…` : line,
      range,
    };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('{0} open gaps', gaps.length),
    placeHolder: vscode.l10n.t('Choose a gap to fill in'),
    matchOnDescription: true,
    matchOnDetail: true,
    onDidSelectItem: (item: (typeof items)[number]) => reveal(editor, item.range, true),
  });
  if (picked) reveal(editor, picked.range);
}

function reveal(editor: vscode.TextEditor, range: vscode.Range, preview = false): void {
  if (!preview) editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
