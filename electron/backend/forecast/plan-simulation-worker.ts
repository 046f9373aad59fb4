import { parentPort } from 'node:worker_threads';
import { preparePlanSimulation, simulatePlanBlocks, type PlanSimulationInput } from '../../../shared/forecast/plan-simulation';
import type { PlanTallyCounts } from '../../../shared/forecast/plan-tally';

// A worker thread of the plan simulation: runs the blocks of trials it is asked for and sends back
// what they add up to (the typed arrays are moved, not copied).

export interface BlocksRequest {
  readonly id: number;
  readonly input: PlanSimulationInput;
  readonly fromBlock: number;
  readonly toBlock: number;
}

export type BlocksAnswer = { readonly id: number; readonly counts: PlanTallyCounts } | { readonly id: number; readonly error: string };

const port = parentPort!;
port.on('message', (request: BlocksRequest) => {
  try {
    const counts = simulatePlanBlocks(preparePlanSimulation(request.input), request.fromBlock, request.toBlock);
    const plain: PlanTallyCounts = {
      trials: counts.trials,
      histogram: counts.histogram,
      onTime: counts.onTime,
      depOnTime: counts.depOnTime,
      itemBlame: counts.itemBlame,
      groupBlame: counts.groupBlame,
    };
    const buffers = [plain.histogram, plain.onTime, plain.depOnTime, plain.itemBlame, plain.groupBlame].map((a) => a.buffer as ArrayBuffer);
    port.postMessage({ id: request.id, counts: plain } satisfies BlocksAnswer, buffers);
  } catch (error) {
    port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies BlocksAnswer);
  }
});
