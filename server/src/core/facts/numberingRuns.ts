import type { BlockModel, Clause, ContractDocument } from '../model.js';
import { originOf } from '../parse/blockOrigin.js';
import { perBlockAtOrigin, type PerBlock } from './perBlock.js';

/** The runs of a document, and where each number of each style is first written. */
export interface NumberingRuns {
  readonly all: readonly SiblingRun[];
  /** Where the first clause of `clause`'s style that writes `ordinal` starts, so a run can tell it goes on from an earlier one. */
  firstAt(clause: Clause, ordinal: number): number | undefined;
}

/** Clauses that count together (1, 2, 3…), in document order. */
export interface SiblingRun {
  readonly clauses: Clause[];
  /** Whether the run stands in a quotation, which may start anywhere. */
  readonly quoted: boolean;
}

/**
 * Groups clauses that share a parent and a numbering style, in document
 * order. A run restarts where a drafter restarts counting: at 1 again after a
 * heading (an outer one, for clauses that are headings themselves) or a
 * sentence that introduces a list ("as follows:", "如下："), and
 * anew in every schedule or annex and in every quotation (a quoted statute).
 *
 * Per keystroke this walks the clauses once with keys built once per style
 * (no string per clause); the text between two clauses is read again only
 * when a block between them was reparsed (see `restartsAt`).
 */
export function siblingRuns(doc: ContractDocument): NumberingRuns {
  const runs = new RunTable(doc);
  const { clauses, blocks } = doc;
  let total = 0;
  for (const block of blocks) total += block.clauses.length;
  if (total !== clauses.length) {
    // Should the blocks' clauses ever not be the document's, each clause finds its scope by position, and nothing is kept.
    const scopeOf = scopes(doc);
    for (const clause of clauses) runs.add(clause, scopeOf(clause), -1, -1);
    return runs;
  }
  // Scopes follow blocks: a schedule's heading opens one for every block after it, a quotation is one block.
  let schedule = 's0';
  let count = 0;
  let k = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (block.type === 'heading' && perBlockAtOrigin(OPENS_SCHEDULE, block, doc.text).value) schedule = `s${++count}`;
    const n = block.clauses.length;
    if (n === 0) continue;
    const scope = block.type === 'blockquote' ? `${schedule}q${b}` : schedule;
    for (let j = 0; j < n; j++) runs.add(clauses[k++]!, scope, b, j);
  }
  return runs;
}

interface ClauseKeys {
  /** Style and depth of numbering: `1.2` and `3.4` count alike, `1.2.3` apart. */
  readonly numbers: string;
  /** What a run's clauses share besides parent and scope. */
  readonly level: string;
}

// By style, then path length and whether a heading: each key is one string however many clauses share it.
const KEYS = new Map<string, ClauseKeys[]>();

function keysOf(clause: Clause): ClauseKeys {
  let byShape = KEYS.get(clause.style);
  if (byShape === undefined) KEYS.set(clause.style, (byShape = []));
  const parts = clause.path.length;
  const heading = clause.container === 'heading';
  const at = parts * 2 + (heading ? 1 : 0);
  let keys = byShape[at];
  if (keys === undefined) {
    const level = clause.style === 'decimal-multi' ? `decimal-${parts}` : clause.style === 'decimal' ? 'decimal-1' : clause.style;
    keys = { numbers: `${clause.style}|${parts}`, level: `${level}|${heading ? 'h' : 'p'}` };
    // Filled up to `at` first, so the array stays dense.
    while (byShape.length < at) byShape.push(undefined as unknown as ClauseKeys);
    byShape[at] = keys;
  }
  return keys;
}

interface OpenRun extends SiblingRun {
  /** Where the run's last clause stands: its block's index in `doc.blocks` and its own among that block's clauses. */
  block: number;
  inBlock: number;
}

/** The run a clause of this scope and level joins, under one parent. */
interface Slot {
  readonly scope: string;
  readonly level: string;
  run: OpenRun;
  readonly next: Slot | undefined;
}

/** The runs still open, found by parent (a parent fixes the depth: the nesting stack below it), then scope and level. */
class RunTable implements NumberingRuns {
  readonly all: OpenRun[] = [];
  private readonly seen = new Map<string, Map<number, number>>();
  // Dense from the start: assigned at scattered indices, a growing array would fall back to a dictionary.
  private readonly byParent: Array<Slot | undefined>;

  constructor(private readonly doc: ContractDocument) {
    this.byParent = new Array<Slot | undefined>(doc.clauses.length + 1).fill(undefined);
  }

  /** Puts `clause` (the `inBlock`-th of block `block`, or -1 when not known) at the end of its run, opening one where counting restarts. */
  add(clause: Clause, scope: string, block: number, inBlock: number): void {
    const parent = (clause.parent ?? -1) + 1;
    const keys = keysOf(clause);
    let byOrdinal = this.seen.get(keys.numbers);
    if (byOrdinal === undefined) this.seen.set(keys.numbers, (byOrdinal = new Map()));
    if (!byOrdinal.has(clause.ordinal)) byOrdinal.set(clause.ordinal, clause.span.start);
    const level = keys.level;
    let slot = this.byParent[parent];
    while (slot !== undefined && (slot.scope !== scope || slot.level !== level)) slot = slot.next;
    if (slot === undefined) this.byParent[parent] = slot = { scope, level, run: this.open(scope), next: this.byParent[parent] };
    else if (clause.ordinal === 1 && restartsAt(this.doc, slot.run, clause, block, inBlock)) slot.run = this.open(scope);
    const run = slot.run;
    run.clauses.push(clause);
    run.block = block;
    run.inBlock = inBlock;
  }

