import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/result';
import type { BackupEntry, BackupReason } from '../../../shared/contract/workspace-channels';
import { fromEpochMs } from '../../../shared/domain/time';
import { WORKSPACE_ID_KEY } from './migrations';
import { isStorageRefusal, translateSqliteError } from './sqlite-errors';
import { claimWorkspaceTarget, copyThroughBackupApi, giveOwnChangeCounter, inspectWorkspaceFile, PRIVATE_FILE_MODE, readMeta, removeQuietly, removeStaleTemporaries, rollBackInterruptedWrite, sameFile, temporarySibling } from './workspace-file';

/** Backups kept per path, whatever they were taken before; the oldest beyond this are deleted after each new one. */
export const BACKUPS_KEPT = 5;
/**
 * Besides those, the newest of each kind that holds what a person put aside on purpose: a workspace
 * replaced (Save As, the demo, a copy over it) or the content a restore replaced. Its only other
 * copy is gone, so routine backups (five small imports) must not push it out.
 */
export const PROTECTIVE_KEPT = 3;
const PROTECTIVE_REASONS: readonly BackupReason[] = ['before-replace', 'before-restore'];

const REASON_SLUG: Record<BackupReason, string> = {
  'before-migration': 'before-upgrade',
  'before-import': 'before-import',
  'before-restore': 'before-restore',
  'before-replace': 'before-replace',
};
const SLUG_REASON = new Map(Object.entries(REASON_SLUG).map(([reason, slug]) => [slug, reason as BackupReason]));

/** Beside a path's backups: that path, and the ids of the workspaces they are copies of. */
const FOLDER_LABEL = 'workspace.json';
interface FolderLabel {
  readonly path: string;
  readonly ids: readonly string[];
}

/**
 * Copies of workspaces taken before anything could go wrong with them (an upgrade of the schema,
 * an import that changes data, a restore), kept outside the workspace in the app's state folder:
 * `<state>/backups/<file name>-<hash of its path>/<UTC time>-<reason>.interlock`. Two workspaces with
 * the same file name in different folders keep separate backups. Each folder's label names the
 * workspace ids (meta `workspace_id`) it holds copies of, so a workspace renamed, moved or reached
 * through a linked folder still finds the backups it had under its earlier path.
 */
export class WorkspaceBackups {
  constructor(readonly dir: string) {}

