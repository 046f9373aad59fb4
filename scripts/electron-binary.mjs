// Where Electron's binary is, found WITHOUT require('electron'): that require downloads the binary
// when it is missing and, offline, prints a `TypeError: fetch failed` stack before failing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The executable of the electron package in `packageDir` (the folder of its package.json), or null
 * when it was never downloaded. ELECTRON_OVERRIDE_DIST_PATH is honoured as electron's index.js does.
 */
export function installedElectron(packageDir, env = process.env) {
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(overridden) ? overridden : null;
  }
  if (!relative) return null;
  const binary = join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}
