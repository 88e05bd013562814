import * as vscode from 'vscode';

/**
 * The webview page: a strict Content-Security-Policy (no inline script or
 * style without the nonce, nothing from the network), our stylesheet and
 * script from `media/`, and an empty article the script fills in.
 */
export function previewShell(webview: vscode.Webview, extensionUri: vscode.Uri, nonce: string, locale: string): string {
  const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('preview.css')}">
<title>Clausemark</title>
</head>
<body>
<main id="clausemark-preview" aria-live="polite"><p class="cm-loading">…</p></main>
<script nonce="${nonce}" src="${media('preview.js')}"></script>
</body>
</html>`;
}

/** A fresh random nonce for each page load. */
export function makeNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let nonce = '';
  for (let i = 0; i < 32; i++) nonce += alphabet[Math.floor(Math.random() * alphabet.length)];
  return nonce;
}
