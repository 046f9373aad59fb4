import { existsSync, mkdirSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/contract/result';
import { demoWorkspacePath } from '../startup';
import type { Database } from 'better-sqlite3';
import { DemoOptions, type WorkspaceSummary } from '../../../shared/contract/workspace-channels';
import type { workspaceChannels } from '../../../shared/contract/workspace-channels';
import { fromEpochMs } from '../../../shared/domain/time';
import { writeDemoPortfolio } from '../demo/write-demo';
import { getSchemaVersion, LATEST_SCHEMA_VERSION } from '../store/migrations';
import { isStorageRefusal } from '../store/sqlite-errors';
import { BACKUPS_KEPT, PROTECTIVE_KEPT, restoreBackup, workspaceIdOf, workspaceIdOfFile, type WorkspaceBackups } from '../store/workspace-backups';
import { countEntities, countTables, dataDateRange, listValueStreams } from '../store/queries/overview';
import { backupWorkspace, createWorkspace, defaultWorkspaceName, inspectWorkspaceFile, openForLooking, openWorkspace, peekSchemaVersion, readMeta, rollBackInterruptedWrite, sameFile, writeMeta, type Workspace } from '../store/workspace-file';
import { looksSealed } from '../store/sealed-copy';
import { fileStemForName, WORKSPACE_EXTENSION, workspaceNameForFiles } from '../../../shared/domain/workspace-names';
import { extname, join, resolve } from 'node:path';
import type { BackendContext, HandlerMap } from './handler-types';

export function summarize(workspace: Workspace, context?: BackendContext): WorkspaceSummary {
  return {
    path: workspace.path,
    name: readMeta(workspace.db, 'name') ?? defaultWorkspaceName(workspace.path),
    schemaVersion: getSchemaVersion(workspace.db),
    demo: context?.state ? workspace.path === resolve(demoWorkspacePath(context.state.dir)) : false,
    ...(workspace.lookingAt ? { fileSchemaVersion: workspace.lookingAt.fileSchemaVersion } : {}),
    ...(context?.session.openIdOf(workspace) ? { openId: context.session.openIdOf(workspace) } : {}),
  };
}

export function adopt(context: BackendContext, workspace: Workspace): WorkspaceSummary {
  context.session.replace(workspace);
  const summary = summarize(workspace, context);
  context.state?.remember(summary.path, summary.name);
  return summary;
}

/**
 * Writing a new workspace over the one this backend holds needs its own lock released first (the
 * claim then checks and takes it); any other target leaves the open workspace open, so a refused
 * write does not close it for nothing.
 */
function requireBackups(context: BackendContext): WorkspaceBackups {
  if (!context.backups) throw new AppError('invalid-input', 'This Interlock keeps no backups (it has no state folder).');
  return context.backups;
}

/**
 * Opens a workspace; when its schema is older than this Interlock's, a backup is taken first, so a
 * faulty upgrade can always be undone. A backup that cannot be written (a full disk) does not stop
 * the open: the upgrade itself is all or nothing.
 */
export async function openWithBackup(context: BackendContext, path: string): Promise<Workspace> {
  // A write a stopped program left half-done hides the header's version until it is undone.
  rollBackInterruptedWrite(path);
  const version = peekSchemaVersion(path);
  if (context.backups && version !== null && version > 0 && version < LATEST_SCHEMA_VERSION) {
    try {
      await context.backups.takeOfFile(path, 'before-migration');
    } catch (error) {
      if (!isStorageRefusal(error) && !(error instanceof AppError)) throw error;
    }
  }
  const workspace = openWorkspace(path);
  // The upgrade may have given the workspace its id after the backup above was taken without one.
  context.backups?.remember(workspace.path, workspaceIdOf(workspace.db));
  return workspace;
}

/**
 * The id the backups of the workspace at `path` were taken with: read from the open workspace when
 * it is this one (its file is locked), else from the file (a look's copy in memory may have been
 * given an id by its upgrade there, so the file's own is read).
 */
function workspaceIdAt(context: BackendContext, path: string): string | null {
  const current = context.session.current;
  return current?.path === path && !current.lookingAt ? workspaceIdOf(current.db) : workspaceIdOfFile(path);
}

/**
 * Before a workspace is replaced on purpose (Save As over it after "Replace …?", the demo, an
 * anonymised or unsealed copy with --force; New never replaces), a backup of it: even a confirmed replace can be
 * undone from Restore a backup. Nothing is taken when no workspace stands there, or when it is
 * open elsewhere (the replace is then refused); one that cannot be kept refuses the replace.
 */
export async function backUpBeforeReplacing(context: BackendContext, path: string, replace: boolean | undefined): Promise<void> {
  if (!replace || !context.backups) return;
  const target = resolve(path);
  const current = context.session.current;
  if (current?.path === target && !current.lookingAt) {
    await context.backups.take(current.db, target, 'before-replace');
    return;
  }
  const inspection = inspectWorkspaceFile(target);
  if (inspection.state !== 'workspace' || inspection.locked) return;
  try {
    await context.backups.takeOfFile(target, 'before-replace');
  } catch (error) {
    // Its header is a workspace's, its pages are not: said of the file being replaced, not of the
    // backup that could not be made of it (which read as if the new copy were bad).
    if (error instanceof AppError && error.code === 'workspace-corrupt') {
      throw new AppError('workspace-corrupt', `Not replaced: ${target} is a damaged workspace, and a damaged file is never replaced; it was left as it is. Restore one of its backups (Restore a backup…, or the CLI's backups command), or choose another file.`);
    }
    throw error;
  }
}

/** A path in `folder` for a new workspace named `name` that nothing stands at yet ("name 2", "name 3"… after). */
function freeWorkspacePath(folder: string, name: string): string {
  mkdirSync(folder, { recursive: true });
  const stem = fileStemForName(name);
  for (let n = 1; ; n++) {
    const path = join(folder, `${stem}${n === 1 ? '' : ` ${n}`}${WORKSPACE_EXTENSION}`);
    if (!existsSync(path) && !existsSync(`${path}-journal`)) return path;
  }
}

const DATA_FILE_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.json', '.xlsx', '.xls']);

/** What to do instead, when the file refused is a data export or a sealed copy. */
function withOpenHint(error: unknown, path: string): unknown {
  if (!(error instanceof AppError) || error.code !== 'not-a-workspace') return error;
  const file = resolve(path);
  if (looksSealed(file)) return new AppError('not-a-workspace', `${file} is a sealed copy, not a workspace: open it with Open a sealed copy… (it asks for its passphrase).`);
  if (DATA_FILE_EXTENSIONS.has(extname(file).toLowerCase())) return new AppError('not-a-workspace', `${error.message} To bring its data into a workspace, use Import.`);
  return error;
}

/**
 * A file refused as not a workspace where Interlock kept backups of one (emptied, overwritten by
 * another file): the refusal says they are there and how to put one back.
 */
function withBackupHint(error: unknown, context: BackendContext, path: string): unknown {
  if (!(error instanceof AppError) || error.code !== 'not-a-workspace' || !context.backups) return error;
  const kept = context.backups.list(path).length;
  if (kept === 0) return error;
  const file = resolve(path);
  return new AppError(
    error.code,
    `${error.message} Interlock kept ${kept === 1 ? 'a backup' : `${kept} backups`} of the workspace that was at this path: restore one with Workspace → Restore a backup…, or \`interlock backups "${file}" --restore 1\` (the file there now is moved aside, not deleted).`,
  );
}

function releaseIfTarget(context: BackendContext, path: string): void {
  if (context.session.current?.path === resolve(path)) context.session.close();
}

export const workspaceHandlers: HandlerMap<typeof workspaceChannels> = {
  'workspace.current': (_input, context) => (context.session.current ? summarize(context.session.current, context) : null),

  // New never replaces a file, so the open workspace stays open whatever the path (it is refused
  // as existing); only a replacing write lets go of it first, for the claim to take its lock.
  'workspace.create': ({ path, name }, context) => adopt(context, createWorkspace(path, { name })),

  'workspace.createDemo': async ({ path, overwrite, items, seed }, context) => {
    await backUpBeforeReplacing(context, path, overwrite);
    if (overwrite) releaseIfTarget(context, path);
    const fill = (db: Database) => writeDemoPortfolio(db, { items, seed });
    return adopt(context, createWorkspace(path, { name: 'Interlock demo', overwrite, fill }));
  },

  'workspace.openDemo': async (_input, context) => {
    if (!context.state) throw new AppError('invalid-input', 'There is no demo workspace here; use `interlock demo FILE` to write one.');
    const path = demoWorkspacePath(context.state.dir);
    if (existsSync(path)) return adopt(context, await openWithBackup(context, path));
    context.session.close();
    mkdirSync(context.state.dir, { recursive: true });
    const fill = (db: Database) => writeDemoPortfolio(db, DemoOptions.parse({}));
    return adopt(context, createWorkspace(path, { name: 'Interlock demo', fill }));
  },

  'workspace.createForFiles': async ({ fileNames, copyOfOpen }, context) => {
    if (!context.workspacesDir) throw new AppError('invalid-input', 'This Interlock has no default folder for workspaces; create one with New… instead.');
    const forFiles = workspaceNameForFiles(fileNames);
    if (!copyOfOpen) return adopt(context, createWorkspace(freeWorkspacePath(context.workspacesDir, forFiles), { name: forFiles }));
    const current = context.session.require();
    const name = `${forFiles} (with ${summarize(current, context).name})`;
    const target = await backupWorkspace(current, freeWorkspacePath(context.workspacesDir, name), { name });
    context.session.close();
    return adopt(context, openWorkspace(target));
  },

  'workspace.rename': ({ name }, context) => {
    const workspace = context.session.require();
    writeMeta(workspace.db, 'name', name);
    const summary = summarize(workspace, context);
    context.state?.remember(summary.path, summary.name);
    return summary;
  },

  'workspace.open': async ({ path, lookOnly }, context) => {
    // The workspace already open here, chosen again (from the recent list, or the dialog): it stays
    // open as it is. Opened a second time it met its own lock ("open in another window").
    const current = context.session.current;
    if (!lookOnly && current && !current.lookingAt && sameFile(resolve(path), current.path)) return adopt(context, current);
    // Open first, then swap: a refused file leaves the current workspace open.
    const opening = lookOnly ? Promise.resolve().then(() => openForLooking(path)) : openWithBackup(context, path);
    const workspace = await opening.catch((error: unknown) => {
      throw withBackupHint(withOpenHint(error, path), context, path);
    });
    // A look is not a workspace the person works in: it does not join the recent list.
    if (lookOnly) {
      context.session.replace(workspace);
      return summarize(workspace, context);
    }
    return adopt(context, workspace);
  },

  'workspace.saveAs': async ({ path, switchTo, replace, name }, context) => {
    const current = context.session.require();
    if (!sameFile(resolve(path), current.path)) await backUpBeforeReplacing(context, path, replace);
    const target = await backupWorkspace(current, path, { replace, name: name ?? defaultWorkspaceName(resolve(path)) });
    if (!switchTo) return summarize(current, context);
    context.session.close();
    return adopt(context, openWorkspace(target));
  },

  // Asked before "Replace …?": the pages are checked too (quick_check, ≈ 2 ms per MB), so a damaged
  // file is refused up front rather than after the person confirmed.
  'workspace.inspect': ({ path }) => inspectWorkspaceFile(path, { checkPages: true }),

  'workspace.backups.list': ({ path }, context) => {
    const backups = requireBackups(context);
    const workspace = resolve(path ?? context.session.require().path);
    return { workspace, folder: backups.folderFor(workspace), kept: BACKUPS_KEPT, keptBesides: PROTECTIVE_KEPT, backups: backups.list(workspace, workspaceIdAt(context, workspace)) };
  },

  'workspace.backups.restore': async ({ path, number }, context) => {
    const backups = requireBackups(context);
    const target = resolve(path ?? context.session.require().path);
    const entry = backups.find(target, number, workspaceIdAt(context, target));
    releaseIfTarget(context, target);
    const restored = await restoreBackup(backups, entry, target);
    return { ...adopt(context, openWorkspace(target)), ...restored, restored: entry };
  },

  'workspace.close': (_input, context) => {
    const closed = context.session.close();
    if (closed) context.state?.forgetLast();
    return { closed };
  },

  'workspace.recent': (_input, { state }) => state?.recent() ?? [],

  'workspace.overview': (_input, context) => {
    const workspace = context.session.require();
    const { db } = workspace;
    const range = dataDateRange(db);
    return {
      ...summarize(workspace, context),
      counts: countEntities(db),
      tables: countTables(db),
      valueStreams: listValueStreams(db),
      dateRange: range ? { from: fromEpochMs(range.from), to: fromEpochMs(range.to) } : null,
      fileBytes: statSync(workspace.path).size,
    };
  },
};
