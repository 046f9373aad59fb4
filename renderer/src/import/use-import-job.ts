import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { ImportJobStatus, ImportStartInput } from '../../../shared/contract/import-channels';
import { invokeOrThrow, type ContractError } from '../api/contract-client';

/** How often a running job is asked for its progress. */
export const POLL_MS = 250;

export interface ImportJobState {
  status: ImportJobStatus | null;
  error: ContractError | Error | null;
  /** The job had started when `error` came: asking for its progress failed (Interlock stopped, say), not starting it. */
  lostWhileRunning: boolean;
  running: boolean;
}

/**
 * Runs one import job (preview or import) through the contract: `import.start` returns a job id,
 * then `import.progress` is polled until the job ends. Works the same over IPC and HTTP. When an
 * import commits, every cached answer is dropped (the workspace changed), even when the page that
 * started it was left meanwhile: polling goes on until the job ends, only `reset` stops it.
 */
export function useImportJob() {
  const client = useQueryClient();
  const [state, setState] = useState<ImportJobState>({ status: null, error: null, lostWhileRunning: false, running: false });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const generation = useRef(0);

  const stop = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const start = useCallback(
    async (input: ImportStartInput) => {
      stop();
      const mine = ++generation.current;
      setState({ status: null, error: null, lostWhileRunning: false, running: true });
      try {
        const { jobId } = await invokeOrThrow('import.start', input);
        const poll = async () => {
          if (mine !== generation.current) return;
          try {
            const status = await invokeOrThrow('import.progress', { jobId });
            if (mine !== generation.current) return;
            const running = status.state === 'running';
            setState({ status, error: null, lostWhileRunning: false, running });
            if (running) timer.current = setTimeout(() => void poll(), POLL_MS);
            else if (status.report?.committed) await client.invalidateQueries();
          } catch (error) {
            if (mine === generation.current) setState((s) => ({ ...s, error: error as Error, lostWhileRunning: true, running: false }));
          }
        };
        await poll();
      } catch (error) {
        if (mine === generation.current) setState({ status: null, error: error as Error, lostWhileRunning: false, running: false });
      }
    },
    [client, stop],
  );

  const cancel = useCallback(async () => {
    const jobId = state.status?.jobId;
    if (jobId) await invokeOrThrow('import.cancel', { jobId });
  }, [state.status?.jobId]);

  const reset = useCallback(() => {
    stop();
    generation.current++;
    setState({ status: null, error: null, lostWhileRunning: false, running: false });
  }, [stop]);

  return { ...state, start, cancel, reset };
}
