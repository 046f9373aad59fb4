import type { z } from 'zod';
import type { Channel } from '../../../shared/contract/channel';
import type { AppState } from '../app-state';
import type { Session } from '../session';
import type { UploadStore } from '../uploads';
import type { ImportJobs } from '../import/import-jobs';
import type { WorkspaceBackups } from '../store/workspace-backups';
import type { PlanSimulationThreads } from '../forecast/plan-simulation-threads';

/** What every handler may use. No Electron here: the same context serves IPC, HTTP and the CLI. */
export interface BackendContext {
  readonly session: Session;
  /** Per-user state (recent files); null for the CLI, which remembers nothing. */
  readonly state: AppState | null;
  /** Files sent by a browser (the HTTP host); Electron and the CLI pass paths instead. */
  readonly uploads: UploadStore;
  /** The imports and previews this backend runs or ran lately. */
  readonly importJobs: ImportJobs;
  /** Automatic copies before upgrades, imports and restores; null where there is nowhere to keep them. */
  readonly backups: WorkspaceBackups | null;
  /** Where workspaces made for the user go ("Start from your files"); null for the CLI. */
  readonly workspacesDir: string | null;
  /** The user's home folder: the file chooser browses inside it (and folders the user opened workspaces from). */
  readonly homeDir: string;
  /** Worker threads for the plan simulation's trials (see forecast/plan-simulation-threads). */
  readonly planThreads: PlanSimulationThreads;
}

/** One handler map per domain, typed once from that domain's channels. */
export type HandlerMap<Channels extends Record<string, Channel>> = {
  [K in keyof Channels]: (
    input: z.output<Channels[K]['input']>,
    context: BackendContext,
  ) => z.input<Channels[K]['output']> | Promise<z.input<Channels[K]['output']>>;
};
