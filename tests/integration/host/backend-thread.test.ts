import { request as httpRequest } from 'node:http';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { startBackendThread, type BackendThread } from '../../../electron/host/backend-thread';
import { startHost, type RunningHost } from '../../../electron/host/http-host';
import { openWorkspace, closeWorkspace } from '../../../electron/backend/store/workspace-file';
import { tempDir } from '../../support/temp-files';
import { UPLOAD_FOLDER_PREFIX } from '../../../electron/backend/uploads';
import { fixture } from '../import/import-support';

// The browser host runs its backend on a thread of its own (electron/host/backend-thread.ts): the
// same contract and the same results as in-process, while static files never wait for a long call.

const tmp = tempDir();
let thread: BackendThread | null = null;
let host: RunningHost | null = null;
afterEach(async () => {
  await host?.close();
  await thread?.close();
  host = null;
  thread = null;
});

async function demoFile(name: string, items: number): Promise<string> {
  const path = tmp.path(name);
  const maker = createBackend({ log: () => undefined });
  try {
    const made = await maker.call('workspace.createDemo', { path, items });
    if (!made.ok) throw new Error(made.error.message);
  } finally {
    maker.close();
  }
  return path;
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the host’s backend thread', () => {
  it('opens the workspace asked for and answers through the same contract as the backend in-process', async () => {
    const path = await demoFile('answers.interlock', 120);
    // The thread holds the workspace, so compare against a copy opened here. The copy is made
    // before the thread starts: after opening, the thread may write (its prefetch stores the
    // metrics snapshot), and a file copied in the middle of a write is not the same workspace.
    const copy = tmp.path('answers-copy.interlock');
    writeFileSync(copy, readFileSync(path));
    thread = await startBackendThread({ stateDir: tmp.path('state-1'), workspace: path });
    expect(thread.startup.summary?.path).toBe(path);
    const inProcess = createBackend({ log: () => undefined });
    try {
      await inProcess.call('workspace.open', { path: copy });
      const scope = { itemTypes: ['story'], compare: 'none' };
      expect(await thread.invoke('metrics.flow', scope)).toEqual(await inProcess.invoke('metrics.flow', scope));
    } finally {
      inProcess.close();
    }
    const refused = await thread.invoke('metrics.flow', { window: 'last week' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('imports a file uploaded on the HTTP thread, named by the id the upload returned', async () => {
    const path = await demoFile('upload.interlock', 60);
    thread = await startBackendThread({ stateDir: tmp.path('state-2'), workspace: path });
    const upload = await thread.saveUpload('items.csv', Readable.from(readFileSync(fixture('interlock', 'interlock-items.csv'))), 1024 ** 2);
    const started = await thread.invoke('import.start', { files: [{ source: { kind: 'upload', uploadId: upload.id, name: upload.name }, format: 'auto', columns: {} }], mode: 'preview' });
    expect(started).toMatchObject({ ok: true });
    const jobId = (started as { value: { jobId: string } }).value.jobId;
    let status: { ok: boolean; value?: { state: string; report?: { counts: { items: number } } } };
    do status = (await thread.invoke('import.progress', { jobId })) as typeof status;
    while (status.value?.state === 'running');
    expect(status.value).toMatchObject({ state: 'done', report: { counts: { items: 3 } } });
  });

  it('closing releases the workspace: this process can open it again at once', async () => {
    const path = await demoFile('release.interlock', 60);
    thread = await startBackendThread({ stateDir: tmp.path('state-3'), workspace: path });
    await thread.close();
    thread = null;
    closeWorkspace(openWorkspace(path));
  });

  it('static files are served while the backend works through a queue of long calls', async () => {
    const path = await demoFile('busy.interlock', 20_000);
    const renderer = tmp.path('renderer');
    mkdirSync(renderer, { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Interlock</title>');
    thread = await startBackendThread({ stateDir: tmp.path('state-4'), workspace: path });
    host = await startHost({ backend: thread, rendererDir: renderer, port: 0 });
    const order: string[] = [];
    // Scopes nobody asked for yet, so each is computed, one after another, on the backend thread.
    const calls = (['story', 'defect', 'feature', 'task', 'risk', 'debt'] as const).map((type) =>
      thread!.invoke('coordination.recommend', {}).then(() => thread!.invoke('metrics.delivery', { itemTypes: [type] })).then(() => order.push(`call ${type}`)),
    );
    await get(host.port, '/').then((status) => order.push(`static ${status}`));
    await Promise.all(calls);
    expect(order[0]).toBe('static 200');
  });

  it('an upload is deleted once its import has committed; a preview keeps it for the import', async () => {
    const path = await demoFile('upload-gone.interlock', 60);
    thread = await startBackendThread({ stateDir: tmp.path('state-8'), workspace: path });
    const upload = await thread.saveUpload('items.csv', Readable.from(readFileSync(fixture('interlock', 'interlock-items.csv'))), 1024 ** 2);
    const files = [{ source: { kind: 'upload' as const, uploadId: upload.id, name: upload.name }, format: 'auto' as const, columns: {} }];
    const finish = async (mode: 'preview' | 'import') => {
      const started = (await thread!.invoke('import.start', { files, mode })) as { value: { jobId: string } };
      let status: { value?: { state: string } };
      do status = (await thread!.invoke('import.progress', { jobId: started.value.jobId })) as typeof status;
      while (status.value?.state === 'running');
      return status.value?.state;
    };
    expect(await finish('preview')).toBe('done');
    expect(await finish('import')).toBe('done');
    const folders = readdirSync(tmpdir()).filter((name) => name.startsWith(`${UPLOAD_FOLDER_PREFIX}${process.pid}-`));
    const left = folders.flatMap((folder) => readdirSync(join(tmpdir(), folder)));
    expect(left).not.toContain(upload.id);
  });

  describe('edge cases', () => {
    it('JSON nested thousands of levels deep is refused with 400 invalid-input, and no call is left waiting', async () => {
      const path = await demoFile('deep.interlock', 60);
      const renderer = tmp.path('renderer-deep');
      mkdirSync(renderer, { recursive: true });
      writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Interlock</title>');
      thread = await startBackendThread({ stateDir: tmp.path('state-9'), workspace: path });
      host = await startHost({ backend: thread, rendererDir: renderer, port: 0, token: 'a'.repeat(64) });
      const body = `{"path":${'['.repeat(5000)}${']'.repeat(5000)}}`;
      const reply = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port: host!.port, method: 'POST', path: '/api/invoke/workspace.open', headers: { Host: `127.0.0.1:${host!.port}`, 'x-interlock-token': 'a'.repeat(64) } },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      // Straight to the thread too (past the HTTP check): answered as data, nothing kept waiting.
      let deep: unknown = 'x';
      for (let i = 0; i < 20_000; i++) deep = [deep];
      const direct = await thread.invoke('workspace.open', { path: deep });
      expect(direct.ok).toBe(false);
      expect(thread.waiting()).toBe(0);
    });

    it('a workspace that cannot be opened stops the start with the reason, leaving no upload folder behind', async () => {
      const uploadFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`${UPLOAD_FOLDER_PREFIX}${process.pid}-`)).length;
      const before = uploadFolders();
      await expect(startBackendThread({ stateDir: tmp.path('state-5'), workspace: tmp.path('missing.interlock') })).rejects.toThrow(/There is no workspace at/);
      expect(uploadFolders()).toBe(before);
    });

    it('a backend thread that dies says so: calls waiting and calls after are answered with an error', async () => {
      // A stand-in backend that starts, never answers, and exits.
      const dying = `data:text/javascript,${encodeURIComponent(
        "import { parentPort } from 'node:worker_threads'; parentPort.postMessage({ kind: 'started', startup: { summary: null, notice: null } }); setTimeout(() => process.exit(3), 100);",
      )}`;
      thread = await startBackendThread({ stateDir: tmp.path('state-7'), workspace: null }, dying);
      const waiting = thread.invoke('workspace.current', {});
      expect(await thread.crashed).toMatch(/exit code 3/);
      expect(await waiting).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(await thread.invoke('workspace.current', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    });

    it('calls after closing are answered with an error, not left waiting', async () => {
      const path = await demoFile('closed.interlock', 60);
      const closing = await startBackendThread({ stateDir: tmp.path('state-6'), workspace: path });
      await closing.close();
      expect(await closing.invoke('workspace.current', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    });
  });
});