  folderFor(workspacePath: string): string {
    const path = resolve(workspacePath);
    const stem = basename(path, extname(path)).replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 80) || 'workspace';
    const hash = createHash('sha256').update(path).digest('hex').slice(0, 10);
    return join(this.dir, `${stem}-${hash}`);
  }

  /**
   * A consistent copy through SQLite's backup API, checked and fsynced before it is kept, then the
   * oldest beyond `BACKUPS_KEPT` are deleted. Returns the copy's path.
   */
  async take(db: Db, workspacePath: string, reason: BackupReason, now = new Date(), keep: readonly string[] = []): Promise<string> {
    const folder = this.folderFor(workspacePath);
    try {
      // Private, as the copies in it: its label and file names name the workspace.
      mkdirSync(folder, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw backupNotWritten(workspacePath, folder, error);
    }
    // File names sort by time: the instant to the millisecond, then a counter for backups within one.
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    let target = '';
    for (let n = 1; !target || existsSync(target); n++) target = join(folder, `${stamp}-${String(n).padStart(2, '0')}-${REASON_SLUG[reason]}.interlock`);
    const tmp = temporarySibling(target);
    let same: string | null;
    try {
      await copyThroughBackupApi(db, tmp, target);
      // The newest backup already holds exactly this (an import refused or failed since, which wrote
      // nothing): keeping it again would only push an older, different restore point out.
      same = newestIfSame(folder, tmp, reason);
      if (same === null) {
        giveOwnChangeCounter(tmp);
        renameSync(tmp, target);
      } else removeQuietly(tmp);
    } catch (error) {
      removeQuietly(tmp);
      throw backupNotWritten(workspacePath, folder, error);
    }
    this.#label(folder, workspacePath, workspaceIdOf(db));
    this.#prune(folder, [same ?? target, ...keep]);
    return same ?? target;
  }

  /**
   * Notes `id` as the workspace at `workspacePath`, when that path has backups: a workspace upgraded
   * to hold an id after its backup was taken (the backup before the upgrade) is then found by it.
   */
  remember(workspacePath: string, id: string | null): void {
    const folder = this.folderFor(workspacePath);
    if (id !== null && existsSync(folder)) this.#label(folder, workspacePath, id);
  }

  /** Takes a backup of a workspace file that is not open here (before its schema is upgraded). */
  async takeOfFile(workspacePath: string, reason: BackupReason, keep: readonly string[] = []): Promise<string> {
    const source = new Database(workspacePath, { readonly: true, fileMustExist: true, timeout: 250 });
    try {
      return await this.take(source, workspacePath, reason, new Date(), keep);
    } finally {
      source.close();
    }
  }

  /**
   * This workspace's backups, newest first (number 1 is the newest): those taken at its path, and
   * with its `id` (meta `workspace_id`, null when unknown) those taken of it under any other path.
   */
  list(workspacePath: string, id: string | null = null): BackupEntry[] {
    const own = this.folderFor(workspacePath);
    const folders = [{ folder: own, takenOf: resolve(workspacePath) }];
    if (id !== null && existsSync(this.dir)) {
      for (const entry of readdirSync(this.dir, { withFileTypes: true })) {
        const folder = join(this.dir, entry.name);
        if (!entry.isDirectory() || folder === own) continue;
        const label = readLabel(folder);
        if (label?.ids.includes(id) && !liveCopyAt(label.path, workspacePath, id)) folders.push({ folder, takenOf: label.path });
      }
    }
    return folders
      .flatMap(({ folder, takenOf }) => backupFiles(folder).map((name) => ({ name, path: join(folder, name), takenOf })))
      // File names start with the instant they were taken, so one order serves every folder.
      .sort((a, b) => (a.name === b.name ? a.path.localeCompare(b.path) : a.name < b.name ? -1 : 1))
      .reverse()
      .map(({ name, path, takenOf }, index) => {
        const match = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z-\d+-([a-z-]+)\.interlock$/.exec(name);
        const takenAt = match ? `${match[1]}:${match[2]}:${match[3]}.${match[4]}Z` : fromEpochMs(statSync(path).mtimeMs);
        return {
          number: index + 1,
          path,
          takenAt,
          reason: (match && SLUG_REASON.get(match[5]!)) ?? 'before-import',
          bytes: statSync(path).size,
          ...backupContents(path),
          takenOf,
        };
      });
  }

  /** The backup numbered `number` in `list` (1 = newest), or a message naming how many there are. */
  find(workspacePath: string, number: number, id: string | null = null): BackupEntry {
    const all = this.list(workspacePath, id);
    const entry = all.find((b) => b.number === number);
    if (!entry) {
      throw new AppError(
        'not-found',
        all.length === 0
          ? `There are no backups of ${resolve(workspacePath)} yet.`
          : `There is no backup number ${number} of ${resolve(workspacePath)}; there are ${all.length} (1 is the newest).`,
      );
    }
    return entry;
  }

  /**
   * Deletes the oldest by name beyond BACKUPS_KEPT, but for the newest PROTECTIVE_KEPT of each
   * protective reason, and never one of `keep`: the backup just taken (a clock that once ran ahead
   * left names that sort after it, and it was deleted as it was taken) and a backup being restored
   * (a kill before its copy was in place lost it).
   */
  #prune(folder: string, keep: readonly string[]): void {
    removeStaleTemporaries(folder);
    const kept = new Set(keep.map((path) => resolve(path)));
    const names = backupFiles(folder).sort().reverse();
    const protectedNames = new Set(PROTECTIVE_REASONS.flatMap((reason) => names.filter((name) => reasonOf(name) === reason).slice(0, PROTECTIVE_KEPT)));
    const routine = names.filter((name) => !protectedNames.has(name));
    let left = BACKUPS_KEPT - routine.filter((name) => kept.has(join(folder, name))).length;
    for (const name of routine) {
      if (kept.has(join(folder, name))) continue;
      if (left > 0) left--;
      else rmSync(join(folder, name), { force: true });
    }
  }

  /**
   * Adds `id` to the folder's label. Written whole then renamed, so a kill leaves the old label or
   * the new one; a label that cannot be written only loses the lookup by id (the path still finds
   * the folder), so it never fails the backup or the open that asked for it.
   */
  #label(folder: string, workspacePath: string, id: string | null): void {
    const label = readLabel(folder);
    const ids = label?.ids ?? [];
    if (label && (id === null || ids.includes(id))) return;
    const next: FolderLabel = { path: resolve(workspacePath), ids: id === null ? ids : [...ids, id] };
    const file = join(folder, FOLDER_LABEL);
    const tmp = temporarySibling(file);
    try {
      writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
      renameSync(tmp, file);
    } catch {
      rmSync(tmp, { force: true });
    }
  }
}

