import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { tempDir } from '../../support/temp-files';

describe('backend.invoke — the one entry point of every transport', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  beforeEach(() => {
    tmp = tempDir();
    backend = createBackend({ stateDir: tmp.path('state'), log: () => undefined });
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  it('opens the demo, reports its overview and remembers it as recent', async () => {
    const demo = await backend.invoke('workspace.openDemo', {});
    expect(demo).toMatchObject({ ok: true, value: { name: 'Interlock demo' } });
    const overview = await backend.call('workspace.overview', {});
    if (!overview.ok) throw new Error(overview.error.message);
    expect(overview.value.counts.teams).toBe(12);
    expect(overview.value.counts.items).toBe(2500);
    expect(overview.value.valueStreams).toHaveLength(3);
    const recent = await backend.call('workspace.recent', {});
    expect(recent.ok && recent.value.map((r) => r.name)).toEqual(['Interlock demo']);
  });

  it('Save As continues in the copy, with the same counts', async () => {
    await backend.invoke('workspace.createDemo', { path: tmp.path('a.interlock'), items: 100 });
    const saved = await backend.call('workspace.saveAs', { path: tmp.path('b.interlock') });
    expect(saved.ok && saved.value.path).toBe(tmp.path('b.interlock'));
    const overview = await backend.call('workspace.overview', {});
    expect(overview.ok && overview.value.counts.items).toBe(100);
  });

  it('while an import of the workspace is reading, every channel that writes waits; reading and cancelling go on', async () => {
    await backend.invoke('workspace.create', { path: tmp.path('busy.interlock') });
    const rows = Array.from({ length: 20_000 }, (_, i) => `K-${i},Item ${i},story,To Do,2024-03-01T00:00:00Z`);
    const csv = tmp.path('items.csv');
    (await import('node:fs')).writeFileSync(csv, ['key,title,type,status,created_at', ...rows].join('\n'));
    const started = await backend.call('import.start', { files: [{ source: { kind: 'path', path: csv } }], mode: 'import' });
    if (!started.ok) throw new Error(started.error.message);
    const write = await backend.call('plan.increment.save', { name: 'PI 1', start: '2024-01-01', end: '2024-03-31' });
    expect(write.ok ? null : write.error.message).toBe('An import is running (items.csv); changes wait until it is done, or cancel it.');
    expect((await backend.call('workspace.overview', {})).ok).toBe(true);
    expect(await backend.call('import.cancel', started.value)).toMatchObject({ ok: true, value: { cancelled: true } });
    for (;;) {
      const status = await backend.call('import.progress', started.value);
      if (status.ok && status.value.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await backend.call('plan.increment.save', { name: 'PI 1', start: '2024-01-01', end: '2024-03-31' })).ok).toBe(true);
  });

  it('a refused open keeps the current workspace open', async () => {
    await backend.invoke('workspace.create', { path: tmp.path('keep.interlock') });
    const refused = await backend.invoke('workspace.open', { path: tmp.path('nope.interlock') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const current = await backend.call('workspace.current', {});
    expect(current.ok && current.value?.path).toBe(tmp.path('keep.interlock'));
  });

  describe('edge cases: errors are data, never thrown, never a stack', () => {
    it('invalid input names the field', async () => {
      const result = await backend.invoke('workspace.createDemo', { path: tmp.path('x.interlock'), items: 'many' });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-input');
        expect(result.error.message).toContain('items');
        expect(result.error.details?.[0]?.path).toBe('items');
        expect(result.error.message).not.toMatch(/\n\s+at /);
      }
    });

    it('an unknown channel, a missing input and no open workspace each say so', async () => {
      expect(await backend.invoke('workspace.format', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
      expect(await backend.invoke('workspace.open', undefined)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(await backend.invoke('workspace.overview', {})).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
    });

    it('closing twice is harmless', async () => {
      await backend.invoke('workspace.create', { path: tmp.path('c.interlock') });
      expect(await backend.invoke('workspace.close', {})).toEqual({ ok: true, value: { closed: true } });
      expect(await backend.invoke('workspace.close', {})).toEqual({ ok: true, value: { closed: false } });
    });
  });

  it('a write SQLite refuses in the open workspace (a rename, a risk, a plan edit, an import) says the workspace is read-only and that nothing was changed', async () => {
    const path = tmp.path('w.interlock');
    expect((await backend.call('workspace.createDemo', { path, items: 60 })).ok).toBe(true);
    const increments = await backend.call('plan.increments', {});
    const { id: incrementId, name: increment } = increments.ok ? increments.value[0]! : { id: 0, name: '' };
    // As a read-only file's: the file itself may be written, SQLite writes nothing into it.
    backend.context.session.current!.db.pragma('query_only = ON');
    const said = `${path} is read-only (its file permissions, or a write-protected drive or folder): nothing was changed. Copy it to a folder you can write in and open the copy.`;
    expect(await backend.call('workspace.rename', { name: 'Renamed' })).toEqual({ ok: false, error: { code: 'read-only', message: said } });
    expect(await backend.call('risks.save', { title: 'Vendor late', scope: { kind: 'increment', key: increment } })).toEqual({ ok: false, error: { code: 'read-only', message: said } });
    expect(await backend.call('plan.milestone.save', { incrementId, name: 'Go-live', date: '2026-01-15' })).toEqual({ ok: false, error: { code: 'read-only', message: said } });
    // An import, whose job runs apart from the call, in the same words.
    writeFileSync(tmp.path('teams.csv'), 'Key,Name,Value stream\nb1,B 1,S\n');
    const started = await backend.call('import.start', { files: [{ source: { kind: 'path', path: tmp.path('teams.csv') } }], mode: 'import' });
    let progress = started.ok ? await backend.call('import.progress', { jobId: started.value.jobId }) : null;
    while (progress?.ok && progress.value.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      progress = await backend.call('import.progress', { jobId: started.ok ? started.value.jobId : '' });
    }
    expect(progress?.ok && progress.value.error).toEqual({ code: 'read-only', message: said.replace('nothing was changed', 'nothing was imported') });
  });
});
