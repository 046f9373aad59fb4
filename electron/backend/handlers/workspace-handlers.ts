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
import { BACKUPS_KEPT, restoreBackup, type WorkspaceBackups } from '../store/workspace-backups';
import { countEntities, countTables, dataDateRange, listValueStreams } from '../store/queries/overview';
import { backupWorkspace, createWorkspace, defaultWorkspaceName, inspectWorkspaceFile, openWorkspace, peekSchemaVersion, readMeta, type Workspace } from '../store/workspace-file';
import { resolve } from 'node:path';
import type { BackendContext, HandlerMap } from './handler-types';

function summarize(workspace: Workspace): WorkspaceSummary {
  return {
    path: workspace.path,
    name: readMeta(workspace.db, 'name') ?? defaultWorkspaceName(workspace.path),
    schemaVersion: getSchemaVersion(workspace.db),
  };
}

function adopt(context: BackendContext, workspace: Workspace): WorkspaceSummary {
  context.session.replace(workspace);
  const summary = summarize(workspace);
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
async function openWithBackup(context: BackendContext, path: string): Promise<Workspace> {
  const version = peekSchemaVersion(path);
  if (context.backups && version !== null && version > 0 && version < LATEST_SCHEMA_VERSION) {
    try {
      await context.backups.takeOfFile(path, 'before-migration');
    } catch (error) {
      if (!isStorageRefusal(error) && !(error instanceof AppError)) throw error;
    }
  }
  return openWorkspace(path);
}

function releaseIfTarget(context: BackendContext, path: string): void {
  if (context.session.current?.path === resolve(path)) context.session.close();
}

export const workspaceHandlers: HandlerMap<typeof workspaceChannels> = {
  'workspace.current': (_input, { session }) => (session.current ? summarize(session.current) : null),

  'workspace.create': ({ path, name }, context) => {
    releaseIfTarget(context, path);
    return adopt(context, createWorkspace(path, { name }));
  },

  'workspace.createDemo': ({ path, overwrite, items, seed }, context) => {
    releaseIfTarget(context, path);
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

  'workspace.open': async ({ path }, context) => {
    // Open first, then swap: a refused file leaves the current workspace open.
    const workspace = await openWithBackup(context, path);
    return adopt(context, workspace);
  },

  'workspace.saveAs': async ({ path, switchTo, replace }, context) => {
    const current = context.session.require();
    const target = await backupWorkspace(current, path, { replace });
    if (!switchTo) return summarize(current);
    context.session.close();
    return adopt(context, openWorkspace(target));
  },

  'workspace.inspect': ({ path }) => inspectWorkspaceFile(path),

  'workspace.backups.list': ({ path }, context) => {
    const backups = requireBackups(context);
    const workspace = resolve(path ?? context.session.require().path);
    return { workspace, folder: backups.folderFor(workspace), kept: BACKUPS_KEPT, backups: backups.list(workspace) };
  },

  'workspace.backups.restore': async ({ path, number }, context) => {
    const backups = requireBackups(context);
    const target = resolve(path ?? context.session.require().path);
    const entry = backups.find(target, number);
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

  'workspace.overview': (_input, { session }) => {
    const workspace = session.require();
    const { db } = workspace;
    const range = dataDateRange(db);
    return {
      ...summarize(workspace),
      counts: countEntities(db),
      tables: countTables(db),
      valueStreams: listValueStreams(db),
      dateRange: range ? { from: fromEpochMs(range.from), to: fromEpochMs(range.to) } : null,
      fileBytes: statSync(workspace.path).size,
    };
  },
};