/**
 * Whether `earlier` still holds the workspace `id` as another file than `workspacePath`: then the
 * two are copies side by side (a scenario copied in a file manager), each with backups of its own,
 * and restoring one's backup into the other would swap their contents. A workspace moved or
 * renamed left nothing there; one opened through a linked folder is the same file.
 */
function liveCopyAt(earlier: string, workspacePath: string, id: string): boolean {
  return existsSync(earlier) && !sameFile(earlier, workspacePath) && workspaceIdOfFile(earlier) === id;
}

/**
 * The folder's newest backup (by name, as the list numbers them) when it holds what the copy at
 * `copy` holds, else null. Two copies of one unchanged workspace through the backup API are the
 * same pages byte for byte, but for the header fields each copy writes anew: the change counter
 * (bytes 24–27, which `giveOwnChangeCounter` makes each backup's own) and the version-valid-for
 * number and SQLite version beside it (92–99). Any other byte differing — a row, a setting, the
 * metrics snapshot, a page freed — makes them different restore points. Read a megabyte at a time,
 * stopping at the first difference; both are files of the backups folder, never the workspace.
 */
function newestIfSame(folder: string, copy: string, reason: BackupReason): string | null {
  const newest = backupFiles(folder).sort().at(-1);
  if (newest === undefined) return null;
  // A protective copy standing in for a routine one would be pruned as routine: kept on its own.
  if (PROTECTIVE_REASONS.includes(reason) && reasonOf(newest) !== reason) return null;
  const path = join(folder, newest);
  try {
    if (statSync(path).size !== statSync(copy).size) return null;
    const [a, b] = [openSync(path, 'r'), openSync(copy, 'r')];
    try {
      const [one, two] = [Buffer.alloc(COMPARE_CHUNK), Buffer.alloc(COMPARE_CHUNK)];
      for (let at = 0; ; at += COMPARE_CHUNK) {
        const read = readSync(a, one, 0, COMPARE_CHUNK, at);
        if (readSync(b, two, 0, COMPARE_CHUNK, at) !== read) return null;
        if (read === 0) return path;
        if (at === 0) {
          for (const [from, to] of HEADER_FIELDS_OF_EACH_COPY) {
            one.fill(0, from, Math.min(to, read));
            two.fill(0, from, Math.min(to, read));
          }
        }
        if (!one.subarray(0, read).equals(two.subarray(0, read))) return null;
      }
    } finally {
      closeSync(a);
      closeSync(b);
    }
  } catch {
    // A backup that cannot be read is no reason to keep none: the new one is kept.
    return null;
  }
}
const COMPARE_CHUNK = 1 << 20;
/** Header bytes every copy writes anew: the change counter, the version-valid-for number and SQLite's version. */
const HEADER_FIELDS_OF_EACH_COPY: readonly (readonly [number, number])[] = [
  [24, 28],
  [92, 100],
];

/** The reason in a backup's file name (`…-<n>-<reason>.interlock`), or undefined for a name of another form. */
function reasonOf(name: string): BackupReason | undefined {
  const match = /-\d+-([a-z-]+)\.interlock$/.exec(name);
  return match ? SLUG_REASON.get(match[1]!) : undefined;
}

function backupFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter((name) => name.endsWith('.interlock') && !name.startsWith('.'));
}

function readLabel(folder: string): FolderLabel | null {
  try {
    const value: unknown = JSON.parse(readFileSync(join(folder, FOLDER_LABEL), 'utf8'));
    const { path, ids } = (value ?? {}) as Partial<FolderLabel>;
    if (typeof path !== 'string' || !Array.isArray(ids)) return null;
    return { path, ids: ids.filter((id): id is string => typeof id === 'string') };
  } catch {
    return null;
  }
}

/** A workspace's id (meta `workspace_id`), or null for one made before ids (schema 10 and older). */
export function workspaceIdOf(db: Db): string | null {
  try {
    return readMeta(db, WORKSPACE_ID_KEY);
  } catch {
    return null;
  }
}

