import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { DEMO_TEMPLATE } from './demo-template';

/** Writes the demo workspace once per run; each test's host starts on its own copy of it. */
export default function globalSetup(): void {
  mkdirSync('test-results', { recursive: true });
  if (existsSync(DEMO_TEMPLATE)) rmSync(DEMO_TEMPLATE);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'demo', DEMO_TEMPLATE], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`Could not write the demo workspace for e2e tests:\n${run.stdout}\n${run.stderr}`);
}
