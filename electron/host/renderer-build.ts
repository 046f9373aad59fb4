import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['renderer', 'shared', 'vite.config.mts', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function rendererDir(projectRoot: string): string {
  return join(projectRoot, 'dist', 'renderer');
}

/** True when there is no built renderer or a source is newer than the build. */
export function rendererBuildIsStale(projectRoot: string): boolean {
  const index = join(rendererDir(projectRoot), 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(projectRoot, s)) > built);
}

/** Builds the renderer with Vite (a dev dependency, loaded only when a build is needed). */
export async function buildRenderer(projectRoot: string): Promise<void> {
  const { build } = await import('vite');
  // The config's root ('renderer') is relative to the working directory: give it from the project.
  await build({ configFile: join(projectRoot, 'vite.config.mts'), root: join(projectRoot, 'renderer'), logLevel: 'warn' });
}
