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
  /** A load under way, one template per step (see readAhead). */
  private loading: Iterator<void, LibraryTemplate[]> | undefined;
  private readonly reported = new Set<string>();

  constructor(
    /** Told once about each template that cannot be read. */
    private readonly warn: (message: string) => void,
    private readonly bundledDir: string,
    private readonly workspaceFolders: () => readonly string[],
  ) {}

  /** Every readable template; a broken one is reported once and skipped. A load begun ahead of time is finished. */
  templates(): readonly LibraryTemplate[] {
    while (!this.loaded) this.step();
    return this.loaded;
  }

  /**
   * Reads one more template, for a load ahead of time done a slice per turn
   * of the event loop: parsing the YAML of the whole library at once held
   * the server 80–200 ms, and a keystroke arriving then waited for all of it.
   * Returns whether any is left to read.
   */
  readAhead(): boolean {
    return !this.loaded && !this.step().done;
  }

  invalidate(): void {
    this.loaded = undefined;
    this.loading = undefined;
  }

  private step(): IteratorResult<void, LibraryTemplate[]> {
    this.loading ??= this.load();
    let step: IteratorResult<void, LibraryTemplate[]>;
    try {
      step = this.loading.next();
    } catch (error) {
      // A load that failed half-way starts again on the next call.
      this.loading = undefined;
      throw error;
    }
    if (step.done) {
      this.loaded = step.value;
      this.loading = undefined;
    }
    return step;
  }

  private *load(): Generator<void, LibraryTemplate[]> {
    const found: LibraryTemplate[] = [];
    for (const locale of subdirectories(this.bundledDir)) {
      for (const path of markdownFiles(join(this.bundledDir, locale))) {
        this.read(path, 'bundled', found);
        yield;
      }
    }
    for (const folder of this.workspaceFolders()) {
      for (const path of markdownFiles(join(folder, WORKSPACE_CLAUSES))) {
        this.read(path, 'workspace', found);
        yield;
      }
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
