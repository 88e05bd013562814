/**
 * Records each edit a client sends as offsets, so the analysis of the next
 * version can reparse incrementally (see the core's `EditHistory`).
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditHistory, type TextChange } from '../core/index.js';

export class ChangeLog extends EditHistory {
  /**
   * Applies the edits that turn `document` into `version` one at a time, each
   * recorded as offsets in the text it applies to (an event's range refers to
   * the text the events before it left). A whole-text replacement records none.
   */
  apply(document: TextDocument, events: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
    const from = document.version;
    let changes: TextChange[] | undefined = [];
    for (const event of events) {
      if (changes && 'range' in event && event.range)
        changes.push({ start: document.offsetAt(event.range.start), end: document.offsetAt(event.range.end), text: event.text });
      else changes = undefined;
      document = TextDocument.update(document, [event], version);
    }
    this.record(document.uri, from, version, changes);
    return document;
  }
}
