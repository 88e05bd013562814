/**
 * The editor's `clausemark.*` settings, read and validated: what the language
 * server fetches from the client, as a configuration the checks understand.
 */
import type { Locale } from '../model.js';
import { toLocale } from '../i18n/messages.js';
import { validateConfig, type ClausemarkConfig } from './config.js';

export const DEFAULT_DOCS_BASE_URL = 'https://github.com/clausemark/clausemark/blob/main/docs';

export interface EditorSettings {
  /** The locale and check severities set in the editor; they win over the workspace file. */
  readonly config: ClausemarkConfig;
  /** The language the workspace file's own errors are reported in. */
  readonly messageLocale: Locale;
  readonly docsBaseUrl: string;
  /** `diagnosticsDelay`, when set to a sensible number of milliseconds. */
  readonly diagnosticsDelay: number | undefined;
  /** One readable line per setting that was ignored. */
  readonly errors: readonly string[];
}

/** Reads the `clausemark` section as a client sent it; anything malformed is reported and left out. */
export function readEditorSettings(section: unknown): EditorSettings {
  const settings = isRecord(section) ? section : {};
  const locale = settings['locale'] === 'auto' ? undefined : settings['locale'];
  const messageLocale = toLocale(locale) ?? 'en';
  const { config, errors } = validateConfig(
    { ...(locale !== undefined ? { locale } : {}), ...(isRecord(settings['checks']) ? { checks: settings['checks'] } : {}) },
    messageLocale,
  );
  const docsBaseUrl = typeof settings['docsBaseUrl'] === 'string' ? settings['docsBaseUrl'].trim().replace(/\/+$/, '') : '';
  return {
    config,
    messageLocale: config.locale ?? 'en',
    docsBaseUrl: docsBaseUrl || DEFAULT_DOCS_BASE_URL,
    diagnosticsDelay: diagnosticsDelay(settings['diagnosticsDelay']),
    errors: errors.map((e) => `clausemark settings: ${e}`),
  };
}

/** A delay in milliseconds from settings: a whole number from 0 to 10 seconds, else none. */
export function diagnosticsDelay(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10_000 ? Math.round(value) : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
