import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeContract, fixAll, snippetsFileText, sortTemplates } from '../../../server/src/core/index.js';
import { declareInline } from '../../../server/src/core/clauses/index.js';
import { LOCALES, describeProblems, loadTemplates, unexpectedProblems } from './library.js';

const FILE = join(process.cwd(), 'snippets', 'clausemark.code-snippets');
const templates = LOCALES.flatMap(loadTemplates);

interface SnippetEntry {
  prefix: string | string[];
  description: string;
  body: string[];
}

/**
 * Expands a snippet the way VS Code does for its first suggestion: each
 * `${n:default}` becomes its default, `$n` nothing, escapes their character.
 * Also checks that a tab stop repeated keeps the same default (a mirror).
 */
function expand(snippet: string): { text: string; stops: Map<number, string> } {
  const stops = new Map<number, string>();
  let text = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i]!;
    if (c === '\\' && '$}\\'.includes(snippet[i + 1] ?? '')) {
      text += snippet[++i];
      continue;
    }
    if (c !== '$') {
      text += c;
      continue;
    }
    const placeholder = /^\$\{(\d+):/.exec(snippet.slice(i));
    if (placeholder) {
      let j = i + placeholder[0].length;
      let value = '';
      while (snippet[j] !== '}') {
        assert.ok(j < snippet.length, 'an unclosed placeholder');
        assert.notEqual(snippet[j], '$', 'no nested placeholders');
        if (snippet[j] === '\\' && '$}\\'.includes(snippet[j + 1] ?? '')) j++;
        value += snippet[j++];
      }
      const n = Number(placeholder[1]);
      assert.ok(!stops.has(n) || stops.get(n) === value, `tab stop ${n} mirrors the same default`);
      stops.set(n, value);
      text += value;
      i = j;
      continue;
    }
    const tabstop = /^\$(\d+)/.exec(snippet.slice(i));
    assert.ok(tabstop, `an unescaped $ at ${i}: ${JSON.stringify(snippet.slice(i, i + 20))}`);
    i += tabstop[0].length - 1;
  }
  return { text, stops };
}

test('the generated snippets file is up to date with the clause library', () => {
  assert.equal(readFileSync(FILE, 'utf8'), snippetsFileText(templates), 'run npm run build:snippets');
});

test('each clause has a snippet per locale, and each locale a new-contract snippet', () => {
  const snippets = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, SnippetEntry>;
  const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
  assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
  // Every snippet can be reached by typing ASCII only (no IME).
  for (const snippet of Object.values(snippets))
    assert.ok(
      [snippet.prefix].flat().some((p) => /^[a-z-]+$/.test(p)),
      String(snippet.prefix),
    );
  assert.ok(prefixes.includes('cm-zh-fees-payment') && prefixes.includes('cm-zh-new-contract'));
  for (const template of templates) {
    const snippet = Object.values(snippets).find((s) => [s.prefix].flat().includes(`cm-${template.topic}`) && s.description.startsWith(template.title));
    assert.ok(snippet, `${template.locale}/${template.id}`);
    assert.ok(snippet.description.includes(template.description));
  }
  assert.ok(prefixes.includes('cm-new-contract'));
  assert.ok(prefixes.includes('cm-新合同'));
  assert.ok(prefixes.includes('cm-fees') && prefixes.includes('cm-费用'));
  for (const snippet of Object.values(snippets)) {
    assert.ok(Array.isArray(snippet.body) && snippet.body.every((line) => typeof line === 'string' && !/[\r\n]/.test(line)));
    assert.match(snippet.body.join('\n'), /\$\{1:[^}]+\}/, `${snippet.prefix} has tab stops`);
  }
});

test('a clause snippet expands to its clause with every field declared at its first use', () => {
  for (const template of templates) {
    const snippets = JSON.parse(snippetsFileText([template])) as Record<string, SnippetEntry>;
    const entry = Object.values(snippets).find((s) => [s.prefix].flat().includes(`cm-${template.topic}`))!;
    const { text, stops } = expand(entry.body.join('\n'));
    assert.equal(text, declareInline(template.body, template.fields), `${template.locale}/${template.id}`);
    assert.deepEqual([...stops.values()].sort(), template.fields.map((f) => f.name).sort(), 'one tab stop per field');
    // Pasted into a contract without front matter, the inline declarations keep it typed;
    // a static snippet keeps its default clause number, which the renumber fix puts right.
    const contract = `${template.locale === 'zh-CN' ? '# 合同' : '# Agreement'}\n\n${text}\n`;
    const problems = unexpectedProblems(contract).filter((p) => p.checkId !== 'clause-numbering');
    assert.deepEqual(problems, [], describeProblems(contract, problems));
    const renumbered = fixAll(contract).text;
    assert.deepEqual(unexpectedProblems(renumbered), [], describeProblems(renumbered, unexpectedProblems(renumbered)));
  }
});

test('the new-contract snippet expands to the composed contract of its locale', () => {
  const snippets = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, SnippetEntry>;
  for (const [locale, prefix, title, currency] of [
    ['zh-CN', 'cm-新合同', '人工智能模型训练服务合同', 'CNY'],
    ['en', 'cm-new-contract', 'AI Model Training Services Agreement', 'USD'],
  ] as const) {
    const entry = Object.values(snippets).find((s) => [s.prefix].flat().includes(prefix))!;
    const { text, stops } = expand(entry.body.join('\n'));
    assert.deepEqual([...stops.entries()], [[1, title]]);
    const expected = composeContract(sortTemplates(loadTemplates(locale)), { title, locale, currency });
    assert.equal(text, expected);
    assert.deepEqual(unexpectedProblems(text), []);
  }
});
