/**
 * Records each edit a client sends as offsets, so the analysis of the next
 * version can reparse incrementally (see the core's `EditHistory`).
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditHistory, type TextChange } from '../core/index.js';

export class ChangeLog extends EditHistory {
  /** Records the edits that turn `before` (its version and text) into `version`. */
  recordEvents(before: TextDocument, events: readonly TextDocumentContentChangeEvent[], version: number): void {
    let changes: TextChange[] | undefined = [];
    // Each event's range refers to the text left by the events before it.
    let current: TextDocument | undefined;
    for (const event of events) {
      if (!('range' in event) || event.range === undefined) {
        changes = undefined;
        break;
      }
      current ??= TextDocument.create(before.uri, before.languageId, before.version, before.getText());
      changes.push({ start: current.offsetAt(event.range.start), end: current.offsetAt(event.range.end), text: event.text });
      if (events.length > 1) current = TextDocument.update(current, [event], version);
    }
    this.record(before.uri, before.version, version, changes);
  }
}
