/**
 * Reading and writing a contract file on disk, for the CLI: the encoding it
 * was saved in is found, kept and reported; a file too large to check is not
 * read at all; a rewrite never leaves a half-written contract behind.
 * (The language server never reads contracts: it gets the editor's text.)
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { INPUT_LIMIT_BYTES } from '../core/index.js';
import { writeFileReplacing } from './safeWrite.js';

/** The encodings Clausemark reads and writes back, by the name it reports. */
export type ContractEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

export type ReadContract =
  | { readonly kind: 'text'; readonly text: string; readonly encoding: ContractEncoding }
  /** Larger than any text under the input limit can be in bytes: left unread. */
  | { readonly kind: 'over-limit'; readonly bytes: number }
  | { readonly kind: 'failure'; readonly reason: string };

/** Reads a regular file and decodes it in the encoding it was written in. */
export function readContractFile(path: string): ReadContract {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { kind: 'failure', reason: readReason(error) };
  }
  try {
    const stat = fstatSync(fd);
    // A device or a FIFO never ends (/dev/zero) or blocks (a pipe): only files are contracts.
    if (stat.isDirectory()) return { kind: 'failure', reason: 'is a directory' };
    if (!stat.isFile()) return { kind: 'failure', reason: 'not a regular file' };
    if (stat.size > INPUT_LIMIT_BYTES) return { kind: 'over-limit', bytes: stat.size };
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    const decoded = decodeContract(bytes.subarray(0, read));
    return decoded ? { kind: 'text', ...decoded } : { kind: 'failure', reason: 'not UTF-8, UTF-16 with a byte-order mark or GB18030 text' };
  } catch (error) {
    return { kind: 'failure', reason: readReason(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Finds the encoding of a contract's bytes and decodes them, or undefined
 * when they are none of the encodings Clausemark can write back unchanged.
 * A byte-order mark decides first; then strict UTF-8 (which any ASCII file
 * is); then the detector's ranking, taking the first encoding we support
 * whose decoding re-encodes to exactly the same bytes, so a fix can never
 * write a replacement character over bytes it did not understand.
 * A byte-order mark stays in the text as U+FEFF, as the core expects.
 */
export function decodeContract(bytes: Uint8Array): { text: string; encoding: ContractEncoding } | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = strictUtf8(bytes);
    return text === undefined ? undefined : { text, encoding: 'UTF-8 with BOM' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv.decode(Buffer.from(bytes), 'utf-16le', { stripBOM: false }), encoding: 'UTF-16LE' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: iconv.decode(Buffer.from(bytes), 'utf-16be', { stripBOM: false }), encoding: 'UTF-16BE' };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'UTF-8' };
  // Binary data (NUL bytes): decode leniently so the core can say it is binary.
  if (bytes.includes(0)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8' };
  const ranked = chardet.analyse(bytes).map((match) => match.name);
  // GB2312 and GBK files are GB18030 too (it is their superset), so the detector's GB18030 covers all three.
  for (const name of [...ranked.filter((n) => n === 'GB18030'), 'GB18030']) {
    const text = iconv.decode(Buffer.from(bytes), name);
    if (Buffer.compare(iconv.encode(text, name), Buffer.from(bytes)) === 0) return { text, encoding: 'GB18030' };
  }
  return undefined;
}

/** The bytes of `text` in `encoding`; a BOM is in the text itself (U+FEFF) when the file had one. */
export function encodeContract(text: string, encoding: ContractEncoding): Buffer {
  switch (encoding) {
    case 'UTF-8':
    case 'UTF-8 with BOM':
      return Buffer.from(text, 'utf8');
    case 'UTF-16LE':
      return iconv.encode(text, 'utf-16le', { addBOM: false });
    case 'UTF-16BE':
      return iconv.encode(text, 'utf-16be', { addBOM: false });
    case 'GB18030':
      return iconv.encode(text, 'gb18030');
  }
}

/** Replaces a contract by its new text in its own encoding (see `writeFileReplacing`). */
export function writeContractFile(path: string, text: string, encoding: ContractEncoding): void {
  writeFileReplacing(path, encodeContract(text, encoding));
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function readReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
}
