import { MAX_WORKSPACE_PATH_BYTES } from '../../../shared/contract/file-path';
import { basename } from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/result';

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

function sqliteCode(error: unknown): string {
  const code = (error as SqliteLikeError | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** SQLite declined to write (read-only file or folder, full disk, I/O error, quota), not a bug of ours. */
export function isStorageRefusal(error: unknown): boolean {
  return /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|PERM|BUSY|LOCKED|TOOBIG)/.test(sqliteCode(error));
}

/** SQLite's reports span lines ("*** in database main ***\nPage 5: …"); a message is read on one. */
export function oneLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('; ');
}

/**
 * SQLite's `integrity_check` or `quick_check` whole: 'ok', or every row of its report joined by
 * lines (the pragma's first row alone can leave problems out of the count). A page the check cannot
 * read past once it has said what it found ends the report as one more problem; an error before any
 * row is thrown, as the pragma throws it.
 */
export function checkReport(db: Db, check: 'integrity_check' | 'quick_check'): string {
  const lines: string[] = [];
  try {
    for (const row of db.prepare(`PRAGMA ${check}`).raw().iterate() as Iterable<unknown[]>) lines.push(String(row[0]));
  } catch (error) {
    if (lines.length === 0) throw error;
    lines.push(error instanceof Error ? error.message : String(error));
  }
  return lines.join('\n');
}

/**
 * What SQLite's integrity check (or quick_check) reported, one problem a line: its report is a line
 * "*** in database main ***" then up to 100 problems, one a line, in one row or several.
 */
export function checkProblems(report: string): string[] {
  return report
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^\*\*\* in database \S+ \*\*\*$/.test(line));
}

/**
 * A check's report as a message reads it, on one line: its first problem, and how many more there
 * are ("Tree 50 page 50 cell 31: Offset 65535 out of range 15939..16380; and 31 more problems
 * SQLite's check found"), not every one of them (a page's 32 were 3,500 characters). One that is
 * not a check's report (an error's own message) is said whole.
 */
export function checkSummary(report: string): string {
  const problems = checkProblems(report);
  if (problems.length === 0) return oneLine(report);
  const more = problems.length - 1;
  return more === 0 ? problems[0]! : `${problems[0]!}; and ${more} more problem${more === 1 ? '' : 's'} SQLite's check found`;
}

/**
 * The reason on one line, what was (not) done, and where the backups are: the same words serve the
 * app (its Workspace menu; File in the desktop app's menu bar) and the command line (which writes
 * `interlock` as it was run). Every problem the check found is kept in `details`.
 */
export function damagedWorkspaceError(path: string, reason: string): AppError {
  const problems = checkProblems(reason);
  return new AppError(
    'workspace-corrupt',
    `${path} is damaged (${checkSummary(reason)}). It was left as it is. ` +
      `Restore one of its automatic backups (in the app: Workspace → Restore a backup…, or File → Restore a Backup… in the desktop app; on the command line: \`interlock backups "${path}"\` lists them), or open a copy you kept.`,
    problems.length > 1 ? problems.map((message) => ({ path: 'integrity check', message })) : undefined,
  );
}

/**
 * A workspace that may not be written: its file (permissions, a read-only attribute), or the drive
 * or folder it is on (the journal beside it cannot be made). `notDone` says what did not happen.
 */
export function readOnlyWorkspaceError(path: string, notDone: string): AppError {
  return new AppError(
    'read-only',
    `${path} is read-only (its file permissions, or a write-protected drive or folder): ${notDone}. Copy it to a folder you can write in and open the copy.`,
  );
}

/**
 * An error met writing into the open workspace at `path` (an import, a plan edit, a risk, a rename…),
 * as a person can act on it: a read-only file or folder says so and that `notDone` ("nothing was
 * imported"); other SQLite errors as `translateSqliteError` says them; anything else passes through.
 */
export function translateWriteError(error: unknown, path: string, notDone: string): unknown {
  const code = sqliteCode(error);
  if (code !== 'SQLITE_READONLY_ROLLBACK' && /^SQLITE_(READONLY|CANTOPEN|PERM)/.test(code) && !(code.startsWith('SQLITE_CANTOPEN') && Buffer.byteLength(path) > MAX_WORKSPACE_PATH_BYTES.write)) return readOnlyWorkspaceError(path, notDone);
  return translateSqliteError(error, path);
}

/** A file a stopped program left mid-write, met where the write cannot be undone (read-only). */
export function interruptedWriteError(path: string): AppError {
  return new AppError(
    'read-only',
    `${path} was left in the middle of a write by a program that stopped, and it cannot be written here to undo that write. ` +
      `Open it where it can be written (copy it together with ${basename(path)}-journal, which holds the undo, to a folder you may write in), then try again.`,
  );
}

/** The same file met by a look (info, a dry run), which never writes, where it could be written. */
export function interruptedWriteLookError(path: string): AppError {
  return new AppError(
    'read-only',
    `${path} was left in the middle of a write by a program that stopped. A look (info, a dry run) writes nothing, so it cannot undo that write: ` +
      `open the workspace once (in the app, or a command that works on it, such as \`interlock metrics --workspace "${path}"\`), which undoes it from ${basename(path)}-journal, then look again.`,
  );
}

/** Turns better-sqlite3's error codes into the messages a person can act on. Unknown errors pass through. */
export function translateSqliteError(error: unknown, path: string): unknown {
  if (error instanceof AppError) return error;
  const code = sqliteCode(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError(
      'workspace-locked',
      `${path} is open in another window or program. Close it there first, or work on a copy made there (Save As… in the app).`,
    );
  }
  if (code === 'SQLITE_NOTADB') {
    return new AppError('not-a-workspace', `${path} is not an Interlock workspace: it is not a SQLite database. The file was not changed.`);
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return damagedWorkspaceError(path, String((error as SqliteLikeError).message));
  }
  // A read-only connection, or a folder that may not be written, met a write a stopped program left
  // half-done: only a read-write open can undo it.
  if (code === 'SQLITE_READONLY_ROLLBACK') return interruptedWriteError(path);
  if (code.startsWith('SQLITE_CANTOPEN') && Buffer.byteLength(path) > MAX_WORKSPACE_PATH_BYTES.write) {
    // SQLite says only that it cannot open the file; past its path limit that is why (a relative path the contract could not measure).
    return new AppError('invalid-input', `${path} is ${Buffer.byteLength(path).toLocaleString('en-US')} bytes long: a workspace's path can be at most ${MAX_WORKSPACE_PATH_BYTES.write} (SQLite's limit of 512, with room for its journal and the temporary copy it is written as first). Choose a shorter folder or name.`);
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    // Said for a new workspace too (a folder that may not be written), where there is nothing to copy.
    return new AppError(
      'read-only',
      `${path} cannot be written here (${code}): the file or its folder is read-only. Choose a folder you may write in; for a workspace you were given, copy it there and open the copy.`,
    );
  }
  if (code === 'SQLITE_FULL') {
    return new AppError('internal', `The disk holding ${path} is full; nothing was written.`);
  }
  return error;
}
