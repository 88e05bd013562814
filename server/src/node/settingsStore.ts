/**
 * Settings per resource, as vscode-eslint reads them: the editor's, fetched
 * per uri and cached by uri, merged over the nearest workspace file
 * (`.clausemark.json|yaml`), and forgotten when either changes. How the
 * editor is asked is the language server's business (`SettingsSource.fetch`).
 */
import { mergeConfigs, readEditorSettings, type ClausemarkConfig } from '../core/index.js';
import { filePath } from './workspace.js';
import { configForContract, notSeenBefore } from './workspaceConfig.js';

/** Everything the analysis of one document depends on besides its text. */
export interface ResolvedSettings {
  /** The workspace file merged with the editor settings (which win). */
  readonly config: ClausemarkConfig;
  readonly docsBaseUrl: string;
  /** Bumped whenever settings may have changed, so cached analyses know they are stale. */
  readonly generation: number;
  readonly diagnosticsDelay: number | undefined;
}

export interface SettingsSource {
  /** The editor's `clausemark` settings for `uri`, as it sent them; resolves to `{}` when it cannot say. */
  fetch(uri: string): Promise<unknown>;
  /** Told about each broken setting or workspace file, once. */
  report(message: string): void;
  /** File-system paths of the open workspace folders. */
  workspaceFolders(): readonly string[];
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  private readonly reported = new Set<string>();
  private currentGeneration = 0;

  constructor(private readonly source: SettingsSource) {}

  get generation(): number {
    return this.currentGeneration;
  }

  /** The settings that apply to `uri`; never rejects (falls back to defaults). */
  get(uri: string): Promise<ResolvedSettings> {
    let settings = this.cache.get(uri);
    if (!settings) this.cache.set(uri, (settings = this.resolve(uri)));
    return settings;
  }

  /** Forgets every cached setting: the editor's settings or a workspace file changed. */
  invalidate(): void {
    this.cache.clear();
    this.currentGeneration++;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async resolve(uri: string): Promise<ResolvedSettings> {
    const generation = this.currentGeneration;
    const editor = readEditorSettings(await this.source.fetch(uri));
    const path = filePath(uri);
    const file = path === undefined ? undefined : configForContract(path, this.source.workspaceFolders(), editor.messageLocale);
    notSeenBefore(this.reported, [...editor.errors, ...(file?.errors ?? [])]).forEach((message) => this.source.report(message));
    return { config: mergeConfigs(file?.config, editor.config), docsBaseUrl: editor.docsBaseUrl, generation, diagnosticsDelay: editor.diagnosticsDelay };
  }
}
