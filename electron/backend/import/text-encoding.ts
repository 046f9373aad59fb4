import { isUtf8 } from 'node:buffer';
import { SourceError } from '../../../shared/import/import-issues';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingFacts {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomBytes: number;
  /** True when the encoding was a guess (not UTF-8 and no BOM): the import warns. */
  guessed: boolean;
}

/** Bytes at the end of `bytes` that begin a character it does not finish (0–3). */
function unfinishedTail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && bytes.length - back >= 0; back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0x80) === 0) return 0;
    if ((b & 0xc0) === 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? back : 0;
    }
  }
  return 0;
}

/** The head may end inside a multi-byte character: that unfinished one is judged by the rest of the file. */
function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes.subarray(0, bytes.length - unfinishedTail(bytes)));
}

/**
 * Tells the encoding from the first bytes of a file: a BOM (UTF-8; UTF-16 LE/BE as Excel's
 * "Unicode text" writes), UTF-16 without BOM (zero bytes in every other position), UTF-8, or else
 * Windows-1252 (Excel's "CSV" on Windows). Refuses binary files (zero bytes in 8-bit text).
 */
export function detectEncoding(head: Uint8Array, file: string): EncodingFacts {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3, guessed: false };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2, guessed: false };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2, guessed: false };
  const sample = head.subarray(0, Math.min(head.length, 4096));
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) zeroEven++;
    else zeroOdd++;
  }
  const half = sample.length / 2;
  if (sample.length >= 4 && zeroOdd > half * 0.6 && zeroEven === 0) return { encoding: 'utf-16le', bomBytes: 0, guessed: false };
  if (sample.length >= 4 && zeroEven > half * 0.6 && zeroOdd === 0) return { encoding: 'utf-16be', bomBytes: 0, guessed: false };
  if (zeroEven + zeroOdd > 0) {
    throw new SourceError('unreadable-file', `${file} is not a text file (it holds binary data); export CSV or JSON from your tool and choose that file.`);
  }
  if (isValidUtf8(head)) return { encoding: 'utf-8', bomBytes: 0, guessed: false };
  return { encoding: 'windows-1252', bomBytes: 0, guessed: true };
}

/** Control characters other than tab, CR, LF in decoded text: a binary file that happened to decode. */
export function looksBinary(text: string): boolean {
  let control = 0;
  const n = Math.min(text.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32) || c === 0xfffd) && c !== 27) control++;
  }
  return n > 0 && control / n > 0.01;
}

/**
 * The offset of the first byte of `bytes` that does not belong to a well-formed UTF-8 character
 * (the Unicode standard's table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF);
 * -1 when all do. Run only once a file is known to hold one, to say where.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    // The second byte's range depends on the first; the others are plain continuation bytes.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/**
 * Watches a UTF-8 file read in pieces for bytes that are not UTF-8. The decoder replaces them with
 * "\uFFFD", which would reach the workspace unnoticed: the encoding is told from a file's first
 * bytes only, and an Excel CSV saved as Windows-1252 may have its first accented name a megabyte in.
 * A character split between two pieces is judged whole.
 */
export class Utf8Watch {
  /** The offset in the file of the first byte that is not UTF-8, once one is seen. */
  firstInvalidAt: number | null = null;
  /** Up to 40 bytes from there, read as Windows-1252 (what such a byte most often is), for a message. */
  context = '';
  #carry: Uint8Array = new Uint8Array(0);
  #offset = 0;

  write(piece: Uint8Array): void {
    if (this.firstInvalidAt !== null) return;
    const bytes = this.#carry.length === 0 ? piece : Buffer.concat([this.#carry, piece]);
    const start = this.#offset - this.#carry.length;
    this.#offset += piece.length;
    const tail = unfinishedTail(bytes);
    const whole = bytes.subarray(0, bytes.length - tail);
    this.#carry = bytes.slice(bytes.length - tail);
    if (isUtf8(whole)) return;
    this.#found(whole, start);
  }

  /** The end of the file: a character left unfinished there is not UTF-8 either. */
  end(): void {
    if (this.firstInvalidAt === null && this.#carry.length > 0) this.#found(this.#carry, this.#offset - this.#carry.length, 0);
  }

  #found(bytes: Uint8Array, start: number, found = firstInvalidByte(bytes)): void {
    const at = Math.max(0, found);
    this.firstInvalidAt = start + at;
    const from = Math.max(0, at - 20);
    this.context = new TextDecoder('windows-1252').decode(bytes.subarray(from, Math.min(bytes.length, at + 20))).replace(/\s+/g, ' ').trim();
  }
}
