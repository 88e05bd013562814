/**
 * A contract from someone else is opened: its `data:` must not read files
 * outside the workspace, devices, or anything at all in an untrusted
 * workspace, and the user is told why each time. Real LSP over stdio.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient, positionOf } from './lspClient.js';

const contract = (data: string) =>
  ['---', 'title: Deal', 'locale: en', `data: ${data}`, 'fields:', '  price: money', '---', '# Deal', '', 'The price is {{price}}.', ''].join('\n');

/** A workspace folder inside a scratch folder that also holds a secret beside it. */
function layout(): { outer: string; workspace: string } {
  const outer = mkdtempSync(join(tmpdir(), 'clausemark-data-'));
  const workspace = join(outer, 'workspace');
  mkdirSync(join(workspace, 'deals'), { recursive: true });
  writeFileSync(join(outer, 'secret.yaml'), 'price: "SECRET-9999"\n');
  writeFileSync(join(workspace, 'values.yaml'), 'price: 1200 USD\n');
  return { outer, workspace };
}

async function hoverText(client: LspClient, uri: string, text: string): Promise<string> {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'price}}') });
  return JSON.stringify(hover?.contents ?? '');
}

describe('data: files', () => {
  it('reads a data file inside the workspace, and refuses one outside it, through a link, or a device', async () => {
    const { outer, workspace } = layout();
    symlinkSync(join(outer, 'secret.yaml'), join(workspace, 'linked.yaml'));
    spawnSync('mkfifo', [join(workspace, 'pipe.yaml')]);
    const client = await LspClient.start({ workspaceFolder: workspace });
    try {
      const cases: Array<[string, RegExp | undefined]> = [
        ['../values.yaml', undefined],
        ['../../secret.yaml', /outside the workspace/],
        ['../linked.yaml', /outside the workspace/],
        ['/etc/passwd', /outside the workspace/],
        ['/dev/zero', /outside the workspace/],
        ['../pipe.yaml', /not a regular file/],
      ];
      for (const [i, [data, refusal]] of cases.entries()) {
        const uri = pathToFileURL(join(workspace, 'deals', `deal${i}.contract.md`)).href;
        const text = contract(data);
        await client.open(uri, text);
        const messages = (await client.diagnosticsFor(uri, 1)).map((d) => d.message);
        const hover = await hoverText(client, uri, text);
        assert.doesNotMatch(hover, /SECRET/, data);
        if (refusal)
          assert.ok(
            messages.some((m) => refusal.test(m)),
            `${data}: ${messages.join(' | ')}`,
          );
        else assert.match(hover, /1,200/, data);
      }
    } finally {
      await client.stop();
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('refuses a data file over 1 MiB', async () => {
    const { outer, workspace } = layout();
    writeFileSync(join(workspace, 'big.yaml'), `price: 1 USD\n#${'x'.repeat(1024 * 1024)}\n`);
    const client = await LspClient.start({ workspaceFolder: workspace });
    try {
      const uri = pathToFileURL(join(workspace, 'deal.contract.md')).href;
      await client.open(uri, contract('big.yaml'));
      assert.ok((await client.diagnosticsFor(uri, 1)).some((d) => /larger than 1 MiB/.test(d.message)));
    } finally {
      await client.stop();
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('reads nothing in an untrusted workspace, says so, and reads it once trust is granted', async () => {
    const { outer, workspace } = layout();
    const client = await LspClient.start({ workspaceFolder: workspace, initializationOptions: { workspaceTrusted: false } });
    try {
      const uri = pathToFileURL(join(workspace, 'deal.contract.md')).href;
      const text = contract('values.yaml');
      await client.open(uri, text);
      const untrusted = await client.diagnosticsFor(uri, 1);
      assert.ok(
        untrusted.some((d) => /not trusted/.test(d.message)),
        untrusted.map((d) => d.message).join(' | '),
      );
      assert.doesNotMatch(await hoverText(client, uri, text), /1,200/);
      const since = client.notifications.length;
      await client.notify('clausemark/workspaceTrusted', null);
      await client.diagnosticsFor(uri, 1, since);
      assert.match(await hoverText(client, uri, text), /1,200/);
    } finally {
      await client.stop();
      rmSync(outer, { recursive: true, force: true });
    }
  });

  it('sees a data file change on the next analysis', async () => {
    const { outer, workspace } = layout();
    const client = await LspClient.start({ workspaceFolder: workspace });
    try {
      const uri = pathToFileURL(join(workspace, 'deal.contract.md')).href;
      const text = contract('values.yaml');
      await client.open(uri, text);
      assert.match(await hoverText(client, uri, text), /1,200/);
      writeFileSync(join(workspace, 'values.yaml'), 'price: 3400 USD\n');
      await client.change(uri, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: ' ' }]);
      const hover = await client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 9, character: positionOf(text, 'price}}').character + 1 },
      });
      assert.match(JSON.stringify(hover?.contents ?? ''), /3,400/);
    } finally {
      await client.stop();
      rmSync(outer, { recursive: true, force: true });
    }
  });
});
