/** A half-open range `[start, end)` of UTF-16 offsets into the document text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}
