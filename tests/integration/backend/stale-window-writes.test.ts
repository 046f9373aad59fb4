import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { ShownWorkspaceTracker } from '../../../renderer/src/api/shown-workspace';
import { sha256, tempDir } from '../../support/temp-files';

/** A window as the renderer's contract client is one: it says the workspace it shows with every call. */
function windowOn(backend: Backend) {
  const shown = new ShownWorkspaceTracker();
  return {
    shown,
    async call(channel: string, input: unknown) {
      const identity = shown.identity();
      const result = await backend.invoke(channel, input, identity === undefined ? undefined : { workspace: identity });
      shown.observe(channel, result);
      return result;
    },
  };
}

describe('two windows on one backend', () => {
  const tmp = tempDir();
  let backend: Backend | null = null;
  afterEach(() => {
    backend?.close();
    backend = null;
  });

  it("refuses a write from the window that still shows the workspace another window replaced, and neither file changes", async () => {
    const good = tmp.path('good-copy.interlock');
    const acme = tmp.path('Acme Q3.interlock');
    backend = createBackend({ stateDir: tmp.path('state'), log: () => undefined });
    await backend.invoke('workspace.createDemo', { path: acme, items: 60, seed: 7 });
    await backend.invoke('workspace.rename', { name: 'Acme Q3' });
    await backend.invoke('workspace.createDemo', { path: good, items: 60, seed: 3 });
    await backend.invoke('workspace.rename', { name: 'good-copy' });
    // Both files closed and settled: their bytes are the reference.
    backend.close();
    const before = { good: sha256(good), acme: sha256(acme) };

    backend = createBackend({ stateDir: tmp.path('state'), log: () => undefined });
    const tabA = windowOn(backend);
    const tabB = windowOn(backend);
    expect(await tabB.call('workspace.open', { path: good })).toMatchObject({ ok: true, value: { name: 'good-copy' } });
    expect(await tabA.call('workspace.current', {})).toMatchObject({ ok: true, value: { name: 'good-copy' } });
    const switches: unknown[] = [];
    tabB.shown.onSwitch((change) => switches.push(change));
    // Tab A opens Acme; tab B, on the Risks page, still shows good-copy.
    expect(await tabA.call('workspace.open', { path: acme })).toMatchObject({ ok: true, value: { name: 'Acme Q3' } });

    const rename = await tabB.call('workspace.rename', { name: 'Renamed from tab B' });
    const move = await tabB.call('risks.move', { key: 'RISK-7', status: 'owned' });
    const remove = await tabB.call('risks.delete', { key: 'RISK-5' });
    for (const refused of [rename, move, remove]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'workspace-changed' } });
    }
    expect(!rename.ok && rename.error.message).toBe(
      `Nothing was changed: this window was showing “good-copy” (${good}), but the workspace open now is “Acme Q3” (${acme}), opened since in another window or tab. ` +
        'This window now shows “Acme Q3”: do it again there if you meant “Acme Q3”, or open “good-copy” again (Workspace → Open Recent) and do it there.',
    );
    expect(!remove.ok && remove.error.message).toContain('Nothing was changed: this window was showing “good-copy”');
    const board = await tabA.call('risks.board', {});
    expect(board.ok && board.value).toMatchObject({ risks: expect.arrayContaining([expect.objectContaining({ key: 'RISK-5', status: 'unroamed' }), expect.objectContaining({ key: 'RISK-7', status: 'unroamed' })]) });
    expect(await tabA.call('workspace.overview', {})).toMatchObject({ ok: true, value: { name: 'Acme Q3' } });

    // Tab B asks which workspace is open (as it does on focus and after a refusal) and follows it.
    await tabB.call('workspace.current', {});
    expect(switches).toEqual([{ from: expect.objectContaining({ name: 'good-copy', path: good }), to: expect.objectContaining({ name: 'Acme Q3', path: acme }), refusedWrite: true }]);
    expect(tabB.shown.identity()).toBe(tabA.shown.identity());
    backend.close();
    backend = null;
    expect({ good: sha256(good), acme: sha256(acme) }).toEqual(before);
  });

  it('refuses a write from a window whose workspace was closed, or that showed none when one was opened, naming what to do', async () => {
    const path = tmp.path('closed.interlock');
    backend = createBackend({ log: () => undefined });
    const tabA = windowOn(backend);
    const tabB = windowOn(backend);
    await tabA.call('workspace.current', {});
    await tabB.call('workspace.current', {});
    await tabA.call('workspace.create', { path, name: 'Closed later' });
    // Tab B showed no workspace (its welcome page); a write of its own is refused, not made in tab A's.
    expect(await tabB.call('coordination.settings.reset', {})).toMatchObject({ ok: false, error: { code: 'workspace-changed', message: expect.stringContaining('this window was showing no workspace, but the workspace open now is “Closed later”') } });
    await tabB.call('workspace.current', {});
    expect(await tabB.call('coordination.settings.reset', {})).toMatchObject({ ok: true });
    await tabA.call('workspace.close', {});
    expect(await tabB.call('workspace.rename', { name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'workspace-changed', message: `Nothing was changed: this window was showing “Closed later” (${path}), but it has been closed since in another window or tab, and no workspace is open now. Open “Closed later” again and do it there.` },
    });
    // The CLI and the desktop menu say no window: they write into what they opened themselves.
    expect(await backend.invoke('workspace.open', { path })).toMatchObject({ ok: true });
    expect(await backend.invoke('workspace.rename', { name: 'Renamed by the CLI' })).toMatchObject({ ok: true, value: { name: 'Renamed by the CLI' } });
  });
});
