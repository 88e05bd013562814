import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node.js';

/** At most this many restarts within RESTART_WINDOW_MS; past that the server stays stopped. */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * What happens when the language server dies: it is started again, with a
 * notice, unless it has already died MAX_RESTARTS times in the last three
 * minutes (a contract that crashes it on every start would otherwise loop);
 * then it stays stopped and the notice points at the log, which names the
 * document the server was working on.
 */
export function restartingErrorHandler(showLog: () => void): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
      const seeLog = vscode.l10n.t('Show log');
      if (restarts.length >= MAX_RESTARTS) {
        void vscode.window
          .showErrorMessage(
            vscode.l10n.t(
              'The Clausemark language server stopped {0} times in 3 minutes and will not be restarted. The "Clausemark" output names the contract it was checking.',
              MAX_RESTARTS + 1,
            ),
            seeLog,
          )
          .then((choice) => choice === seeLog && showLog());
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      restarts.push(now);
      void vscode.window
        .showWarningMessage(vscode.l10n.t('The Clausemark language server stopped unexpectedly and was restarted.'), seeLog)
        .then((choice) => choice === seeLog && showLog());
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
