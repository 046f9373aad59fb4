// Starts a worker thread's module (the browser host's backend, the plan simulation's blocks). Under
// tsx (npm run serve, the CLI, the tests) a worker does not inherit the TypeScript loader, so it is
// registered here first; plain JavaScript needs nothing.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
