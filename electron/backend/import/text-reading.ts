import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { SourceError } from '../../../shared/import/import-issues';
import { heldConnection } from '../store/workspace-file';
import { detectEncoding, looksBinary, type EncodingFacts, type TextEncoding, type Utf8Watch } from './text-encoding';

export const HEAD_BYTES = 64 * 1024;
/**
 * Bytes read (and parsed) at a time. A chunk's rows are garbage once mapped; at 1 MB they were often
 * still alive at a minor GC and got promoted, so the old generation grew by hundreds of MB of dead
 * rows (a 73 MB CSV peaked at ~550 MB resident). And each chunk's text must stay below V8's largest
 * ordinary object (128 KB): a larger string is put in pages of its own, fresh from the system, which
 * made decoding the M CSVs in 256 KB chunks cost ~0.3 s against ~0.02 s in 32 KB ones. 32 KB of
 * bytes is at most 32 K characters, 64 KB even as a two-byte string.
 */
const CHUNK_BYTES = 32 * 1024;
/** Bytes read from a file at a time (then decoded in chunks): fewer, larger reads. */
const READ_BYTES = 1024 * 1024;

export interface TextHead {
  bytes: number;
  facts: EncodingFacts;
  /** The decoded start of the file (BOM removed), for sniffing and detection. */
  text: string;
  /** True when the whole file fits in the head. */
  complete: boolean;
}

/** Reads and decodes the start of a file, refusing what is not text. */
export function readTextHead(path: string, file: string): TextHead {
  // Read through `fs`, the workspace this process holds would lose its lock (heldConnection).
  if (heldConnection(path)) throw new SourceError('unreadable-file', `${file} is the workspace open here, not an export: choose the CSV or JSON files exported from your tool.`);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceError('unreadable-file', code === 'ENOENT' ? `${file} does not exist: there is no file at ${path}.` : `${file} cannot be read (${code ?? 'error'}).`);
  }
  try {
    const stat = fstatSync(fd);
    // A file is read twice (its head, then streamed): a pipe would be empty the second time.
    if (stat.isDirectory()) throw new SourceError('unreadable-file', `${file} is a folder, not a file: choose the files in it.`);
    if (!stat.isFile()) throw new SourceError('unreadable-file', `${file} is not a file on disk (a pipe or a device): save what it gives to a file and import that.`);
    const bytes = stat.size;
    const buffer = Buffer.alloc(Math.min(bytes, HEAD_BYTES));
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, read);
    const facts = detectEncoding(head, file);
    const text = new TextDecoder(facts.encoding).decode(head.subarray(facts.bomBytes), { stream: read < bytes });
    if (looksBinary(text)) {
      throw new SourceError('unreadable-file', `${file} is not a text file (it holds binary data); export CSV or JSON from your tool and choose that file.`);
    }
    return { bytes, facts, text: text.replace(/^\uFEFF/, ''), complete: read >= bytes };
  } finally {
    closeSync(fd);
  }
}

export interface ReadProgress {
  bytesRead: number;
}

/**
 * The line (1-based, as an editor counts them by `eol`, LF or CR) that holds the byte at `offset` of
 * a file: its line breaks before that byte, counted in one more read of the file up to there. For a
 * message about one place (a byte that is not UTF-8), never on the hot path.
 */
export function lineAtByte(path: string, offset: number, eol: '\n' | '\r' = '\n'): number {
  const code = eol.charCodeAt(0);
  const buffer = Buffer.alloc(Math.min(READ_BYTES, Math.max(1, offset)));
  const fd = openSync(path, 'r');
  let line = 1;
  try {
    for (let position = 0; position < offset; ) {
      const bytesRead = readSync(fd, buffer, 0, Math.min(buffer.length, offset - position), position);
      if (bytesRead === 0) break;
      const piece = buffer.subarray(0, bytesRead);
      for (let at = piece.indexOf(code); at !== -1; at = piece.indexOf(code, at + 1)) line++;
      position += bytesRead;
    }
  } finally {
    closeSync(fd);
  }
  return line;
}

/**
 * Decodes a file's chunks, keeping a character split between two of them whole. UTF-8 goes through
 * Node's StringDecoder: Node 20's TextDecoder leaves its fast path when asked to stream, and took
 * ~5× as long on the M CSVs. Both replace bytes that are not UTF-8 with U+FFFD.
 */
function chunkDecoder(encoding: TextEncoding): { write(bytes: Buffer): string; end(): string } {
  if (encoding === 'utf-8') {
    const decoder = new StringDecoder('utf8');
    return { write: (bytes) => decoder.write(bytes), end: () => decoder.end() };
  }
  const decoder = new TextDecoder(encoding);
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

/**
 * The decoded text of a file in chunks of `CHUNK_BYTES`, hashing the raw bytes on the way (the
 * content hash recorded with the import). Decoding is streaming, so a character split between two
 * reads is never broken.
 */
export async function* readTextChunks(path: string, facts: EncodingFacts, progress: ReadProgress, hash = createHash('sha256'), watch?: Utf8Watch): AsyncGenerator<string> {
  const handle = await open(path, 'r');
  const decoder = chunkDecoder(facts.encoding);
  // Read in large pieces (each read is a trip to a libuv thread), decoded and handed on in chunks.
  const buffer = Buffer.alloc(READ_BYTES);
  let first = true;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_BYTES, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      watch?.write(buffer.subarray(0, bytesRead));
      progress.bytesRead += bytesRead;
      for (let at = first ? facts.bomBytes : 0; at < bytesRead; at += CHUNK_BYTES) {
        const end = Math.min(at + CHUNK_BYTES, bytesRead);
        let text = decoder.write(buffer.subarray(at, end));
        if (first) text = text.replace(/^\uFEFF/, '');
        first = false;
        if (text) yield text;
      }
    }
    watch?.end();
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    await handle.close();
  }
}

/**
 * Reads a whole file as text (JSON), hashing it; refuses files above `maxBytes`. The bytes are read
 * into one buffer and decoded once: no chunk strings to join, so the text exists once in memory.
 */
export async function readWholeText(path: string, facts: EncodingFacts, file: string, maxBytes: number, progress: ReadProgress, watch?: Utf8Watch): Promise<{ text: string; hash: string }> {
  const tooLarge = () =>
    new SourceError('unreadable-file', `${file} is larger than ${Math.round(maxBytes / 1024 ** 2)} MB, more than Interlock reads as one JSON document; export it in pages or as CSV.`);
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    const size = (await handle.stat()).size;
    if (size > maxBytes) throw tooLarge();
    // One byte more than the size, to notice a file that grew meanwhile.
    let buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    const readNext = () => handle.read(buffer, length, Math.min(READ_BYTES, buffer.length - length), null);
    let reading = readNext();
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) break;
      const start = length;
      length += bytesRead;
      progress.bytesRead += bytesRead;
      if (length === buffer.length) {
        // No read is under way here: the buffer can be replaced.
        if (length > maxBytes) throw tooLarge();
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      // The next piece is read on a libuv thread while this one is hashed here. Without huge pages
      // each fresh 4 KB page of the buffer faults on first touch: a 20 MB page waited ~40 ms otherwise.
      reading = readNext();
      hash.update(buffer.subarray(start, length));
    }
    bytes = buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
  if (facts.encoding === 'utf-8' && watch) {
    watch.write(bytes);
    watch.end();
  }
  const text = new TextDecoder(facts.encoding).decode(bytes.subarray(Math.min(facts.bomBytes, bytes.length))).replace(/^\uFEFF/, '');
  return { text, hash: hash.digest('hex') };
}
