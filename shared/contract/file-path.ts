import { z } from 'zod';

/** Bytes of a string in UTF-8, without TextEncoder (shared/ has no DOM or Node types). */
export function utf8Length(text: string): number {
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


/**
 * SQLite opens no file whose path, with "-journal" added, passes 512 bytes (SQLITE_MAX_PATHNAME), and
 * a name of more than 255 bytes no file system takes. A workspace is opened with its journal beside
 * it (8 bytes more); a new, copied or restored one is first written as a hidden temporary sibling
 * (`.<name>.<12 hex>.tmp`: 18 bytes more) with its own journal. So a workspace to open may have a path
 * of 504 bytes and a name of 247; one to write, 486 and 229. Longer paths used to fail as "read-only".
 */
export const MAX_WORKSPACE_PATH_BYTES = { open: 504, write: 486 } as const;
export const MAX_WORKSPACE_FILE_NAME_BYTES = { open: 247, write: 229 } as const;

function workspacePath(use: 'open' | 'write') {
  const path = MAX_WORKSPACE_PATH_BYTES[use];
  const name = MAX_WORKSPACE_FILE_NAME_BYTES[use];
  const why = use === 'open' ? 'with room for its journal' : 'with room for its journal and the temporary copy it is written as first';
  return FilePath.superRefine((value, context) => {
    const bytes = utf8Length(value);
    if (bytes > path) context.addIssue({ code: 'custom', message: `this path is ${bytes.toLocaleString('en-US')} bytes long; a workspace's path can be at most ${path} (SQLite's limit of 512, ${why}): choose a shorter folder or name` });
    const fileName = value.split(/[\\/]/).at(-1) ?? '';
    const nameBytes = utf8Length(fileName);
    if (nameBytes > name && nameBytes <= MAX_FILE_NAME_BYTES) context.addIssue({ code: 'custom', message: `the file name is ${nameBytes} bytes long; a workspace's file name can be at most ${name} (255, ${why}): choose a shorter name` });
  });
}

/** The path of a workspace to open (or look at). */
export const WorkspacePathToOpen = workspacePath('open');
/** The path of a workspace to create, copy to, or restore at. */
export const WorkspacePathToWrite = workspacePath('write');
