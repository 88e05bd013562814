/**
 * What our diagnostics carry for code actions: the version and a key per
 * problem (the core's `problemKeys`). Written by features/diagnostics.ts, read
 * back by features/codeActions.ts, which finds the problem by the key.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { DiagnosticData } from '../protocol.js';

export const DIAGNOSTIC_SOURCE = 'clausemark';

/** Reads `Diagnostic.data` written by this server; anything else is ignored. */
export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data !== 'object' || typeof data.version !== 'number' || typeof data.key !== 'string') return undefined;
  return data as DiagnosticData;
}
