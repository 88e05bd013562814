import * as vscode from 'vscode';
import { ClausesRequest, InsertClauseRequest, type ClauseTemplateItem } from '../../../server/src/protocol.js';
import type { ClientContext } from '../context.js';

/**
 * Insert Clause…: a quick pick of the library (the contract's locale) that
 * previews each clause as it is highlighted, then inserts it with its fields.
 */
export async function insertClause(context: ClientContext, id?: string): Promise<boolean> {
  const editor = context.activeContractEditor();
  const client = context.runningClient();
  if (!editor || !client) return false;
  const document = editor.document;
  const textDocument = { uri: client.code2ProtocolConverter.asUri(document.uri) };
  let chosen = id;
  if (!chosen) {
    const templates = await client.sendRequest(ClausesRequest, { textDocument });
    if (templates.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No clause templates for this contract language.'));
      return false;
    }
    chosen = (await pick(templates))?.id;
    if (!chosen) return false;
  }
  const edits = await client.sendRequest(InsertClauseRequest, {
    textDocument,
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    id: chosen,
  });
  if (!edits) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, await client.protocol2CodeConverter.asTextEdits(edits));
  return vscode.workspace.applyEdit(edit);
}

async function pick(templates: readonly ClauseTemplateItem[]): Promise<ClauseTemplateItem | undefined> {
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { template: ClauseTemplateItem }>();
  quickPick.title = vscode.l10n.t('Insert clause');
  quickPick.placeholder = vscode.l10n.t('Type to filter; the highlighted clause is previewed below');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  const items = templates.map((template) => ({
    label: template.title,
    description: template.source === 'workspace' ? `${template.topic} · ${vscode.l10n.t('workspace')}` : template.topic,
    detail: template.description,
    template,
  }));
  quickPick.items = items;
  return new Promise((resolve) => {
    quickPick.onDidChangeActive((active) => {
      const item = active[0];
      if (!item) return;
      // The detail line shows the clause as it will read (rendered by the server), not its source.
      const excerpt = item.template.rendered || item.template.body.replace(/\s+/g, ' ').trim();
      quickPick.items = items.map((i) => (i === item ? { ...i, detail: excerpt } : i));
      quickPick.activeItems = quickPick.items.filter((i) => i.template.id === item.template.id);
    });
    quickPick.onDidAccept(() => {
      resolve(quickPick.activeItems[0]?.template);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}