  firstAt(clause: Clause, ordinal: number): number | undefined {
    return this.seen.get(keysOf(clause).numbers)?.get(ordinal);
  }

  private open(scope: string): OpenRun {
    const run: OpenRun = { clauses: [], quoted: scope.includes('q'), block: -1, inBlock: -1 };
    this.all.push(run);
    return run;
  }
}

/** What was read between a run's last clause and the next: valid while every block from the one to the other is only moved, and all alike. */
interface RestartMemo {
  readonly previousInBlock: number;
  readonly models: readonly BlockModel[];
  readonly deltas: readonly number[];
  readonly restarts: boolean;
}

/** By the origin of the later clause's block, then that clause's index in it. */
const RESTARTS = new WeakMap<BlockModel, Map<number, RestartMemo>>();

function restartsAt(doc: ContractDocument, run: OpenRun, clause: Clause, block: number, inBlock: number): boolean {
  const previous = run.clauses[run.clauses.length - 1]!;
  if (clause.span.start - previous.span.start > RESTART_WINDOW) return true;
  if (block < 0 || run.block < 0) return restartsBetween(doc.text, previous, clause);
  const origins = [];
  for (let b = run.block; b <= block; b++) origins.push(originOf(doc.blocks[b]!));
  const key = origins[origins.length - 1]!.model;
  let memos = RESTARTS.get(key);
  const memo = memos?.get(inBlock);
  if (memo !== undefined && memo.previousInBlock === run.inBlock && memo.models.length === origins.length) {
    const shift = origins[0]!.delta - memo.deltas[0]!;
    let same = true;
    for (let i = 0; i < origins.length && same; i++) same = origins[i]!.model === memo.models[i] && origins[i]!.delta - memo.deltas[i]! === shift;
    // The same blocks, moved alike: the text from one clause to the other, gaps included, is what was read.
    if (same) return memo.restarts;
  }
  const restarts = restartsBetween(doc.text, previous, clause);
  if (memos === undefined) RESTARTS.set(key, (memos = new Map()));
  memos.set(inBlock, { previousInBlock: run.inBlock, models: origins.map((o) => o.model), deltas: origins.map((o) => o.delta), restarts });
  return restarts;
}

const SCHEDULE_HEADING = /^[ \t]*#{1,6}[ \t]+(?:\*\*)?(?:Schedule|Annex|Appendix|Exhibit|Attachment|附件|附表|附录)/i;
// Far apart is as good as separated; a bounded look keeps the check linear.
const RESTART_WINDOW = 20_000;
const INTRODUCES = /[:：][ \t*]*(?:[\r\n]|$)|如下|the following/i;
const HEADING_LINE = /(?:^|[\r\n])[ \t]{0,3}(#{1,6})[ \t]/g;

/** True when a heading or an introducing sentence stands between two clauses, so counting may start again. */
function restartsBetween(text: string, previous: Clause, clause: Clause): boolean {
  if (clause.span.start - previous.span.start > RESTART_WINDOW) return true;
  if (INTRODUCES.test(text.slice(previous.span.start, clause.span.start))) return true;
  const own = clause.container === 'heading' ? (/^[ \t]*(#{1,6})/.exec(text.slice(clause.span.start, clause.span.start + 8))?.[1]!.length ?? 7) : 7;
  for (const heading of text.slice(previous.span.end, clause.span.start).matchAll(HEADING_LINE)) if (heading[1]!.length < own) return true;
  return false;
}

/** Whether a heading block opens a schedule or annex, read once per block. */
const OPENS_SCHEDULE: PerBlock<boolean> = {
  derive: (block, text) => block.type === 'heading' && SCHEDULE_HEADING.test(text.slice(block.span.start, Math.min(block.span.end, block.span.start + 40))),
  move: (value) => value,
};

/** Which schedule (counted by its heading) or which quotation a clause stands in. */
function scopes(doc: ContractDocument): (clause: Clause) => string {
  const boundaries: Array<{ start: number; end: number; scope: string; quote: boolean }> = [];
  let schedule = 0;
  doc.blocks.forEach((block, index) => {
    if (block.type === 'heading' && perBlockAtOrigin(OPENS_SCHEDULE, block, doc.text).value) {
      schedule++;
      boundaries.push({ start: block.span.start, end: doc.text.length, scope: `s${schedule}`, quote: false });
    } else if (block.type === 'blockquote') {
      boundaries.push({ start: block.span.start, end: block.span.end, scope: `q${index}`, quote: true });
    }
  });
  let at = 0;
  let scope = 's0';
  let quote: { end: number; scope: string } | undefined;
  // Clauses come in document order, so one walk over the boundaries serves them all.
  return (clause) => {
    while (at < boundaries.length && boundaries[at]!.start <= clause.span.start) {
      const b = boundaries[at++]!;
      if (!b.quote) scope = b.scope;
      else quote = { end: b.end, scope: `${scope}${b.scope}` };
    }
    if (quote && clause.span.start < quote.end) return quote.scope;
    return scope;
  };
}
