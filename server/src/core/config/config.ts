import type { CheckConfig } from '../checks/runChecks.js';
import type { Locale, Severity } from '../model.js';
import { ALL_CHECKS } from '../checks/registry.js';
import { SEVERITIES } from '../model.js';
import { format, toLocale } from '../i18n/messages.js';

/** The settings a workspace file (`.clausemark.json` / `.clausemark.yaml`) may hold. */
export interface ClausemarkConfig extends CheckConfig {
  readonly locale?: Locale | undefined;
  readonly checks?: Readonly<Record<string, Severity | 'off'>> | undefined;
}

const MESSAGES = {
  en: {
    notObject: 'Expected an object with "locale" and/or "checks".',
    unknownKey: 'Unknown setting "{key}"; expected "locale" or "checks".',
    badLocale: 'Unexpected locale "{value}", expected "zh-CN" or "en".',
    checksObject: 'Expected "checks" to map check ids to a severity or "off".',
    unknownCheck: 'Unknown check "{id}". Known checks: {ids}.',
    badSeverity: 'Unexpected setting "{value}" for check "{id}", expected one of: error, warning, info, hint, off, true, false.',
  },
  'zh-CN': {
    notObject: '配置应为包含 "locale" 和/或 "checks" 的对象。',
    unknownKey: '未知设置“{key}”，应为 "locale" 或 "checks"。',
    badLocale: '语言“{value}”无效，应为 "zh-CN" 或 "en"。',
    checksObject: '"checks" 应将检查 id 映射到严重级别或 "off"。',
    unknownCheck: '未知检查“{id}”。已有检查：{ids}。',
    badSeverity: '检查“{id}”的设置“{value}”无效，应为 error、warning、info、hint、off、true、false 之一。',
  },
};

/**
 * Validates plain data (already parsed from JSON or YAML) as a Clausemark
 * configuration. Returns what is valid plus one readable message per mistake.
 */
export function validateConfig(data: unknown, locale: Locale = 'en'): { config: ClausemarkConfig; errors: string[] } {
  const errors: string[] = [];
  const t = (key: string, args?: Record<string, string>) => format(MESSAGES, locale, key, args);
  if (data === null || data === undefined) return { config: {}, errors };
  if (typeof data !== 'object' || Array.isArray(data)) return { config: {}, errors: [t('notObject')] };
  const record = data as Record<string, unknown>;
  let configLocale: Locale | undefined;
  const checks: Record<string, Severity | 'off'> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === '$schema') continue;
    if (key === 'locale') {
      configLocale = toLocale(value);
      if (configLocale === undefined) errors.push(t('badLocale', { value: String(value) }));
    } else if (key === 'checks') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(t('checksObject'));
        continue;
      }
      for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
        const check = ALL_CHECKS.find((c) => c.id === id);
        if (!check) {
          errors.push(t('unknownCheck', { id, ids: ALL_CHECKS.map((c) => c.id).join(', ') }));
          continue;
        }
        if (setting === false || setting === 'off') checks[id] = 'off';
        else if (setting === true) checks[id] = check.defaultSeverity;
        else if (typeof setting === 'string' && (SEVERITIES as readonly string[]).includes(setting)) checks[id] = setting as Severity;
        else errors.push(t('badSeverity', { id, value: JSON.stringify(setting) }));
      }
    } else {
      errors.push(t('unknownKey', { key }));
    }
  }
  return { config: { ...(configLocale ? { locale: configLocale } : {}), ...(Object.keys(checks).length ? { checks } : {}) }, errors };
}

/** Later configurations override earlier ones, check by check. */
export function mergeConfigs(...configs: ReadonlyArray<ClausemarkConfig | undefined>): ClausemarkConfig {
  let locale: Locale | undefined;
  const checks: Record<string, Severity | 'off'> = {};
  for (const config of configs) {
    if (!config) continue;
    if (config.locale) locale = config.locale;
    Object.assign(checks, config.checks ?? {});
  }
  return { ...(locale ? { locale } : {}), ...(Object.keys(checks).length ? { checks } : {}) };
}
