// Bundles the Electron shell (main + preload) into dist/electron as CommonJS. The sandboxed
// preload must be one self-contained file; main keeps better-sqlite3 (native) and electron external.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: false, logLevel: 'warning', external: ['electron'] };

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', external: ['electron', 'better-sqlite3'] });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs' });
// The backend's utility process: plain Node (no electron import), better-sqlite3 native and external.
await build({ ...common, entryPoints: ['electron/backend/remote/utility-process-entry.ts'], outfile: 'dist/electron/backend.cjs', external: ['better-sqlite3'] });
console.log('Built dist/electron/main.cjs, preload.cjs and backend.cjs');
