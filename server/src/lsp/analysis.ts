/**
 * One parse and one check run per document version and settings generation,
 * shared by every feature that asks about that version.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { guessLocale, parseContract, runChecks, type ContractDocument, type Locale, type Problem } from '../core/index.js';
import { dataFileReader } from '../node/workspaceConfig.js';
import { LANGUAGE_ID } from '../protocol.js';
import { filePath, type ResolvedSettings, type SettingsStore } from './settings.js';

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
  /** The language of everything shown for this document. */
  readonly locale: Locale;
  /** The language the contract is written in (its `locale:`, else its script), for amounts in words. */
  readonly contractLocale: Locale;
}

/**
 * Whether the server treats a document as a contract: opened as `clausemark`,
 * or named `*.contract.md` (editors that key languages on the extension alone
 * may still send `markdown` for those). Anything else gets empty results.
 */
export function isContract(document: { readonly uri: string; readonly languageId: string }): boolean {
  return document.languageId === LANGUAGE_ID || /\.contract\.md$/i.test(document.uri);
}

/** Analyses one contract text; pure apart from reading a `data:` file next to it. */
export function analyse(document: TextDocument, settings: ResolvedSettings): Analysis {
  const text = document.getText();
  const path = filePath(document.uri);
  const doc = parseContract(text, { locale: settings.config.locale, readDataFile: path ? dataFileReader(path) : undefined });
  const problems = runChecks(doc, settings.config);
  const contractLocale = doc.meta.locale ?? guessLocale(text);
  return { uri: document.uri, version: document.version, document, doc, problems, settings, locale: doc.locale, contractLocale };
}

interface Entry {
  readonly version: number;
  readonly generation: number;
  readonly analysis: Promise<Analysis>;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly settings: SettingsStore) {}

  /**
   * The analysis of the document as it is now. The text and version are read
   * before anything is awaited, so a later edit cannot mix into this result.
   */
  get(live: TextDocument): Promise<Analysis> {
    const generation = this.settings.generation;
    const cached = this.entries.get(live.uri);
    if (cached && cached.version === live.version && cached.generation === generation) return cached.analysis;
    const snapshot = TextDocument.create(live.uri, live.languageId, live.version, live.getText());
    const analysis = this.settings.get(live.uri).then((settings) => analyse(snapshot, settings));
    this.entries.set(live.uri, { version: live.version, generation, analysis });
    // A failed analysis must not stay cached for this version.
    analysis.catch(() => {
      if (this.entries.get(live.uri)?.analysis === analysis) this.entries.delete(live.uri);
    });
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
