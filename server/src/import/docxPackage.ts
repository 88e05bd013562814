import JSZip from 'jszip';

/** Why a file could not be imported; each reason has a message in both languages. */
export type ImportFailureReason = 'tooLarge' | 'encrypted' | 'legacyDoc' | 'pdf' | 'notZip' | 'notDocx' | 'corrupt' | 'bomb' | 'timeout';

export class ImportFailure extends Error {
  constructor(
    readonly reason: ImportFailureReason,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

/** Limits that keep a hostile file from taking the machine: checked before anything is inflated. */
export const LIMITS = {
  /** The .docx file itself. */
  fileBytes: 50 * 1024 * 1024,
  /** One XML part once inflated (document.xml of a 1,000-page contract is far below this). */
  partBytes: 64 * 1024 * 1024,
  /** All parts read, together. */
  totalBytes: 160 * 1024 * 1024,
  /** Entries in the zip directory. */
  entries: 10_000,
} as const;

/** The parts of a Word package the import reads, inflated and decoded. */
export interface DocxPackage {
  /** Path in the zip → XML text, for the parts named in PARTS that exist. */
  readonly parts: ReadonlyMap<string, string>;
}

const DOCUMENT = 'word/document.xml';
/** The XML parts mammoth and the import read; images and embedded objects are never inflated. */
const PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  DOCUMENT,
  'word/_rels/document.xml.rels',
  'word/styles.xml',
  'word/numbering.xml',
  'word/footnotes.xml',
  'word/_rels/footnotes.xml.rels',
  'word/endnotes.xml',
  'word/_rels/endnotes.xml.rels',
  'word/comments.xml',
];

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** OLE compound file: a Word 97–2003 .doc, or an OOXML file encrypted with a password. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** An encrypted OOXML package is an OLE file holding "EncryptionInfo" and "EncryptedPackage" streams (names in UTF-16). */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  const needle = 'EncryptedPackage';
  const utf16 = new Uint8Array(needle.length * 2);
  for (let i = 0; i < needle.length; i++) utf16[i * 2] = needle.charCodeAt(i);
  const limit = Math.min(bytes.length, 4 * 1024 * 1024) - utf16.length;
  outer: for (let at = 0; at <= limit; at++) {
    for (let j = 0; j < utf16.length; j++) if (bytes[at + j] !== utf16[j]) continue outer;
    return true;
  }
  return false;
}

/** The size the zip directory declares for an entry, before inflating it (JSZip keeps it on the entry's data). */
function declaredSize(file: JSZip.JSZipObject): number | undefined {
  const data = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data;
  return typeof data?.uncompressedSize === 'number' ? data.uncompressedSize : undefined;
}

/**
 * Inflates one entry, stopping as soon as it grows past `cap` bytes: the
 * declared size can lie, so the count of bytes actually produced is what is held
 * to the limit.
 */
function inflateCapped(file: JSZip.JSZipObject, cap: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    let stopped = false;
    const stream = (file as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        if (stopped) return;
        length += chunk.length;
        if (length > cap) {
          stopped = true;
          stream.pause();
          reject(new ImportFailure('bomb', file.name));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (error: Error) => {
        if (!stopped) reject(new ImportFailure('corrupt', error.message));
        stopped = true;
      })
      .on('end', () => {
        if (stopped) return;
        const out = new Uint8Array(length);
        let at = 0;
        for (const chunk of chunks) {
          out.set(chunk, at);
          at += chunk.length;
        }
        resolve(out);
      })
      .resume();
  });
}

interface StreamHelper {
  on(event: 'data', listener: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'error', listener: (error: Error) => void): StreamHelper;
  on(event: 'end', listener: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

/**
 * Opens a .docx safely: tells a .doc, a PDF, an encrypted file or a broken zip
 * apart from a Word package, refuses a package whose declared sizes are over
 * the limits before inflating anything, and reads only the XML parts the
 * import needs, each capped to the bytes actually produced.
 */
export async function readDocxPackage(bytes: Uint8Array): Promise<DocxPackage> {
  if (bytes.length > LIMITS.fileBytes) throw new ImportFailure('tooLarge');
  if (startsWith(bytes, OLE_MAGIC)) throw new ImportFailure(isEncryptedOoxml(bytes) ? 'encrypted' : 'legacyDoc');
  if (startsWith(bytes, PDF_MAGIC)) throw new ImportFailure('pdf');
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) throw new ImportFailure('notDocx');
  if (!startsWith(bytes, ZIP_MAGIC)) throw new ImportFailure('notZip');
  let zip: JSZip;
  try {
    // Loading reads the central directory only; entries stay compressed until asked for.
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (error) {
    throw new ImportFailure('corrupt', (error as Error).message);
  }
  const entries = Object.values(zip.files);
  if (entries.length > LIMITS.entries) throw new ImportFailure('bomb', `${entries.length} entries`);
  if (!zip.file(DOCUMENT)) throw new ImportFailure('notDocx');
  const wanted = PARTS.map((path) => zip.file(path)).filter((f): f is JSZip.JSZipObject => f !== null);
  let declaredTotal = 0;
  for (const file of wanted) {
    const size = declaredSize(file);
    if (size !== undefined && size > LIMITS.partBytes) throw new ImportFailure('bomb', `${file.name} declares ${size} bytes`);
    declaredTotal += size ?? 0;
  }
  if (declaredTotal > LIMITS.totalBytes) throw new ImportFailure('bomb', `${declaredTotal} bytes declared`);
  const parts = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let total = 0;
  for (const file of wanted) {
    const cap = Math.min(LIMITS.partBytes, declaredSize(file) ?? LIMITS.partBytes, LIMITS.totalBytes - total);
    const data = await inflateCapped(file, cap);
    total += data.length;
    parts.set(file.name, decoder.decode(data));
  }
  return { parts };
}

/** The checked parts as a fresh, uncompressed zip: what mammoth is given, so it inflates nothing unchecked. */
export async function repackForMammoth(parts: ReadonlyMap<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [path, text] of parts) zip.file(path, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
