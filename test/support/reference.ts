/**
 * The real agreement some acceptance tests read. It lives beside the project
 * (`../shared/reference/`), never inside it, so a fresh clone does not have
 * it: those tests then skip, each with the same one-line reason, instead of
 * failing. CLAUSEMARK_REFERENCE points at another copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// out/test/support/reference.js → the project root, whatever the working directory.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const REFERENCE_PATH = process.env['CLAUSEMARK_REFERENCE'] ?? resolve(ROOT, '..', 'shared', 'reference', 'ai-training-agreement.zh.txt');

export const REFERENCE_AVAILABLE = existsSync(REFERENCE_PATH);

/** The `skip` option for a test that needs the agreement: false when it is there, else the reason. */
export const NEEDS_REFERENCE: false | string = REFERENCE_AVAILABLE
  ? false
  : `reference agreement absent (${REFERENCE_PATH}); set CLAUSEMARK_REFERENCE to run it`;

/** The agreement's text, or '' when absent (tests that use it are skipped then). */
export const REFERENCE_TEXT = REFERENCE_AVAILABLE ? readFileSync(REFERENCE_PATH, 'utf8') : '';
