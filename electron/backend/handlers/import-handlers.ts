import type { importChannels } from '../../../shared/contract/import-channels';
import { fromEpochMs } from '../../../shared/domain/time';
import { distinctFileNames, folderOfSource, resolveFileSource } from '../file-sources';
import { ImportJob } from '../import/import-job';
import { importJobsOf } from '../import/import-jobs';
import { listImports } from '../store/queries/import-log';
import { setUserStatusCategory, statusMapWithUse } from '../store/queries/status-map';
import type { BackendContext, HandlerMap } from './handler-types';
import type { Workspace } from '../store/workspace-file';
import { hasData } from '../store/queries/overview';

/** A copy of what the workspace held before an import writes into it; an empty workspace has nothing to keep. */
async function backupBeforeImport(context: BackendContext, workspace: Workspace): Promise<void> {
  if (!context.backups || !hasData(workspace.db)) return;
  await context.backups.take(workspace.db, workspace.path, 'before-import');
}

export const importHandlers: HandlerMap<typeof importChannels> = {
  'import.start': ({ files, mode, options }, context) => {
    const workspace = context.session.require();
    const resolved = files.map((f) => resolveFileSource(f.source, context));
    const names = distinctFileNames(resolved.map((r, i) => ({ name: r.name, folder: folderOfSource(files[i]!.source) })));
    const sources = resolved.map((r, i) => ({ path: r.path, name: names[i]!, input: i, format: files[i]!.format, columns: files[i]!.columns }));
    const job = new ImportJob(workspace, mode, sources, options, Date.now, () => backupBeforeImport(context, workspace));
    importJobsOf(context).add(job);
    // Runs on its own; failures end up in the job's status, never as an unhandled rejection.
    job
      .run()
      .then(() => {
        if (mode !== 'import' || job.status().state !== 'done') return;
        context.session.changed(workspace);
        // A preview, a refused or a cancelled import keep their uploads for the next try; a committed one is done with them.
        for (const f of files) if (f.source.kind === 'upload') context.uploads.discard(f.source.uploadId);
      })
      .catch((error: unknown) => job.fail(error));
    return { jobId: job.id };
  },

  'import.progress': ({ jobId }, context) => importJobsOf(context).get(jobId).status(),

  'import.cancel': ({ jobId }, context) => ({ cancelled: importJobsOf(context).get(jobId).cancel() }),

  'import.history': (_input, { session }) =>
    listImports(session.require().db).map((r) => ({ ...r, importedAt: fromEpochMs(r.importedAt) })),

  'import.statusMap': (_input, { session }) => statusMapWithUse(session.require().db),

  'import.setStatusCategory': ({ status, category }, context) => {
    const { db } = context.session.require();
    const applied = setUserStatusCategory(db, status, category);
    return { status, category, ...applied };
  },
};
