/**
 * The clause templates the server offers: the library bundled next to the
 * server (`<server>/../clauses/<locale>/*.md`) and a workspace's own
 * (`.clausemark/clauses/*.md`). Read from disk once, again after a change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseClauseTemplate, type LibraryTemplate } from '../core/index.js';

/** Where the bundled library sits: `dist/server.cjs` → `clauses/` beside `dist/`. */
export function bundledLibraryDir(): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(process.argv[1] ?? '.');
  return join(here, '..', 'clauses');
}

/** A workspace's own clause templates, beside the bundled library. */
export const WORKSPACE_CLAUSES = '.clausemark/clauses';

export class ClauseLibrary {
  private loaded: LibraryTemplate[] | undefined;
  private readonly reported = new Set<string>();

  constructor(
    /** Told once about each template that cannot be read. */
    private readonly warn: (message: string) => void,
    private readonly bundledDir: string,
    private readonly workspaceFolders: () => readonly string[],
  ) {}

  /** Every readable template; a broken one is reported once and skipped. */
  templates(): readonly LibraryTemplate[] {
    this.loaded ??= this.load();
    return this.loaded;
  }

  invalidate(): void {
    this.loaded = undefined;
  }

  private load(): LibraryTemplate[] {
    const found: LibraryTemplate[] = [];
    for (const locale of subdirectories(this.bundledDir)) {
      for (const path of markdownFiles(join(this.bundledDir, locale))) this.read(path, 'bundled', found);
    }
    for (const folder of this.workspaceFolders()) {
      for (const path of markdownFiles(join(folder, WORKSPACE_CLAUSES))) this.read(path, 'workspace', found);
    }
    // A workspace template replaces the bundled one with the same id and locale.
    const key = (t: LibraryTemplate) => `${t.template.locale}/${t.template.id}`;
    const workspace = new Set(found.filter((t) => t.source === 'workspace').map(key));
    return found.filter((t) => t.source === 'workspace' || !workspace.has(key(t)));
  }

  private read(path: string, source: LibraryTemplate['source'], into: LibraryTemplate[]): void {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return;
    }
    const template = parseClauseTemplate(text, path);
    if ('error' in template) {
      if (!this.reported.has(template.error)) {
        this.reported.add(template.error);
        this.warn(template.error);
      }
      return;
    }
    into.push({ template, source });
  }
}

function subdirectories(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

function markdownFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}
