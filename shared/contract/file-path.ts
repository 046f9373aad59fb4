import { z } from 'zod';

/** Bytes of a string in UTF-8, without TextEncoder (shared/ has no DOM or Node types). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** File systems refuse a name (one path segment) over 255 bytes and paths over 4,096; NUL ends a path in C. */
export const MAX_FILE_NAME_BYTES = 255;
export const MAX_PATH_BYTES = 4096;

/** A path a person typed or chose: checked here so every transport refuses it the same way, before any file is touched. */
export const FilePath = z
  .string()
  .trim()
  .min(1, 'a file path is required')
  .refine((path) => !path.includes('\u0000'), 'a file path cannot contain a NUL character (\\0)')
  .refine((path) => utf8Length(path) <= MAX_PATH_BYTES, `a file path can be at most ${MAX_PATH_BYTES.toLocaleString('en-US')} bytes long`)
  .superRefine((path, context) => {
    const long = path.split(/[\\/]/).find((segment) => utf8Length(segment) > MAX_FILE_NAME_BYTES);
    if (long) context.addIssue({ code: 'custom', message: `the name "${long.slice(0, 40)}…" is ${utf8Length(long)} bytes long; file names can be at most ${MAX_FILE_NAME_BYTES} bytes` });
  });

