// Child process of import-crash.test.ts: imports a file into a workspace and says "READING" once
// the job is reading rows (the workspace is open, nothing is being written), then carries on.
import { createBackend } from '../../../electron/backend/backend';

const [workspace, file] = process.argv.slice(2);
const backend = createBackend({ log: () => undefined });
const opened = await backend.call('workspace.open', { path: workspace! });
if (!opened.ok) throw new Error(opened.error.message);
const started = await backend.call('import.start', { files: [{ source: { kind: 'path', path: file! } }], mode: 'import' });
if (!started.ok) throw new Error(started.error.message);
let said = false;
for (;;) {
  const status = await backend.call('import.progress', started.value);
  if (!status.ok || status.value.state !== 'running') {
    process.stdout.write(`FINISHED ${JSON.stringify(status)}\n`);
    break;
  }
  if (!said && status.value.rows > 0) {
    said = true;
    process.stdout.write('READING\n');
  }
  await new Promise((r) => setTimeout(r, 1));
}
