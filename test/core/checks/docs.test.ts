/**
 * docs/checks.md is a test suite: every `contract ok` / `contract not-ok`
 * example runs through the checker at test time, so the documentation cannot
 * drift from what the checks do (remark-lint's habit). Also: every check is
 * documented in registry order with its real default severity and fix, and
 * every message a check can say exists in both locales.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ALL_CHECKS, format, parseContract, runChecks, type Check, type ContractDocument, type Locale } from '../../../server/src/core/index.js';
import { chineseLeaks, differences, englishLeaks, locate, readExpectations } from './expectations.js';
import { readFixtures } from './fixtureFiles.js';

const DOC = readFileSync(new URL('../../../../docs/checks.md', import.meta.url), 'utf8');

interface Example {
  readonly section: string;
  readonly kind: 'ok' | 'not-ok';
  readonly text: string;
  readonly locale: Locale;
  /** 1-based line of the opening fence in checks.md, for messages. */
  readonly at: number;
}

interface Section {
  readonly id: string;
  readonly body: string;
  readonly examples: Example[];
}

function readSections(markdown: string): Section[] {
  const lines = markdown.split('\n');
  const sections: Section[] = [];
  let current: { id: string; start: number } | undefined;
  const close = (end: number) => {
    if (!current) return;
    const body = lines.slice(current.start, end).join('\n');
    sections.push({ id: current.id, body, examples: readExamples(current.id, lines, current.start, end) });
  };
  let fenced = false;
  lines.forEach((line, i) => {
    // Examples contain headings of their own; only headings outside fences open a section.
    if (/^```/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^## (\S+)\s*$/.exec(line);
    if (!heading) return;
    close(i);
    current = { id: heading[1]!, start: i + 1 };
  });
  close(lines.length);
  return sections;
}

function readExamples(section: string, lines: readonly string[], start: number, end: number): Example[] {
  const examples: Example[] = [];
  for (let i = start; i < end; i++) {
    const open = /^```contract (ok|not-ok)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const close = lines.indexOf('```', i + 1);
    assert.ok(close > i && close < end, `an unclosed example at checks.md:${i + 1}`);
    const text = `${lines.slice(i + 1, close).join('\n')}\n`;
    examples.push({ section, kind: open[1] as Example['kind'], text, locale: parseContract(text).locale, at: i + 1 });
    i = close;
  }
  return examples;
}

const SECTIONS = readSections(DOC);
const CHECK_SECTIONS = SECTIONS.filter((s) => ALL_CHECKS.some((c) => c.id === s.id));

test('every check has a section, in the order of ALL_CHECKS', () => {
  assert.deepEqual(
    CHECK_SECTIONS.map((s) => s.id),
    ALL_CHECKS.map((c) => c.id),
  );
});

test('every section has ok and not-ok examples in Chinese and in English', () => {
  for (const section of CHECK_SECTIONS) {
    for (const kind of ['ok', 'not-ok'] as const) {
      for (const locale of ['zh-CN', 'en'] as const) {
        assert.ok(
          section.examples.some((e) => e.kind === kind && e.locale === locale),
          `${section.id}: no ${kind} example in ${locale}`,
        );
      }
    }
  }
});

test('every section states the real default severity and whether fix-all applies its fix', () => {
  for (const section of CHECK_SECTIONS) {
    const check = ALL_CHECKS.find((c) => c.id === section.id)!;
    const row = /^\| `(\w+)` \| ([^|]+) \| (yes|no|—)[^|]* \|$/m.exec(section.body);
    assert.ok(row, `${section.id}: no "| severity | fix | fix-all |" row`);
    assert.equal(row[1], check.defaultSeverity, `${section.id}: documented severity`);
    const fixes = section.examples
      .filter((e) => e.kind === 'not-ok')
      .flatMap((e) => runChecks(parseContract(e.text)).filter((p) => p.checkId === section.id))
      .flatMap((p) => p.fixes);
    if (row[3] === '—') assert.deepEqual(fixes, [], `${section.id}: documented without a fix, but its examples offer one`);
    else assert.ok(fixes.length > 0, `${section.id}: documented with a fix, but no not-ok example offers one`);
    if (row[3] === 'yes')
      assert.ok(
        fixes.some((f) => f.safe),
        `${section.id}: documented as applied by fix-all, but no fix is safe`,
      );
    if (row[3] === 'no')
      assert.ok(
        fixes.every((f) => !f.safe),
        `${section.id}: documented as not applied by fix-all, but a fix is safe`,
      );
  }
});

for (const section of CHECK_SECTIONS) {
  test(`the examples of ${section.id} do what checks.md says`, () => {
    for (const example of section.examples) {
      const where = `checks.md:${example.at} (${example.kind}, ${example.locale})`;
      const expected = readExpectations(example.text);
      const problems = runChecks(parseContract(example.text));
      if (example.kind === 'ok') {
        assert.deepEqual(expected, [], `${where}: an ok example expects nothing`);
        const own = problems.filter((p) => p.checkId === section.id);
        assert.deepEqual(
          own.map((p) => p.message),
          [],
          `${where}: the ok example has ${section.id} problems`,
        );
      } else {
        assert.ok(
          expected.some((e) => e.id === section.id),
          `${where}: a not-ok example must mark a ${section.id} line`,
        );
        // The section's check and any other check the example marks are compared exactly.
        const relevant = new Set([section.id, ...expected.map((e) => e.id)]);
        const found = locate(
          example.text,
          problems.filter((p) => relevant.has(p.checkId)),
        );
        assert.deepEqual(differences(found, expected), [], `${where}: problems differ from the marks`);
      }
      for (const problem of problems) {
        const leaks = example.locale === 'zh-CN' ? englishLeaks(problem.message) : chineseLeaks(problem.message, ['大写']);
        assert.deepEqual(leaks, [], `${where}: ${problem.message}`);
      }
    }
  });
}

test('every message exists in both locales, in its own language, and summary lines exist', () => {
  for (const check of ALL_CHECKS) {
    const en = check.messages.en;
    const zh = check.messages['zh-CN'];
    assert.ok(en['summary'] && zh['summary'], `${check.id}: summary missing`);
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), `${check.id}: keys differ between locales`);
    for (const key of Object.keys(en)) {
      assert.deepEqual(englishLeaks(zh[key]!.replace(/\{\w+\}/g, ' '), ['OK']), [], `${check.id}.${key} (zh-CN): ${zh[key]}`);
      assert.deepEqual(
        chineseLeaks(en[key]!.replace(/\{\w+\}/g, ' '), ['大写', '甲方', '伍拾万元整', '总费用', '____年__月__日']),
        [],
        `${check.id}.${key} (en): ${en[key]}`,
      );
    }
  }
});

