import { accessSync, constants as fsConstants, closeSync, existsSync, fstatSync, fsyncSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/result';
import type { FileInspection } from '../../../shared/contract/workspace-channels';
import { getSchemaVersion, LATEST_SCHEMA_VERSION, migrate, newerVersionError, WORKSPACE_ID_KEY } from './migrations';
import { checkReport, checkSummary, damagedWorkspaceError, interruptedWriteLookError, isStorageRefusal, readOnlyWorkspaceError, translateSqliteError } from './sqlite-errors';

/** "ILK1": marks a SQLite file as an Interlock workspace (PRAGMA application_id). */
export const INTERLOCK_APPLICATION_ID = 0x494c4b31;
const SQLITE_MAGIC = 'SQLite format 3\u0000';
/**
 * Page size of a new workspace, in bytes (SQLite's default is 4,096; workspaces made before keep
 * theirs). A big import into a new workspace writes a quarter as many pages, so its commit syncs
 * fewer, larger writes (~100 ms less at the bench's M), and its b-trees split less often. Larger
 * still (64 KB) would make each small edit journal whole 64 KB pages.
 */
export const NEW_PAGE_SIZE = 16_384;
/** How long a second process waits for the lock before being told the workspace is open elsewhere. */
const LOCK_WAIT_MS = 250;

export interface Workspace {
  readonly db: Db;
  readonly path: string;
  /** Opened to look at (`openForLooking`): a copy in memory; the file's own schema version. */
  readonly lookingAt?: { readonly fileSchemaVersion: number };
}

interface HeaderFacts {
  pageSize: number;
  pageCount: number;
  pageCountValid: boolean;
  userVersion: number;
  applicationId: number;
  bytes: number;
}

/**
 * The workspaces this process holds open for work, by file (device and inode), with their
 * connections. SQLite's lock on a workspace is a POSIX lock, which the kernel drops when this
 * process closes any descriptor of the file — SQLite's own connections know (they keep such
 * descriptors open until the lock goes), Node's `fs` does not. So nothing reads a held file through
 * `fs`: its header is read from its connection, and it is never read as an import's file.
 */
const heldHere = new Map<string, WeakRef<Db>>();

function fileKey(path: string): string | null {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.dev}:${stat.ino}` : null;
}

function hold(path: string, db: Db): void {
  const key = fileKey(path);
  // Weakly: the caches of a workspace's data are keyed by its connection, and must go with it.
  if (key !== null) heldHere.set(key, new WeakRef(db));
}

function release(db: Db): void {
  for (const [key, held] of heldHere) if (held.deref() === db || held.deref() === undefined) heldHere.delete(key);
}

/** The connection through which this process holds the workspace at `path` open, if it does. */
export function heldConnection(path: string): Db | null {
  const key = fileKey(path);
  const db = key === null ? undefined : heldHere.get(key)?.deref();
  if (db?.open) return db;
  if (key !== null) heldHere.delete(key);
  return null;
}

/** The header's facts of a held workspace, from its connection (the same numbers; no descriptor of the file opened). */
function heldHeader(db: Db, bytes: number): HeaderFacts {
  const pragma = (name: string) => db.pragma(name, { simple: true }) as number;
  return { pageSize: pragma('page_size'), pageCount: pragma('page_count'), pageCountValid: true, userVersion: pragma('user_version'), applicationId: pragma('application_id'), bytes };
}

/** Reads the 100-byte SQLite header without opening the file with SQLite, so refusals touch nothing. */
function readHeader(path: string): HeaderFacts {
  const bytes = statSync(path).size;
  const held = heldConnection(path);
  if (held) return heldHeader(held, bytes);
  if (bytes === 0) {
    throw new AppError('not-a-workspace', `${path} is empty (0 bytes), so it is not an Interlock workspace. The file was not changed.`);
  }
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read = 0;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new AppError('not-a-workspace', `${path} is not an Interlock workspace: it is not a SQLite database. The file was not changed.`);
  }
  const rawPageSize = header.readUInt16BE(16);
  return {
    pageSize: rawPageSize === 1 ? 65536 : rawPageSize,
    pageCount: header.readUInt32BE(28),
    // The in-header page count is trustworthy only when "version-valid-for" equals the change counter.
    pageCountValid: header.readUInt32BE(92) === header.readUInt32BE(24),
    userVersion: header.readUInt32BE(60),
    applicationId: header.readInt32BE(68),
    bytes,
  };
}

/**
 * The schema version in an Interlock workspace's header, or null when the path holds anything else
 * (the open that follows says what is wrong with it). Reads 100 bytes; opens nothing.
 */
export function peekSchemaVersion(inputPath: string): number | null {
  const path = resolve(inputPath);
  try {
    if (!existsSync(path) || statSync(path).isDirectory() || hasHotJournal(path)) return null;
    const header = readHeader(path);
    return header.applicationId === INTERLOCK_APPLICATION_ID ? header.userVersion : null;
  } catch {
    return null;
  }
}

function checkHeader(path: string, facts: HeaderFacts): void {
  if (facts.applicationId !== INTERLOCK_APPLICATION_ID) {
    throw new AppError(
      'not-a-workspace',
      `${path} is a SQLite database but not an Interlock workspace. The file was not changed.`,
    );
  }
  if (facts.userVersion > LATEST_SCHEMA_VERSION) throw newerVersionError(path, facts.userVersion);
  if (facts.pageCountValid && facts.bytes < facts.pageSize * facts.pageCount) {
    throw new AppError(
      'workspace-corrupt',
      `${path} is truncated: it holds ${facts.bytes} bytes of the ${facts.pageSize * facts.pageCount} it should. ` +
        'It was left as it is; open a backup or a copy instead. ' +
        'If it was copied from where a program stopped while writing it, open it there once (that finishes undoing the write from the file named like it with "-journal" at the end), then copy it again.',
    );
  }
}

/**
 * A journal SQLite would roll back: a writer stopped mid-transaction. A connection in EXCLUSIVE
 * locking mode (every open workspace) zeroes its journal's header at each commit and keeps the
 * file, so a workspace whose program was killed while it was merely open leaves a journal that
 * starts with a zero byte: SQLite ignores that one (pager.c, hasHotJournal), and so does this.
 */
export function hasHotJournal(path: string): boolean {
  const journal = `${path}-journal`;
  try {
    if (!existsSync(journal) || statSync(journal).size === 0) return false;
    const fd = openSync(journal, 'r');
    try {
      const first = Buffer.alloc(1);
      return readSync(fd, first, 0, 1, 0) === 1 && first[0] !== 0;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Removes `<path>-journal` when it holds nothing to undo (empty, or its header zeroed); a hot one is left alone. */
function removeEmptyJournal(path: string): void {
  const journal = `${path}-journal`;
  try {
    if (!existsSync(journal) || hasHotJournal(path)) return;
    if (statSync(journal).size > 0) {
      const fd = openSync(journal, 'r');
      try {
        const first = Buffer.alloc(1);
        if (readSync(fd, first, 0, 1, 0) !== 1 || first[0] !== 0) return;
      } finally {
        closeSync(fd);
      }
    }
    rmSync(journal, { force: true });
  } catch {
    // Left for SQLite, which ignores it and replaces it at the first write.
  }
}

const JOURNAL_MAGIC = Buffer.from('d9d505f920a163d7', 'hex');

/** A hot journal's header and the page numbers of its records, segment by segment, as SQLite plays it back. */
interface JournalFacts {
  pageSize: number;
  /** The file's size in pages when the write began ("nOrig"; every segment's header repeats it). */
  pagesBefore: number;
  /** Where page 1's image starts, when the write journaled page 1. */
  pageOneAt: number | null;
}

/**
 * Reads a rollback journal's segments: a header at a sector boundary, then its records (page
 * number, page image, checksum). A write whose journal was synced mid-way (its page cache spilled)
 * starts another segment after it; one whose header is not yet complete (zeroed magic) ends the
 * playback, as it does SQLite's. Null when the journal cannot be read this way.
 */
function readJournal(fd: number): JournalFacts | null {
  const size = fstatSync(fd).size;
  const header = Buffer.alloc(28);
  if (readSync(fd, header, 0, 28, 0) !== 28 || !header.subarray(0, 8).equals(JOURNAL_MAGIC)) return null;
  const sectorSize = header.readUInt32BE(20);
  const pageSize = header.readUInt32BE(24);
  if (sectorSize < 32 || sectorSize > 65536 || pageSize < 512 || pageSize > 65536) return null;
  const pagesBefore = header.readUInt32BE(16);
  const recordBytes = pageSize + 8;
  const pageNumber = Buffer.alloc(4);
  for (let at = 0; at + 28 <= size; ) {
    if (readSync(fd, header, 0, 28, at) !== 28 || !header.subarray(0, 8).equals(JOURNAL_MAGIC)) break;
    const records = header.readUInt32BE(8);
    const first = at + sectorSize;
    // nRec is 0 (or all ones) when the journal was not synced: then its records run to its end.
    const last = records === 0 || records === 0xffffffff;
    const count = last ? Math.floor((size - first) / recordBytes) : records;
    for (let k = 0; k < count; k++) {
      const record = first + k * recordBytes;
      if (readSync(fd, pageNumber, 0, 4, record) !== 4) return null;
      if (pageNumber.readUInt32BE(0) === 1) return { pageSize, pagesBefore, pageOneAt: record + 4 };
    }
    if (last) break;
    at = Math.ceil((first + count * recordBytes) / sectorSize) * sectorSize;
  }
  return { pageSize, pagesBefore, pageOneAt: null };
}

/**
 * Whether a hot journal beside `path` holds a half-done write of another file: a workspace copied
 * over one whose program was killed mid-commit (the journal stays), which SQLite would roll the
 * other file's old pages into, destroying the copy. Told by what the write must have left:
 * - A write that journaled page 1 holds the change counter the file had when it began; the file
 *   holds that counter or the next. Every whole file Interlock writes starts at a random counter
 *   (`giveOwnChangeCounter`), so a workspace copied over another's journal shares it only by a
 *   one-in-two-billion chance.
 * - A write that did not journal page 1 neither grew nor shrank the file (its size in pages is
 *   kept on page 1), so the file's header still says the size the journal began with.
 * - A journal of another page size is another file's.
 * A journal this cannot read is left to SQLite, as before.
 */
export function journalIsForeign(inputPath: string): boolean {
  const path = resolve(inputPath);
  if (!hasHotJournal(path)) return false;
  let fd: number | undefined;
  let dbFd: number | undefined;
  try {
    fd = openSync(`${path}-journal`, 'r');
    const journal = readJournal(fd);
    if (!journal) return false;
    dbFd = openSync(path, 'r');
    const dbHeader = Buffer.alloc(100);
    if (readSync(dbFd, dbHeader, 0, 100, 0) !== 100) return false;
    const dbPageSize = dbHeader.readUInt16BE(16) === 1 ? 65536 : dbHeader.readUInt16BE(16);
    if (dbPageSize !== journal.pageSize) return true;
    const now = dbHeader.readUInt32BE(24);
    if (journal.pageOneAt === null) {
      // The in-header size is to be trusted only when "version-valid-for" equals the counter.
      return dbHeader.readUInt32BE(92) === now && dbHeader.readUInt32BE(28) !== journal.pagesBefore;
    }
    const counter = Buffer.alloc(4);
    if (readSync(fd, counter, 0, 4, journal.pageOneAt + 24) !== 4) return false;
    const before = counter.readUInt32BE(0);
    return now !== before && now !== ((before + 1) >>> 0);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (dbFd !== undefined) closeSync(dbFd);
  }
}

/**
 * Gives a whole file Interlock has just built (a new workspace, a copy, a restore, a backup) a random
 * change counter of its own, before it is renamed into place. SQLite starts every file's counter at
 * the same number and moves it once per writing session, so two workspaces made alike carried the
 * same counter, and a journal left beside one could not be told from the other's (`journalIsForeign`).
 * SQLite reads the counter only to see whether a file changed since it last looked. "Version-valid-for"
 * (offset 92) follows it when it equalled it, so the header's page count stays trusted. Not synced:
 * the file was synced whole before, and whatever of these 8 bytes a power cut keeps is a valid
 * header (an older counter, or a version-valid-for that no longer matches, which only makes SQLite
 * size the file by its length), so a new workspace's import pays no second sync.
 */
export function giveOwnChangeCounter(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    const header = Buffer.alloc(100);
    if (readSync(fd, header, 0, 100, 0) !== 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) return;
    const counter = randomBytes(4);
    const versionValid = header.readUInt32BE(92) === header.readUInt32BE(24);
    writeSync(fd, counter, 0, 4, 24);
    if (versionValid) writeSync(fd, counter, 0, 4, 92);
  } finally {
    closeSync(fd);
  }
}

/** The refusal for a journal that belongs to another file: both are left as they are. */
function foreignJournalError(path: string): AppError {
  return new AppError(
    'workspace-corrupt',
    `${path} has a journal beside it (${basename(path)}-journal) that is not its own: it holds a half-done write of another file, most likely the workspace that stood here before this file was copied over it. ` +
      'Nothing was changed. Move the journal away (keep it with the file it belongs to, if you still have that file) and open this workspace again.',
  );
}

/**
 * Finishes undoing a write that a stopped program left half-done (a hot journal), as SQLite's
 * first read on a read-write connection does, so that what follows reads the file's committed
 * header: an upgrade's backup is then taken, and a restore sees the workspace it replaces. A file
 * another process holds is left alone (SQLite never rolls back under a live writer's lock); any
 * failure is left for the open or check that follows to say.
 */
export function rollBackInterruptedWrite(inputPath: string): void {
  const path = resolve(inputPath);
  if (!hasHotJournal(path) || journalIsForeign(path)) return;
  try {
    const db = new Database(path, { fileMustExist: true, timeout: LOCK_WAIT_MS });
    try {
      db.pragma('schema_version');
    } finally {
      db.close();
    }
  } catch {
    // Said by the open or the check that follows, in its own words.
  }
}

/** Settings every connection gets: one portable file (no -wal/-shm), full durability, one writer. */
function configureConnection(db: Db): void {
  db.pragma('foreign_keys = ON');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
}

/** Application id, schema version and quick_check, through a given connection. Throws the refusal. */
function verify(db: Db, path: string): number {
  // Reading the header pragmas takes a shared lock: a workspace held by another process fails here.
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId !== INTERLOCK_APPLICATION_ID) {
    throw new AppError('not-a-workspace', `${path} is a SQLite database but not an Interlock workspace. The file was not changed.`);
  }
  const version = getSchemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION) throw newerVersionError(path, version);
  const check = checkReport(db, 'quick_check');
  if (check !== 'ok') {
    throw damagedWorkspaceError(path, String(check));
  }
  return version;
}

/**
 * Opens an existing workspace: header checks (refusing without SQLite touching the file), then
 * application id, schema version and quick_check through a read-only connection (which also runs
 * several times faster than on a read-write one), then the read-write connection, its exclusive
 * lock and migrations. Every refusal is an AppError that says what is wrong with which file and
 * that the file was not changed.
 */
export function openWorkspace(inputPath: string): Workspace {
  const path = resolve(inputPath);
  if (!existsSync(path)) throw new AppError('not-found', `There is no workspace at ${path}.`);
  if (statSync(path).isDirectory()) throw new AppError('not-a-workspace', `${path} is a folder, not an Interlock workspace.`);
  const header = readHeader(path);
  // A hot journal means a writer died mid-transaction: the header may be half-written until SQLite
  // rolls the journal back, which only a read-write connection may do. Then check after the rollback.
  const hotJournal = hasHotJournal(path);
  if (hotJournal && journalIsForeign(path)) throw foreignJournalError(path);
  let db: Db | undefined;
  try {
    if (!hotJournal) {
      checkHeader(path, header);
      const probe = new Database(path, { readonly: true, fileMustExist: true, timeout: LOCK_WAIT_MS });
      try {
        verify(probe, path);
      } finally {
        probe.close();
      }
    }
    db = new Database(path, { fileMustExist: true, timeout: LOCK_WAIT_MS });
    const version = hotJournal ? verify(db, path) : getSchemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) throw newerVersionError(path, version);
    configureConnection(db);
    // BEGIN EXCLUSIVE takes SQLite's exclusive lock, and under EXCLUSIVE locking mode the lock is
    // kept after the ROLLBACK until close, so a second process is refused at once. Nothing is
    // written (no journal, no page): a workspace opened and closed again, or an import refused,
    // leaves the file byte for byte as it was, its change counter and modification time included.
    // (Rewriting user_version took the lock as well, but it moved the header's change counter.)
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    // A journal with nothing to undo, left by a program killed while the workspace was merely open
    // or as its write began: the first write would have removed it; nothing here writes, so remove
    // it now, under the lock (the workspace file itself is not touched).
    removeEmptyJournal(path);
    migrate(db, path);
    removeStaleTemporaries(dirname(path), basename(path));
    hold(path, db);
    return { db, path };
  } catch (error) {
    db?.close();
    throw translateSqliteError(error, path);
  }
}

/**
 * Opens a workspace to look at it without changing its file by a single byte: the same checks as
 * `openWorkspace` (header, application id, schema version, quick_check) through a read-only
 * connection, then a copy of it in memory (SQLite's serialize), upgraded there when the file is
 * of an older schema. For `interlock info` and an import's dry run: a consultant who only looks
 * at a client's file on a newer Interlock must not find it upgraded (and refused by the older one)
 * back at the client. Nothing is locked, and what is written goes to the copy. A write a stopped
 * program left half-done cannot be undone read-only, and is said so.
 */
export function openForLooking(inputPath: string): Workspace {
  const path = resolve(inputPath);
  if (!existsSync(path)) throw new AppError('not-found', `There is no workspace at ${path}.`);
  if (statSync(path).isDirectory()) throw new AppError('not-a-workspace', `${path} is a folder, not an Interlock workspace.`);
  const header = readHeader(path);
  if (hasHotJournal(path)) throw journalIsForeign(path) ? foreignJournalError(path) : interruptedWriteLookError(path);
  checkHeader(path, header);
  let image: Buffer;
  let fileSchemaVersion: number;
  try {
    const probe = new Database(path, { readonly: true, fileMustExist: true, timeout: LOCK_WAIT_MS });
    try {
      fileSchemaVersion = verify(probe, path);
      image = probe.serialize();
    } finally {
      probe.close();
    }
    // A file another SQLite tool switched to write-ahead logging says so in its header (bytes 18
    // and 19 are 2), which an in-memory copy cannot open; the copy, read whole through the log, is
    // marked as a plain file instead. The file itself is not touched (a working open converts it).
    if (image[18] === 2 || image[19] === 2) {
      image[18] = 1;
      image[19] = 1;
    }
  } catch (error) {
    throw translateSqliteError(error, path);
  }
  const db = new Database(image);
  try {
    db.pragma('foreign_keys = ON');
    migrate(db, path);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, path, lookingAt: { fileSchemaVersion } };
}

/**
 * Refuses, before anything is done for it (an import's automatic backup), a write SQLite would refuse
 * into the open workspace: a file this process may not write (its permissions, a read-only drive),
 * or, while no journal stands beside it, a folder in which its journal cannot be made. SQLite opens
 * such a file read-only without a word and says so only at the first write ("attempt to write a
 * readonly database"). Asked with access(2), which opens no descriptor of the held file (closing one
 * would drop SQLite's lock). A workspace in memory (a look) is not asked about.
 */
export function refuseIfReadOnly(workspace: Workspace, notDone: string): void {
  if (workspace.lookingAt) return;
  const path = resolve(workspace.path);
  const writable = (target: string): boolean => {
    try {
      accessSync(target, fsConstants.W_OK);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT';
    }
  };
  if (!writable(path) || (!existsSync(`${path}-journal`) && !writable(dirname(path)))) throw readOnlyWorkspaceError(path, notDone);
}

/** Whether two paths name one file (the same path, a link or another spelling of it), so neither may replace the other. */
export function sameFile(a: string, b: string): boolean {
  const one = statSync(a, { throwIfNoEntry: false });
  const two = statSync(b, { throwIfNoEntry: false });
  return one !== undefined && two !== undefined && one.dev === two.dev && one.ino === two.ino;
}

/**
 * Every file Interlock writes with a workspace's data in it (a workspace, a backup, an anonymised,
 * sealed or unsealed copy, a report) is readable by its owner alone; Windows ignores the mode.
 */
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `path` empty and private, for SQLite to build a database in: a file SQLite creates itself is 0644 under the usual umask. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
}

export function temporarySibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** A temporary sibling not written to for this long was left by a process that stopped. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;
const TEMPORARY_SUFFIX = /\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes, with their journals, the temporary siblings (`temporarySibling`'s names) a killed process
 * left in `folder` — of `forName` only, or of any file — once nothing has written to them for an
 * hour: half-built copies, some as large as the workspace, that nothing else would ever remove.
 * Returns what it removed; a folder it cannot read is left alone.
 */
export function removeStaleTemporaries(folder: string, forName?: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(forName === undefined ? '.' : `.${forName}.`) || !TEMPORARY_SUFFIX.test(name)) continue;
    const path = join(folder, name);
    try {
      if (now - statSync(path).mtimeMs < STALE_TEMPORARY_MS) continue;
      removeQuietly(path);
      removed.push(path);
    } catch {
      // Gone already, or not ours to remove: left as it is.
    }
  }
  return removed;
}

export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function removeQuietly(path: string): void {
  for (const p of [path, `${path}-journal`]) rmSync(p, { force: true });
}

/** A workspace's name from its file's (a name holds at most 200 characters, a file's up to 255 bytes). */
export function defaultWorkspaceName(path: string): string {
  return [...basename(path, extname(path))].slice(0, 200).join('').trim() || 'Workspace';
}

/**
 * The one rule for writing a workspace to a path (New, the demo, Save As, a restored backup), held
 * from before the new file is built until it has been renamed into place:
 * - a path that does not exist may be created (its folder must exist); an orphan `-journal` there is
 *   removed, so SQLite can never roll a stranger's journal into the new file;
 * - an existing path is replaced only when the caller says so, and only when it is a healthy
 *   Interlock workspace that no other window or program holds. A damaged, newer or foreign file, or a
 *   folder, is never replaced.
 * - While claimed, the old file is held under an EXCLUSIVE lock (after SQLite rolled back any hot
 *   journal of its own), so no other process can open it between the check and the rename.
 */
export interface TargetClaim {
  readonly path: string;
  /** Renames `built` over the path (fsynced), then lets go of the old file. */
  replaceWith(built: string): void;
  /** Lets go without replacing anything. */
  release(): void;
}

export function claimWorkspaceTarget(inputPath: string, options: { replace: boolean }): TargetClaim {
  const path = resolve(inputPath);
  if (!existsSync(dirname(path))) throw new AppError('not-found', `The folder ${dirname(path)} does not exist; create it first or choose another.`);
  if (!existsSync(path)) {
    return {
      path,
      replaceWith(built) {
        giveOwnChangeCounter(built);
        rmSync(`${path}-journal`, { force: true });
        renameSync(built, path);
        fsyncPath(dirname(path));
      },
      release: () => undefined,
    };
  }
  if (!options.replace) {
    throw new AppError('workspace-exists', `${path} already exists. Choose another name, or confirm that it should be replaced.`);
  }
  const holder = holdForReplacement(path);
  let held = true;
  const letGo = () => {
    if (!held) return;
    held = false;
    if (holder.inTransaction) holder.exec('ROLLBACK');
    holder.close();
  };
  return {
    path,
    replaceWith(built) {
      try {
        giveOwnChangeCounter(built);
        // The lock is held and nothing was written, so no journal of the old file can be hot now.
        rmSync(`${path}-journal`, { force: true });
        renameSync(built, path);
        fsyncPath(dirname(path));
      } finally {
        letGo();
      }
    },
    release: letGo,
  };
}

/** Checks an existing target as `openWorkspace` would and takes its lock; refusals say it was not replaced. */
function holdForReplacement(path: string): Db {
  const notReplaced = (error: unknown): unknown => {
    const translated = translateSqliteError(error, path);
    if (translated instanceof AppError && translated.code !== 'workspace-locked') return new AppError(translated.code, `Not replaced: ${translated.message}`);
    return translated;
  };
  if (statSync(path).isDirectory()) throw new AppError('not-a-workspace', `${path} is a folder, not an Interlock workspace. It was not replaced.`);
  let db: Db | undefined;
  try {
    const header = readHeader(path);
    if (!hasHotJournal(path)) checkHeader(path, header);
    db = new Database(path, { fileMustExist: true, timeout: LOCK_WAIT_MS });
    // A read-write connection rolls back a hot journal of the old file first; then check it whole.
    verify(db, path);
    db.exec('BEGIN EXCLUSIVE');
    return db;
  } catch (error) {
    db?.close();
    throw notReplaced(error);
  }
}

/**
 * Creates a new workspace atomically: built in a temporary sibling, then renamed into place, so a
 * crash never leaves a half-made workspace under the user's chosen name. `fill` runs inside the
 * same build (the demo uses it). The target follows `claimWorkspaceTarget`'s rule.
 */
export function createWorkspace(
  inputPath: string,
  options: { name?: string; overwrite?: boolean; fill?: (db: Db) => void } = {},
): Workspace {
  const claim = claimWorkspaceTarget(inputPath, { replace: options.overwrite ?? false });
  const { path } = claim;
  const tmp = temporarySibling(path);
  try {
    createPrivateFile(tmp);
    const db = new Database(tmp);
    try {
      // Before anything is written: the page size is fixed by the first table (see NEW_PAGE_SIZE).
      db.pragma(`page_size = ${NEW_PAGE_SIZE}`);
      db.pragma(`application_id = ${INTERLOCK_APPLICATION_ID}`);
      db.pragma('journal_mode = DELETE');
      // Nobody sees the temporary file until it is fsynced whole and renamed into place, so the
      // migrations' and the demo's commits need no sync of their own.
      db.pragma('synchronous = OFF');
      db.pragma('foreign_keys = ON');
      migrate(db, path);
      const now = new Date().toISOString();
      const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      meta.run('name', options.name ?? defaultWorkspaceName(path));
      meta.run('created_at', now);
      options.fill?.(db);
      // The query planner's statistics, written with the new file: nothing else would write them (an
      // open and close that change nothing no longer run optimize), and without them the program
      // board's queries took four times as long in the demo and the bench's plan workspace.
      if (options.fill) db.pragma('optimize');
    } finally {
      db.close();
    }
    fsyncPath(tmp);
    claim.replaceWith(tmp);
  } catch (error) {
    claim.release();
    removeQuietly(tmp);
    throw translateSqliteError(error, path);
  }
  return openWorkspace(path);
}

/**
 * Runs `PRAGMA optimize` inside the caller's write transaction, under a savepoint. After a big write
 * the query planner gets its statistics at once, and they are written with the transaction's own
 * commit: at 100,000 items ≈ 8 ms, against ≈ 120 ms for the separate transaction and syncs of the
 * optimize at close, which then finds nothing to do. A storage refusal costs only the statistics.
 */
export function optimizeInTransaction(db: Db): void {
  if (!db.inTransaction) throw new Error('optimizeInTransaction must run inside a transaction');
  try {
    db.transaction(() => db.pragma('optimize'))();
  } catch (error) {
    if (!isStorageRefusal(error) || !db.inTransaction) throw error;
  }
}

/**
 * Closes a workspace. `PRAGMA optimize` may write the query planner's statistics (a file without
 * any gets them), so it runs only when this connection changed rows: a workspace opened and looked
 * at, or one that refused an import, keeps every byte. (Its change counter cannot be read from the
 * file instead: opening and closing the file in this process would drop SQLite's POSIX lock on it.)
 */
export function closeWorkspace(workspace: Workspace): void {
  release(workspace.db);
  if (!workspace.db.open) return;
  if (workspace.db.prepare('SELECT total_changes()').pluck().get() === 0) {
    workspace.db.close();
    return;
  }
  try {
    workspace.db.pragma('optimize');
  } catch (error) {
    // The statistics are a nicety: a full or read-only disk must not stop the workspace closing.
    if (!isStorageRefusal(error)) throw error;
  } finally {
    workspace.db.close();
  }
}

/**
 * Copies the open workspace to `target` through SQLite's backup API (never the live bytes):
 * backup to a temporary sibling, make it a rollback-journal file, integrity_check it, fsync, then
 * rename over the target — so a kill at any point leaves the target either as it was or complete.
 * The target follows `claimWorkspaceTarget`'s rule: an existing one only with `replace`.
 */
export async function backupWorkspace(workspace: Workspace, inputTarget: string, options: { replace?: boolean; name?: string } = {}): Promise<string> {
  const target = resolve(inputTarget);
  if (sameFile(target, workspace.path)) throw new AppError('invalid-input', `A copy needs a file of its own: ${target} is the workspace being copied.`);
  const claim = claimWorkspaceTarget(target, { replace: options.replace ?? false });
  const tmp = temporarySibling(target);
  try {
    await copyThroughBackupApi(workspace.db, tmp, target, { name: options.name, newIdentity: true });
    claim.replaceWith(tmp);
    return target;
  } catch (error) {
    claim.release();
    removeQuietly(tmp);
    throw translateSqliteError(error, target);
  }
}

/**
 * A consistent, checked, fsynced copy at `tmp` (a rollback-journal file); `target` names it in
 * messages. With `name`, the copy gets that workspace name before it is checked; with `newIdentity`
 * an id of its own (Save As makes another workspace, whose backups are its own; a backup or a
 * restore is the same workspace and keeps its id).
 */
export async function copyThroughBackupApi(db: Db, tmp: string, target: string, options: { name?: string; newIdentity?: boolean } = {}): Promise<void> {
  createPrivateFile(tmp);
  await db.backup(tmp);
  const copy = new Database(tmp, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    if (options.name !== undefined) writeMeta(copy, 'name', options.name);
    if (options.newIdentity) writeMeta(copy, WORKSPACE_ID_KEY, randomUUID());
    const check = checkReport(copy, 'integrity_check');
    if (check !== 'ok') throw new AppError('workspace-corrupt', `The copy failed its integrity check (${checkSummary(check)}); ${target} was not written.`);
  } finally {
    copy.close();
  }
  fsyncPath(tmp);
}

/**
 * What is at a path, read without writing and without the full check (cheap enough to ask before a
 * "Replace …?" question); the claim runs the full check before anything is replaced.
 */
export function inspectWorkspaceFile(inputPath: string, options: { checkPages?: boolean } = {}): FileInspection {
  const path = resolve(inputPath);
  const result = (state: FileInspection['state'], extra: Partial<FileInspection> = {}): FileInspection => ({
    path,
    state,
    name: null,
    locked: false,
    message: null,
    ...extra,
  });
  if (!existsSync(path)) return result('missing');
  if (statSync(path).isDirectory()) return result('folder', { message: `${path} is a folder, not an Interlock workspace.` });
  const held = heldConnection(path);
  if (held) return result('workspace', { name: readMeta(held, 'name') ?? defaultWorkspaceName(path), locked: true, message: `${path} is the workspace open here.` });
  const interrupted = hasHotJournal(path);
  try {
    const header = readHeader(path);
    if (!interrupted) checkHeader(path, header);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const state = error.code === 'workspace-newer' ? 'newer' : error.code === 'workspace-corrupt' ? 'damaged' : 'not-a-workspace';
    return result(state, { message: error.message });
  }
  // A read-only look cannot undo a stopped program's half-done write; the claim's read-write open
  // undoes it and checks the file whole before anything is replaced.
  if (interrupted) {
    return result('workspace', { name: defaultWorkspaceName(path), message: `${path} was left in the middle of a write by a program that stopped; opening it undoes that write.` });
  }
  let probe: Db | undefined;
  try {
    probe = new Database(path, { readonly: true, fileMustExist: true, timeout: 0 });
    const name = readMeta(probe, 'name') ?? defaultWorkspaceName(path);
    // A sound header over damaged pages: "Replace …?" would be asked and then refused.
    if (options.checkPages) {
      const check = checkReport(probe, 'quick_check');
      if (check !== 'ok') return result('damaged', { name, message: damagedWorkspaceError(path, check).message });
    }
    return result('workspace', { name });
  } catch (error) {
    const translated = translateSqliteError(error, path);
    if (translated instanceof AppError && translated.code === 'workspace-locked') {
      return result('workspace', { name: defaultWorkspaceName(path), locked: true, message: translated.message });
    }
    if (translated instanceof AppError && translated.code === 'workspace-corrupt') return result('damaged', { message: translated.message });
    if (translated instanceof AppError) return result('not-a-workspace', { message: translated.message });
    throw translated;
  } finally {
    probe?.close();
  }
}

export function readMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
