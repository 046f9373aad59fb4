import { AppError } from '../../../shared/contract/result';
import type { BackendContext } from '../handlers/handler-types';
import type { ImportJob } from './import-job';

/** Finished jobs are kept this long for their report to be fetched, then dropped. */
const KEEP_FINISHED_MS = 30 * 60 * 1000;
const MAX_JOBS = 50;

/** The import jobs of one backend. */
export class ImportJobs {
  readonly #jobs = new Map<string, ImportJob>();

  add(job: ImportJob): void {
    this.#prune();
    this.#jobs.set(job.id, job);
  }

  get(id: string): ImportJob {
    const job = this.#jobs.get(id);
    if (!job) throw new AppError('not-found', 'That import is no longer known (it finished long ago or Interlock restarted); start it again.');
    return job;
  }

  /** The import (not preview) writing to the workspace now, if any. */
  runningImport(): ImportJob | null {
    for (const job of this.#jobs.values()) if (job.mode === 'import' && job.state === 'running') return job;
    return null;
  }

  #prune(): void {
    const now = Date.now();
    for (const [id, job] of this.#jobs) {
      if (job.finishedAt.ms !== null && (now - job.finishedAt.ms > KEEP_FINISHED_MS || this.#jobs.size > MAX_JOBS)) this.#jobs.delete(id);
    }
  }
}

/** The job registry of a backend: part of its context, like its session. */
export function importJobsOf(context: BackendContext): ImportJobs {
  return context.importJobs;
}
