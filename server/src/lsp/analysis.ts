/**
 * One parse and one check run per document version and settings generation,
 * shared by every feature that asks about that version.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeContract, exceedsInputLimit, type ContractDocument, type DataFileRead, type Problem, type TextChange } from '../core/index.js';
import { DataFileCache } from '../node/dataFiles.js';
import { LANGUAGE_ID } from '../protocol.js';
import { Snapshot } from './snapshot.js';
import { workingOn } from './workingOn.js';
import type { ChangeLog } from './changeLog.js';
import type { ResolvedSettings, SettingsStore } from './settings.js';

/** A contract as one version of it reads: the model, its problems, and how to map offsets. */
export interface Analysis {
  readonly uri: string;
  readonly version: number;
  /**
   * A snapshot of the text this analysis was made from. The documents the
   * server keeps are updated in place on every edit, so offsets are always
   * converted with this snapshot, never with the live document.
   */
  readonly document: TextDocument;
  readonly doc: ContractDocument;
  readonly problems: readonly Problem[];
  readonly settings: ResolvedSettings;
}

/**
 * Whether the server treats a document as a contract: opened as `clausemark`,
 * or named `*.contract.md` (editors that key languages on the extension alone
 * may still send `markdown` for those). Anything else gets empty results.
 */
export function isContract(document: { readonly uri: string; readonly languageId: string }): boolean {
  return document.languageId === LANGUAGE_ID || /\.contract\.md$/i.test(document.uri);
}

/**
 * Analyses one contract text; pure apart from reading a `data:` file next to
 * it. Given the previous version's model and the edits since, only the blocks
 * the edits touched are parsed again.
 */
export function analyse(
  document: TextDocument,
  settings: ResolvedSettings,
  previous: { doc: ContractDocument; changes: readonly TextChange[] } | undefined,
  readDataFile: ((name: string) => DataFileRead) | undefined,
): Analysis {
  const { doc, problems } = analyzeContract(document.getText(), { config: settings.config, readDataFile, previous });
  return { uri: document.uri, version: document.version, document, doc, problems, settings };
}

interface Entry {
  readonly version: number;
  readonly generation: number;
  readonly analysis: Promise<Analysis>;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /** The newest finished analysis per document: the base for reparsing the next version. */
  private readonly latest = new Map<string, Analysis>();

  private readonly dataFiles = new DataFileCache();
  /** The newest snapshot made per document, whose line starts the next one moves rather than finds again. */
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly changes: ChangeLog,
    /** Where a contract's `data:` may read from, and whether the workspace is trusted to. */
    private readonly dataAccess: (uri: string) => { contractPath: string; root: string; trusted: boolean } | undefined = () => undefined,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /**
   * The analysis of the document as it is now. The text and version are read
   * before anything is awaited, so a later edit cannot mix into this result.
   */
  get(live: TextDocument): Promise<Analysis> {
    const generation = this.settings.generation;
    const cached = this.entries.get(live.uri);
    if (cached && cached.version === live.version && cached.generation === generation) return cached.analysis;
    const snapshot = this.snapshotOf(live);
    const analysis = this.settings.get(live.uri).then(async (settings) => {
      const result = await this.analyseWithData(snapshot, settings);
      const newest = this.latest.get(live.uri);
      if (!newest || newest.version <= result.version) {
        this.latest.set(live.uri, result);
        this.changes.prune(live.uri, result.version);
      }
      return result;
    });
    this.entries.set(live.uri, { version: live.version, generation, analysis });
    // A failed analysis must not stay cached for this version.
    analysis.catch(() => {
      if (this.entries.get(live.uri)?.analysis === analysis) this.entries.delete(live.uri);
    });
    return analysis;
  }

  /**
   * Data files are read asynchronously before the (synchronous) parse: the
   * ones the contract used last time are refreshed first, and a name met for
   * the first time is read and the contract parsed again.
   */
  private async analyseWithData(snapshot: TextDocument, settings: ResolvedSettings): Promise<Analysis> {
    const access = exceedsInputLimit(snapshot.getText().length) ? undefined : this.dataAccess(snapshot.uri);
    const run = (previous: ReturnType<AnalysisCache['previousFor']>, read: ((name: string) => DataFileRead) | undefined) =>
      workingOn(snapshot.uri, snapshot.getText().length, this.log, () => analyse(snapshot, settings, previous, read));
    if (!access) return run(this.previousFor(snapshot, settings), undefined);
    const { contractPath, root, trusted } = access;
    await this.dataFiles.refresh(snapshot.uri, contractPath, root, trusted);
    const read = this.dataFiles.reader(snapshot.uri, contractPath, root, trusted);
    const result = run(this.previousFor(snapshot, settings), read);
    if (!(await this.dataFiles.loadMissing(snapshot.uri, contractPath, root, trusted))) return result;
    return run(undefined, read);
  }

  /** The text as it is now, its lines found from the last snapshot's and the edits since where those are known. */
  private snapshotOf(live: TextDocument): Snapshot {
    const last = this.snapshots.get(live.uri);
    let snapshot: Snapshot;
    if (last !== undefined && last.version === live.version) snapshot = last;
    else {
      const changes = last !== undefined && last.version < live.version ? this.changes.between(live.uri, last.version, live.version) : undefined;
      snapshot = changes ? Snapshot.after(last!, changes, live) : Snapshot.of(live);
    }
    this.snapshots.set(live.uri, snapshot);
    return snapshot;
  }

  forget(uri: string): void {
    this.snapshots.delete(uri);
    this.dataFiles.forget(uri);
    this.entries.delete(uri);
    this.latest.delete(uri);
    this.changes.forget(uri);
  }

  /** The previous model and the edits since, when the settings are the same and every edit is known. */
  private previousFor(snapshot: TextDocument, settings: ResolvedSettings): { doc: ContractDocument; changes: TextChange[] } | undefined {
    const previous = this.latest.get(snapshot.uri);
    if (!previous || previous.settings !== settings || previous.version >= snapshot.version) return undefined;
    const changes = this.changes.between(snapshot.uri, previous.version, snapshot.version);
    return changes ? { doc: previous.doc, changes } : undefined;
  }
}
