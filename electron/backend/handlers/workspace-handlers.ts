import { existsSync, mkdirSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/contract/result';
import { demoWorkspacePath } from '../startup';
import type { Database } from 'better-sqlite3';
import { DemoOptions, type WorkspaceSummary } from '../../../shared/contract/workspace-channels';
import type { workspaceChannels } from '../../../shared/contract/workspace-channels';
import { fromEpochMs } from '../../../shared/domain/time';
import { writeDemoPortfolio } from '../demo/write-demo';
import { getSchemaVersion } from '../store/migrations';
import { countEntities, countTables, dataDateRange, listValueStreams } from '../store/queries/overview';
import { backupWorkspace, createWorkspace, defaultWorkspaceName, openWorkspace, readMeta, type Workspace } from '../store/workspace-file';
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

export const workspaceHandlers: HandlerMap<typeof workspaceChannels> = {
  'workspace.current': (_input, { session }) => (session.current ? summarize(session.current) : null),

  'workspace.create': ({ path, name }, context) => {
    context.session.close();
    return adopt(context, createWorkspace(path, { name }));
  },

  'workspace.createDemo': ({ path, overwrite, items, seed }, context) => {
    context.session.close();
    const fill = (db: Database) => writeDemoPortfolio(db, { items, seed });
    return adopt(context, createWorkspace(path, { name: 'Interlock demo', overwrite, fill }));
  },

  'workspace.openDemo': (_input, context) => {
    if (!context.state) throw new AppError('invalid-input', 'There is no demo workspace here; use `interlock demo FILE` to write one.');
    const path = demoWorkspacePath(context.state.dir);
    if (existsSync(path)) return adopt(context, openWorkspace(path));
    context.session.close();
    mkdirSync(context.state.dir, { recursive: true });
    const fill = (db: Database) => writeDemoPortfolio(db, DemoOptions.parse({}));
    return adopt(context, createWorkspace(path, { name: 'Interlock demo', fill }));
  },

  'workspace.open': ({ path }, context) => {
    // Open first, then swap: a refused file leaves the current workspace open.
    const workspace = openWorkspace(path);
    return adopt(context, workspace);
  },

  'workspace.saveAs': async ({ path, switchTo }, context) => {
    const current = context.session.require();
    const target = await backupWorkspace(current, path);
    if (!switchTo) return summarize(current);
    context.session.close();
    return adopt(context, openWorkspace(target));
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
