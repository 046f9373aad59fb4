import { contract, isChannelName, type ChannelInput, type ChannelName, type ChannelOutput } from '../../shared/contract/contract';
import { AppError, describeZodIssues, fail, ok, type Result } from '../../shared/contract/result';
import type { CallerWindow } from '../../shared/contract/shown-workspace';
import { AppState } from './app-state';
import { allHandlers } from './handlers/all-handlers';
import type { BackendContext } from './handlers/handler-types';
import { prefetchDeliveryRecords, prefetchFlowReport, prefetchMetricsCheck } from './metrics/metrics-service';
import { loadMetrics } from './metrics/metrics-dataset-loader';
import { warmPlanBoard } from './handlers/plan-handlers';
import { ImportJobs, importJobsOf } from './import/import-jobs';
import { planSimulationThreads } from './forecast/plan-simulation-threads';
import { Session } from './session';
import type { Workspace } from './store/workspace-file';
import { UploadStore } from './uploads';
import { oneLine, translateWriteError } from './store/sqlite-errors';
import { WorkspaceBackups } from './store/workspace-backups';
import { removeUnsealingTemporaries } from './store/sealed-copy';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { defaultWorkspacesDir } from './startup';
import { plainIssueMessages } from '../../shared/domain/plain-issue-messages';

export interface BackendOptions {
  /** Folder for per-user state (recent workspaces). Omit to remember nothing (the CLI, tests). */
  stateDir?: string;
  /** Where unexpected errors are logged with their stack; the caller only ever sees code + message. */
  log?: (message: string, error: unknown) => void;
  /**
   * Load the metrics' columns in idle time right after a workspace opens, while the window or the
   * browser is still loading the app (the desktop app and the browser host; the CLI and tests ask
   * for exactly what they need).
   */
  prefetch?: boolean;
  /** Where automatic backups are kept; default `<stateDir>/backups`, none without either. */
  backupsDir?: string;
  /** Where workspaces made for the user go; default (with a stateDir) `defaultWorkspacesDir()`. */
  workspacesDir?: string;
  /** Default: the operating system's home folder for this user. */
  homeDir?: string;
  /** Threads for the plan simulation; default one per core (at most 4); 1 runs it on the backend's thread. */
  planThreads?: number;
}

export interface Backend {
  /**
   * The single entry point of every transport: validates input, runs the handler, returns errors as
   * data. `caller`: the window the call comes from, which says the workspace it shows (the HTTP host
   * and the desktop app's IPC pass it); absent for callers that work in what they opened themselves
   * (the CLI, the desktop menu, tests).
   */
  invoke(channel: string, input: unknown, caller?: CallerWindow): Promise<Result<unknown>>;
  /** Typed convenience for in-process callers (CLI, tests, the Electron menu). */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  readonly context: BackendContext;
  close(): void;
}

export function createBackend(options: BackendOptions = {}): Backend {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const homeDir = options.homeDir ?? homedir();
  const context: BackendContext = {
    session: new Session(options.prefetch ? (workspace) => schedulePrefetch(context.session, workspace, log) : undefined),
    state: options.stateDir ? new AppState(options.stateDir) : null,
    importJobs: new ImportJobs(),
    backups: options.backupsDir || options.stateDir ? new WorkspaceBackups(options.backupsDir ?? join(options.stateDir!, 'backups')) : null,
    uploads: new UploadStore(),
    homeDir,
    workspacesDir: options.workspacesDir ?? (options.stateDir ? defaultWorkspacesDir(homeDir) : null),
    planThreads: planSimulationThreads(options.planThreads),
  };

  async function invoke(channel: string, input: unknown, caller?: CallerWindow): Promise<Result<unknown>> {
    if (!isChannelName(channel)) return fail('unknown-channel', `There is no channel named "${String(channel)}".`);
    const definition = contract[channel];
    // One check for every write of every window (shared/contract/shown-workspace.ts): a tab that
    // still shows the workspace it had before another tab opened another one writes nothing.
    const refused = caller && definition.mutates !== null && !definition.replacesOpen ? context.session.refusalFor(caller) : null;
    if (refused) return { ok: false, error: refused.toShape() };
    const parsed = definition.input.safeParse(input ?? {}, { error: plainIssueMessages });
    if (!parsed.success) {
      const details = describeZodIssues(parsed.error);
      const where = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
      return fail('invalid-input', `Invalid input for ${channel}: ${where}`, details);
    }
    // One rule for every channel that writes (its contract entry says so): not while an import of
    // this workspace is reading, whose records were checked against the workspace as it was.
    const running = definition.mutates !== null && channel !== 'import.cancel' ? importJobsOf(context).runningImport() : null;
    if (running && running.workspace === context.session.current) {
      return fail('invalid-input', `An import is running (${running.file ?? 'finishing'}); changes wait until it is done, or cancel it.`);
    }
    // The workspace a channel that writes writes into: a read-only file, a full disk… met there is said
    // in the same words whichever handler met it (translateWriteError), naming that workspace.
    const writingInto = definition.mutates !== null ? context.session.current : null;
    try {
      const handler = allHandlers[channel] as (input: unknown, context: BackendContext) => unknown;
      const value = await handler(parsed.data, context);
      // Outputs are checked too: a handler that breaks the contract is a bug we want to see, not ship.
      const checked = definition.output.safeParse(value);
      if (!checked.success) {
        log(`Handler ${channel} returned output that breaks the contract`, checked.error);
        return fail('internal', `Interlock produced an invalid answer for ${channel}; this is a bug.`);
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      log(`Handler ${channel} failed`, error);
      const translated = writingInto && writingInto === context.session.current ? translateWriteError(error, writingInto.path, 'nothing was changed') : error;
      if (translated instanceof AppError) return { ok: false, error: translated.toShape() };
      const message = error instanceof Error ? error.message : String(error);
      return fail('internal', `${channel} failed: ${oneLine(message)}`);
    }
  }

  return {
    invoke,
    call: (channel, input) => invoke(channel, input) as never,
    context,
    close: () => {
      context.session.close();
      context.uploads.dispose();
      // The app or the browser host stopping mid-unseal: the decrypted copy beside the target goes.
      removeUnsealingTemporaries();
      void context.planThreads.close();
    },
  };
}

/**
 * After the current request, one step per turn of the event loop: a request that arrives meanwhile
 * is answered between two steps instead of after all of them (the window asks which workspace is
 * open while the columns load, and can then draw its page while the report is computed). A request
 * for what a step would compute fills the same cache, so the step finds it done. A workspace closed
 * or swapped in the meantime is left alone. A failure here is only logged: the page that needs the
 * data will meet it again and report it.
 */
function schedulePrefetch(session: Session, workspace: Workspace, log: (message: string, error: unknown) => void): void {
  const steps: readonly (readonly [string, () => void])[] = [
    ['Loading the metrics', () => loadMetrics(workspace.db)],
    ['Computing the Flow report', () => prefetchFlowReport(workspace.db)],
    // Apart: a call for the report that came while it was computed is answered first, and checks it.
    ['Checking the Flow report', () => prefetchMetricsCheck(workspace.db)],
    ['Reading the deployments and incidents', () => prefetchDeliveryRecords(workspace.db)],
    // Last: the program board's first build.
    ['Warming the program board', () => warmPlanBoard(workspace.db)],
  ];
  const run = (index: number) =>
    setImmediate(() => {
      if (session.current !== workspace || index >= steps.length) return;
      const [what, step] = steps[index]!;
      try {
        step();
      } catch (error) {
        log(`${what} failed`, error);
      }
      run(index + 1);
    });
  run(0);
}
