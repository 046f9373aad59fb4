// `npm start`: the desktop app when Electron's binary is installed; otherwise (machines where it
// cannot be downloaded) the very same app in the browser host. Extra arguments go to either.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  try {
    // electron's index.js throws when its binary was never downloaded.
    return require('electron');
  } catch {
    return null;
  }
}

const electron = electronBinary();
if (electron) {
  const build = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(electron, ['.', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron is not installed on this machine, so Interlock runs in your browser instead.');
  const child = spawn('npm', ['run', '-s', 'serve', '--', ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
