// `npm start`: the desktop app when Electron's binary is installed; otherwise (machines where it
// cannot be downloaded) the very same app in the browser host. Extra arguments go to either.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedElectron } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  try {
    return installedElectron(dirname(require.resolve('electron/package.json')));
  } catch {
    return null; // the package itself is missing
  }
}

const electron = electronBinary();
if (electron) {
  const build = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(electron, ['.', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron is not installed here; opening Interlock in your browser');
  // `npm run serve` without npm in between: npm's shell does not pass a `kill` on, which left the
  // host running, holding the workspace, after this process was stopped.
  const projectRoot = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn(process.execPath, ['scripts/run-backend.mjs', 'electron/host/main.ts', ...args], { stdio: 'inherit', cwd: projectRoot });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
