/**
 * Settings per resource, as vscode-eslint reads them: asked of the client with
 * `workspace/configuration`, cached by uri, merged over the nearest workspace
 * file (`.clausemark.json|yaml`), and forgotten when either changes.
 */
import { dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { mergeConfigs, toLocale, validateConfig, type ClausemarkConfig, type Locale } from '../core/index.js';
import { loadWorkspaceConfig } from '../node/workspaceConfig.js';
import { SETTINGS_SECTION, type ClausemarkSettings } from '../protocol.js';

export const DEFAULT_DOCS_BASE_URL = 'https://github.com/clausemark/clausemark/blob/main/docs';

/** Everything the analysis of one document depends on besides its text. */
export interface ResolvedSettings {
  /** The workspace file merged with the editor settings (which win). */
  readonly config: ClausemarkConfig;
  readonly docsBaseUrl: string;
  /** Bumped whenever settings may have changed, so cached analyses know they are stale. */
  readonly generation: number;
  /** `clausemark.diagnosticsDelay`, when set to a sensible number of milliseconds. */
  readonly diagnosticsDelay: number | undefined;
}

export interface SettingsSource {
  /** Whether the client answers `workspace/configuration`. */
  readonly configurationSupport: boolean;
  /** File-system paths of the open workspace folders. */
  workspaceFolders(): readonly string[];
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  private readonly reported = new Set<string>();
  private currentGeneration = 0;
  /** Settings a client without `workspace/configuration` sent with `didChangeConfiguration`. */
  private pushed: ClausemarkSettings = {};

  constructor(
    private readonly connection: Connection,
    private readonly source: SettingsSource,
  ) {}

  get generation(): number {
    return this.currentGeneration;
  }

  /** The settings that apply to `uri`; never rejects (falls back to defaults). */
  get(uri: string): Promise<ResolvedSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.resolve(uri);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Forgets every cached setting: the client's settings or a workspace file changed. */
  invalidate(): void {
    this.cache.clear();
    this.currentGeneration++;
  }

  /**
   * Takes the `clausemark` section of a `workspace/didChangeConfiguration`
   * notification: the only way a client that cannot be asked sends settings.
   */
  receive(settings: unknown): void {
    const section = isRecord(settings) ? settings[SETTINGS_SECTION] : undefined;
    if (isRecord(section)) this.pushed = section as ClausemarkSettings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async resolve(uri: string): Promise<ResolvedSettings> {
    const generation = this.currentGeneration;
    const editor = await this.editorSettings(uri);
    const localeSetting = editor.locale === undefined || editor.locale === 'auto' ? undefined : editor.locale;
    const { config: editorConfig, errors: editorErrors } = validateConfig(
      { ...(localeSetting ? { locale: localeSetting } : {}), ...(isRecord(editor.checks) ? { checks: editor.checks } : {}) },
      toLocale(localeSetting) ?? 'en',
    );
    this.reportOnce(editorErrors.map((e) => `clausemark settings: ${e}`));
    const fileConfig = this.workspaceFileConfig(uri, editorConfig.locale);
    const docsBaseUrl =
      typeof editor.docsBaseUrl === 'string' && editor.docsBaseUrl.trim() !== '' ? editor.docsBaseUrl.trim().replace(/\/+$/, '') : DEFAULT_DOCS_BASE_URL;
    return { config: mergeConfigs(fileConfig, editorConfig), docsBaseUrl, generation, diagnosticsDelay: diagnosticsDelay(editor.diagnosticsDelay) };
  }

  private async editorSettings(uri: string): Promise<ClausemarkSettings> {
    if (!this.source.configurationSupport) return this.pushed;
    try {
      const value: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      return isRecord(value) ? (value as ClausemarkSettings) : {};
    } catch (error) {
      this.connection.console.warn(`Could not read the clausemark settings: ${String((error as Error)?.message ?? error)}`);
      return {};
    }
  }

  private workspaceFileConfig(uri: string, locale: Locale | undefined): ClausemarkConfig | undefined {
    const path = filePath(uri);
    if (path === undefined) return undefined;
    const dir = dirname(path);
    const folder = this.source
      .workspaceFolders()
      .filter((f) => dir === f || dir.startsWith(f.endsWith(sep) ? f : f + sep))
      .sort((a, b) => b.length - a.length)[0];
    const loaded = loadWorkspaceConfig(dir, folder, locale ?? 'en');
    this.reportOnce(loaded.errors);
    return loaded.config;
  }

  /** A broken config file is worth one message, not one per keystroke. */
  private reportOnce(errors: readonly string[]): void {
    for (const error of errors) {
      if (this.reported.has(error)) continue;
      this.reported.add(error);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: error });
    }
  }
}

/** The file-system path of a `file:` uri, else undefined. */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** A delay in milliseconds from settings: a whole number from 0 to 10 seconds, else none. */
export function diagnosticsDelay(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10_000 ? Math.round(value) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
