// Starts the backend thread's module. Under tsx (npm run serve, the tests) a worker does not inherit
// the TypeScript loader, so it is registered here first; plain JavaScript needs nothing.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
