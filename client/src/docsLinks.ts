import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node.js';
import { checkDocsHref, DIAGNOSTIC_SOURCE, SETTINGS_SECTION } from '../../server/src/protocol.js';

/**
 * Links each Clausemark diagnostic to its check's documentation here, from its
 * `code`, instead of receiving the same link with every diagnostic: the
 * client tells the server so with `clientAddsDocsLinks`. VS Code shows the link
 * in the Problems panel and the hover exactly as if the server had sent it.
 */
export const docsLinksMiddleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    next(uri, withDocsLinks(diagnostics));
  },
  async provideDiagnostics(document, previousResultId, token, next) {
    const report = await next(document, previousResultId, token);
    // An `unchanged` report keeps the list VS Code holds, linked when it arrived.
    if (report && 'items' in report) report.items = withDocsLinks(report.items);
    return report;
  },
};

function withDocsLinks(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  const base = docsBaseUrl();
  const targets = new Map<string, vscode.Uri>();
  for (const diagnostic of diagnostics) {
    const code = diagnostic.code;
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof code !== 'string') continue;
    let target = targets.get(code);
    if (!target) targets.set(code, (target = vscode.Uri.parse(checkDocsHref(base, code))));
    diagnostic.code = { value: code, target };
  }
  return diagnostics;
}

/** `clausemark.docsBaseUrl` read as the server reads it: trimmed, without a trailing slash, the default when empty. */
function docsBaseUrl(): string {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const set = configuration.get<unknown>('docsBaseUrl');
  const base = typeof set === 'string' ? set.trim().replace(/\/+$/, '') : '';
  return base || String(configuration.inspect<string>('docsBaseUrl')?.defaultValue ?? '');
}
