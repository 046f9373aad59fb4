import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  planBlockCount,
  planSimulationResult,
  preparePlanSimulation,
  simulatePlanBlocks,
  type PlanSimulationInput,
  type PlanSimulationResult,
  type PreparedPlanSimulation,
} from '../../../shared/forecast/plan-simulation';
import { addPlanTallyCounts, type PlanTallyCounts } from '../../../shared/forecast/plan-tally';
import type { BlocksAnswer, BlocksRequest } from './plan-simulation-worker';

// Plan confidence is the one answer that takes seconds: 10,000 trials of every team's queue, twice.
// Its blocks of trials (each on its own random stream) are spread over worker threads, one per
// core, and added up here. The answer is simulatePlan's, bit for bit, however many threads ran it;
// and the backend's own thread stays free for other calls meanwhile. A thread that cannot start
// or breaks down is not fatal: its blocks then run here.

/** Threads at most: each holds its own copy of the plan and a histogram per planned item. */
const MAX_THREADS = 4;

export interface PlanSimulationThreads {
  readonly threads: number;
  simulate(input: PlanSimulationInput): Promise<PlanSimulationResult>;
  close(): Promise<void>;
}

interface Pending {
  resolve(counts: PlanTallyCounts): void;
  reject(error: Error): void;
}

interface Thread {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  broken: boolean;
}

export function defaultPlanThreads(): number {
  return Math.max(1, Math.min(MAX_THREADS, availableParallelism()));
}

/** `threads` ≤ 1 runs every block on the calling thread. */
export function planSimulationThreads(threads = defaultPlanThreads()): PlanSimulationThreads {
  const pool: Thread[] = [];
  let nextId = 1;

  function start(): Thread {
    const { url, entry } = workerModule();
    const worker = entry ? new Worker(entry, { workerData: { entry: url } }) : new Worker(new URL(url));
    // Idle threads never keep the CLI or a test run alive.
    worker.unref();
    const thread: Thread = { worker, pending: new Map(), broken: false };
    const failAll = (error: Error) => {
      thread.broken = true;
      for (const p of thread.pending.values()) p.reject(error);
      thread.pending.clear();
    };
    worker.on('message', (answer: BlocksAnswer) => {
      const p = thread.pending.get(answer.id);
      if (!p) return;
      thread.pending.delete(answer.id);
      if ('error' in answer) p.reject(new RangeError(answer.error));
      else p.resolve(answer.counts);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`The simulation thread stopped (exit code ${code}).`)));
    return thread;
  }

  function threadAt(k: number): Thread {
    if (!pool[k] || pool[k]!.broken) pool[k] = start();
    return pool[k]!;
  }

  function runOn(k: number, input: PlanSimulationInput, fromBlock: number, toBlock: number): Promise<PlanTallyCounts> {
    const thread = threadAt(k);
    const id = nextId++;
    return new Promise<PlanTallyCounts>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.ref();
      thread.worker.postMessage({ id, input, fromBlock, toBlock } satisfies BlocksRequest);
    }).finally(() => {
      if (thread.pending.size === 0) thread.worker.unref();
    });
  }

  async function blocksOn(k: number, prepared: PreparedPlanSimulation, fromBlock: number, toBlock: number): Promise<PlanTallyCounts> {
    try {
      return await runOn(k, prepared.input, fromBlock, toBlock);
    } catch (error) {
      // The input was checked here already: a refusal there is a thread that broke down, not bad input.
      if (error instanceof RangeError) throw error;
      return simulatePlanBlocks(prepared, fromBlock, toBlock);
    }
  }

  return {
    threads,
    async simulate(input) {
      const prepared = preparePlanSimulation(input);
      const blocks = planBlockCount(prepared.trials);
      const used = Math.min(threads, blocks);
      if (used <= 1) return planSimulationResult(prepared, simulatePlanBlocks(prepared, 0, blocks));
      const parts = Array.from({ length: used }, (_, k) => blocksOn(k, prepared, Math.floor((k * blocks) / used), Math.floor(((k + 1) * blocks) / used)));
      const counts = await Promise.all(parts);
      return planSimulationResult(prepared, counts.reduce(addPlanTallyCounts));
    },
    async close() {
      await Promise.all(pool.splice(0).map((t) => t.worker.terminate()));
    },
  };
}

/**
 * The worker's module: under tsx the TypeScript file beside this one, started through the entry
 * that registers tsx in the thread; in the desktop build, the bundle beside backend.cjs.
 */
function workerModule(): { url: string; entry: URL | null } {
  const self = import.meta.url;
  if (self && self.endsWith('.ts')) return { url: new URL('./plan-simulation-worker.ts', self).href, entry: new URL('../remote/thread-entry.mjs', self) };
  if (self) return { url: new URL('./plan-simulation-worker.js', self).href, entry: null };
  // Packaged, the bundle is unpacked beside the archive (build/electron-builder.json): a thread cannot start from inside app.asar.
  return { url: pathToFileURL(join(__dirname.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked'), 'plan-simulation-worker.cjs')).href, entry: null };
}
