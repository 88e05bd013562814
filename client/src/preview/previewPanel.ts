import * as vscode from 'vscode';
import { PreviewRequest } from '../../../server/src/protocol.js';
import type { ClientContext } from '../context.js';
import { makeNonce, previewShell } from './previewHtml.js';

/** What the webview reports after each render: read by tests and by nothing else. */
export interface PreviewState {
  readonly uri: string;
  readonly version: number;
  readonly title: string;
  /** What the preview's tab says. */
  readonly panelTitle: string;
  readonly gapCount: number;
  /** Gap elements actually present in the webview's DOM. */
  readonly renderedGaps: number;
  readonly renderedProblems: number;
  readonly textSample: string;
  /** VS Code's theme class on the webview body (vscode-dark, vscode-light, vscode-high-contrast). */
  readonly theme: string;
  /** The computed CSS colours of the page and of the contract text. */
  readonly colors: { readonly background: string; readonly text: string };
}

type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; offset: number; end?: number }
  | {
      type: 'rendered';
      uri: string;
      version: number;
      renderedGaps: number;
      renderedProblems: number;
      textSample: string;
      theme: string;
      colors: PreviewState['colors'];
    };

/**
 * One preview beside the editor, like Markdown's: it follows the active
 * contract (its tab names the file it shows), is re-rendered by the server as
 * the document changes, scrolls with the editor, and a click on a gap selects
 * it in the source.
 */
export class PreviewManager implements vscode.Disposable {
  private preview: ContractPreview | undefined;
  private readonly following: vscode.Disposable;

  constructor(private readonly context: ClientContext) {
    this.following = vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor && editor.document.languageId === 'clausemark') this.preview?.show(editor.document);
    });
  }

  open(document: vscode.TextDocument, toSide: boolean): ContractPreview {
    if (this.preview) {
      this.preview.show(document);
      this.preview.panel.reveal(toSide ? vscode.ViewColumn.Beside : undefined, true);
      return this.preview;
    }
    const preview = new ContractPreview(this.context, document, toSide, () => {
      if (this.preview === preview) this.preview = undefined;
    });
    this.preview = preview;
    return preview;
  }

  /** The preview's state when it shows `uri`. */
  stateOf(uri: vscode.Uri): PreviewState | undefined {
    const state = this.preview?.state;
    return state?.uri === uri.toString() ? state : undefined;
  }

  dispose(): void {
    this.following.dispose();
    this.preview?.panel.dispose();
    this.preview = undefined;
  }
}

export class ContractPreview implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  state: PreviewState | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private pending: NodeJS.Timeout | undefined;
  private ready = false;
  private lastVersion = -1;
  private title = '';
  private gapCount = 0;

  constructor(
    private readonly context: ClientContext,
    private document: vscode.TextDocument,
    toSide: boolean,
    onDispose: () => void,
  ) {
    const extensionUri = context.extension.extensionUri;
    this.panel = vscode.window.createWebviewPanel(
      'clausemark.preview',
      vscode.l10n.t('Preview {0}', baseName(document.uri)),
      { viewColumn: toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] },
    );
    this.panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'preview-icon.svg');
    this.panel.webview.html = previewShell(this.panel.webview, extensionUri, makeNonce(), vscode.env.language);
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) this.schedule(250);
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => uri.toString() === this.document.uri.toString())) this.schedule(50);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        if (event.textEditor.document === this.document && event.visibleRanges[0]) {
          const top = event.visibleRanges[0].start.line;
          void this.panel.webview.postMessage({ type: 'scrollTo', offset: this.document.offsetAt(new vscode.Position(top, 0)) });
        }
      }),
      this.panel.onDidDispose(() => {
        onDispose();
        this.dispose();
      }),
    );
  }

  /** Shows another contract in this preview (the editor moved to it). */
  show(document: vscode.TextDocument): void {
    if (document === this.document) return;
    this.document = document;
    this.lastVersion = -1;
    this.state = undefined;
    this.panel.title = vscode.l10n.t('Preview {0}', baseName(document.uri));
    this.schedule(0);
  }

  private receive(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.schedule(0);
        break;
      case 'reveal':
        void this.revealInSource(message.offset, message.end ?? message.offset);
        break;
      case 'rendered':
        if (message.uri !== this.document.uri.toString()) break;
        this.state = {
          uri: message.uri,
          version: message.version,
          title: this.title,
          panelTitle: this.panel.title,
          gapCount: this.gapCount,
          renderedGaps: message.renderedGaps,
          renderedProblems: message.renderedProblems,
          textSample: message.textSample,
          theme: message.theme,
          colors: message.colors,
        };
        break;
    }
  }

  private schedule(delay: number): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.render(), delay);
  }

  private async render(): Promise<void> {
    if (!this.ready) return;
    const client = this.context.clientIfRunning();
    if (!client) {
      void this.panel.webview.postMessage({ type: 'error', message: vscode.l10n.t('The Clausemark language server is not running.') });
      return;
    }
    const document = this.document;
    const version = document.version;
    const result = await client.sendRequest(PreviewRequest, { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } });
    // A slower answer for an older version (or for the contract shown before) must not replace a newer one.
    if (!result || document !== this.document || result.version < this.lastVersion || version !== document.version) return;
    this.lastVersion = result.version;
    this.title = result.title;
    this.gapCount = result.gapCount;
    // The file name, not the contract's title: two drafts of one contract share a title.
    this.panel.title = vscode.l10n.t('Preview {0}', baseName(this.document.uri));
    void this.panel.webview.postMessage({ type: 'update', html: result.html, version: result.version, uri: document.uri.toString() });
  }

  private async revealInSource(offset: number, end: number): Promise<void> {
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: this.sourceColumn(), preserveFocus: false });
    const range = new vscode.Range(this.document.positionAt(offset), this.document.positionAt(end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private sourceColumn(): vscode.ViewColumn | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === this.document)?.viewColumn;
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}
