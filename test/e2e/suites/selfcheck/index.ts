// Tests that fail on purpose, so scripts/e2e/selfcheck.mjs can prove that the
// harness reports a failure as a non-zero exit and ends a hang at a timeout.
// Runs only when named (node test/e2e/runTest.mjs selfcheck); which failure is
// chosen by CLAUSEMARK_E2E_SELFCHECK.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runSuite, test } from '../../support/index.js';

export function run(): Promise<void> {
  const mode = process.env.CLAUSEMARK_E2E_SELFCHECK;
  if (mode === 'hang-outside-tests') return new Promise(() => {});
  return runSuite('selfcheck', [
    test('sees the workspace', () => {
      assert.equal(vscode.workspace.workspaceFolders?.[0]?.name, 'fixture-workspace');
    }),
    test(`deliberate ${mode ?? 'no-op'}`, async () => {
      if (mode === 'fail') assert.equal(vscode.workspace.workspaceFolders?.length, 42, 'SELFCHECK: this assertion fails on purpose');
      if (mode === 'hang') await new Promise(() => {});
    }),
  ]);
}
