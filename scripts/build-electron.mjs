// Bundles the Electron shell (main + preload) into dist/electron as CommonJS. The sandboxed
// preload must be one self-contained file; main keeps better-sqlite3 (native) and electron external.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: false, logLevel: 'warning', external: ['electron'] };

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', 'better-sqlite3'] });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs' });
// The backend's utility process: plain Node (no electron import), better-sqlite3 native and external.
// import.meta.url is empty in CommonJS: the backend then finds its worker bundles beside itself (__dirname).
const backend = { ...common, external: ['better-sqlite3'], define: { 'import.meta.url': '""' } };
await build({ ...backend, entryPoints: ['electron/backend/remote/utility-process-entry.ts'], outfile: 'dist/electron/backend.cjs' });
// The plan simulation's worker threads (electron/backend/forecast/plan-simulation-threads.ts).
await build({ ...backend, entryPoints: ['electron/backend/forecast/plan-simulation-worker.ts'], outfile: 'dist/electron/plan-simulation-worker.cjs' });
console.log('Built dist/electron/main.cjs, preload.cjs, backend.cjs and plan-simulation-worker.cjs');
