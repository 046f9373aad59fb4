import { SourceError } from '../../../shared/import/import-issues';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingFacts {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomBytes: number;
  /** True when the encoding was a guess (not UTF-8 and no BOM): the import warns. */
  guessed: boolean;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  // The head may end inside a multi-byte character: drop up to 3 trailing bytes of an unfinished one.
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
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