/**
 * The id of a workspace file not open here, read without writing; null when it cannot be read now
 * (not a workspace, damaged, open in another program): its backups are then found by its path alone.
 */
export function workspaceIdOfFile(path: string): string | null {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 250 });
    try {
      return workspaceIdOf(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

const FILE_SYSTEM_REFUSALS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a file stands where a folder should be',
};

/**
 * A backup the state folder refused (its permissions, a full disk, a file in a folder's place), said
 * as such: what asked for the backup (an import, an upgrade) says what it did without it.
 */
function backupNotWritten(workspacePath: string, folder: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? FILE_SYSTEM_REFUSALS[code] : undefined;
  if (reason === undefined && !isStorageRefusal(error)) return error;
  const why = reason ?? (error instanceof Error ? error.message : String(error));
  return new AppError('read-only', `Interlock could not keep its automatic backup of ${resolve(workspacePath)} in ${folder} (${why}). Make that folder writable or free some space, then try again.`);
}

/** The workspace name stored in a backup and how many teams and items it holds; null what cannot be read. */
function backupContents(path: string): Pick<BackupEntry, 'name' | 'holds'> {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const name = readMeta(db, 'name');
    try {
      const holds = db.prepare('SELECT (SELECT count(*) FROM teams) AS teams, (SELECT count(*) FROM work_items) AS items').get() as { teams: number; items: number };
      return { name, holds };
    } catch {
      return { name, holds: null };
    }
  } catch {
    return { name: null, holds: null };
  } finally {
    db?.close();
  }
}

/**
 * Puts a backup back at `target`. Nothing is lost on the way: the backup is copied out first, and
 * pruning cannot take it), what the path held is backed up too ('before-restore'), and a damaged
 * file there, or one that is no longer a workspace (emptied, overwritten), is moved aside next to
 * it, never deleted. A folder, or a workspace of a newer Interlock, is refused.
 */
export async function restoreBackup(
  backups: WorkspaceBackups,
  entry: BackupEntry,
  target: string,
): Promise<{ backupOfPrevious: string | null; damagedKeptAt: string | null }> {
  // A write a stopped program left half-done (an import killed in its commit) is undone first, so
  // the file is seen, and kept as a backup, as it was last committed.
  rollBackInterruptedWrite(target);
  const inspection = inspectWorkspaceFile(target);
  if (inspection.locked) throw new AppError('workspace-locked', inspection.message ?? `${target} is open in another window or program.`);
  if (inspection.state === 'folder' || inspection.state === 'newer') {
    throw new AppError(
      'invalid-input',
      `Not restored: ${inspection.message ?? `${target} is not an Interlock workspace.`} The backup itself is ${entry.path}: copy it to another name to keep it (Save As… in the app, \`interlock copy\` on the command line).`,
    );
  }
  const tmp = temporarySibling(target);
  const source = new Database(entry.path, { readonly: true, fileMustExist: true });
  try {
    await copyThroughBackupApi(source, tmp, target);
  } catch (error) {
    removeQuietly(tmp);
    throw error;
  } finally {
    source.close();
  }
  try {
    let backupOfPrevious: string | null = null;
    // The path held this workspace when the backup was taken: whatever stands there now (damaged,
    // emptied, overwritten by another file) is moved aside, never deleted.
    let damaged = inspection.state === 'damaged' || inspection.state === 'not-a-workspace';
    if (inspection.state === 'workspace') {
      try {
        backupOfPrevious = await backups.takeOfFile(target, 'before-restore', [entry.path]);
      } catch (error) {
        const translated = translateSqliteError(error, target);
        if (!(translated instanceof AppError) || translated.code !== 'workspace-corrupt') throw translated;
        damaged = true;
      }
    }
    let damagedKeptAt: string | null = null;
    if (damaged) {
      damagedKeptAt = `${target}.damaged-${new Date().toISOString().replace(/[:]/g, '-').replace(/\.\d+Z$/, 'Z')}`;
      renameSync(target, damagedKeptAt);
      if (existsSync(`${target}-journal`)) renameSync(`${target}-journal`, `${damagedKeptAt}-journal`);
    }
    const claim = claimWorkspaceTarget(target, { replace: true });
    claim.replaceWith(tmp);
    return { backupOfPrevious, damagedKeptAt };
  } catch (error) {
    removeQuietly(tmp);
    throw error;
  }
}
