import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where a backend worker thread's module is, for `new Worker`: under tsx (the CLI, the browser host,
 * the tests) the TypeScript file beside the caller, started through the entry that registers tsx in
 * the thread; in an ES module build, the .js beside the caller; in the desktop build (CommonJS,
 * where import.meta.url is empty) the bundle `<name>.cjs` beside backend.cjs, unpacked beside the
 * archive (build/electron-builder.json): a thread cannot start from inside app.asar.
 */
export function workerModule(callerUrl: string, name: string): { url: string; entry: URL | null } {
  if (callerUrl && callerUrl.endsWith('.ts')) return { url: new URL(`./${name}.ts`, callerUrl).href, entry: new URL('../remote/thread-entry.mjs', callerUrl) };
  if (callerUrl) return { url: new URL(`./${name}.js`, callerUrl).href, entry: null };
  return { url: pathToFileURL(join(__dirname.replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked'), `${name}.cjs`)).href, entry: null };
}
