/**
 * How far past its own text a block's facts read (the lines around a blank or
 * a list of boxes): an edit this close to a block changes what it finds, if
 * it read around itself at all.
 */
export const CONTEXT_REACH = 200;

/**
 * The text just before and just after a block, for the few scanners that read
 * it (a caption under a line to sign on, a list of boxes introduced above, an
 * empty label over a line of underscores). Read on demand, so the block can
 * tell whether anything outside it shaped its facts: one that read nothing
 * stays right whatever an edit does around it (see incremental.ts).
 */
export interface Around {
  /** Up to `length` characters before the block, ending where it starts. */
  before(length: number): string;
  /** Up to `length` characters after the block, starting where it ends. */
  after(length: number): string;
}

/** No text around: a scanner run on a string of its own. */
export const NOTHING_AROUND: Around = { before: () => '', after: () => '' };
