import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { backendEnvironment } from '../../scripts/backend-environment.mjs';

export interface HostProcess {
  url: string;
  origin: string;
  token: string;
  stateDir: string;
  output(): string;
  stop(): Promise<void>;
}

const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Starts the real browser host (`electron/host/main.ts`) as a child process on a free port, with its
 * own state folder, and waits for the address it prints. Assumes the renderer is built.
 */
export async function startHostProcess(options: { workspace?: string; stateDir?: string; homeDir?: string } = {}): Promise<HostProcess> {
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'interlock-e2e-state-'));
  const args = ['--import', 'tsx', 'electron/host/main.ts', '--port', '0', '--no-build', '--state-dir', stateDir];
  if (options.workspace) args.push('--workspace', options.workspace);
  // Started as `npm run serve` starts it (scripts/run-backend.mjs). A home of its own: the file
  // chooser's places and the folder new workspaces go to stay in the test's folder.
  const env = backendEnvironment(options.homeDir ? { ...process.env, HOME: options.homeDir, USERPROFILE: options.homeDir } : process.env);
  const child: ChildProcess = spawn(process.execPath, args, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`The host did not start within 60 s:\n${output}`)), 60_000);
    const check = () => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited with code ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    stateDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.stateDir) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
