/**
 * How the server asks for the editor's settings: with `workspace/configuration`
 * per resource, else the ones a client last pushed with `didChangeConfiguration`.
 * Caching, merging and validating them is node/settingsStore.ts's work.
 */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { isRecord } from '../core/index.js';
import type { SettingsSource } from '../node/settingsStore.js';
import { SETTINGS_SECTION } from '../protocol.js';

export { SettingsStore, type ResolvedSettings } from '../node/settingsStore.js';

export class ClientSettings implements SettingsSource {
  /** Settings a client without `workspace/configuration` sent with `didChangeConfiguration`. */
  private pushed: unknown = {};

  constructor(
    private readonly connection: Connection,
    private readonly configurationSupport: boolean,
    readonly workspaceFolders: () => readonly string[],
  ) {}

  async fetch(uri: string): Promise<unknown> {
    if (!this.configurationSupport) return this.pushed;
    try {
      return await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
    } catch (error) {
      this.connection.console.warn(`Could not read the clausemark settings: ${String((error as Error)?.message ?? error)}`);
      return {};
    }
  }

  report(message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  /** Takes the `clausemark` section of `workspace/didChangeConfiguration`: how a client that cannot be asked sends settings. */
  receive(settings: unknown): void {
    if (isRecord(settings) && isRecord(settings[SETTINGS_SECTION])) this.pushed = settings[SETTINGS_SECTION];
  }
}