test('every key a check reports with exists in both locales', () => {
  const documents: ContractDocument[] = [
    ...readFixtures().map((f) => parseContract(f.text)),
    ...CHECK_SECTIONS.flatMap((s) => s.examples.map((e) => parseContract(e.text))),
  ];
  const used = new Map<string, Set<string>>();
  for (const check of ALL_CHECKS) {
    const keys = new Set<string>();
    used.set(check.id, keys);
    for (const doc of documents) runRecording(check, doc, keys);
  }
  // Checked in both languages, whatever the document's own: no slot is left unfilled.
  for (const doc of documents) {
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const p of runChecks({ ...doc, locale })) {
        for (const text of [p.message, ...p.related.map((r) => r.message), ...p.fixes.map((f) => f.title)]) {
          assert.doesNotMatch(text.replace(/\{\{[^}]*\}\}|\{#[^}]*\}/g, ''), /\{\w+\}/, `${p.checkId} (${locale}): ${text}`);
        }
      }
    }
  }
  for (const check of ALL_CHECKS) {
    const keys = used.get(check.id)!;
    assert.ok(keys.size > 0, `${check.id}: never reported on any fixture or example`);
    for (const key of keys) {
      assert.ok(key in check.messages.en, `${check.id}: "${key}" has no English message`);
      assert.ok(key in check.messages['zh-CN'], `${check.id}: "${key}" has no Chinese message`);
    }
  }
});

/** Runs one check with a context that records every message key it asks for. */
function runRecording(check: Check, doc: ContractDocument, keys: Set<string>): void {
  const t = (key: string, args?: Record<string, string | number>) => {
    keys.add(key);
    return format(check.messages, doc.locale, key, args);
  };
  check.run({
    doc,
    locale: doc.locale,
    t,
    report(input) {
      keys.add(input.key);
      for (const r of input.related ?? []) keys.add(r.key);
      for (const f of input.fixes ?? []) keys.add(f.key);
    },
  });
}
