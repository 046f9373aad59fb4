import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { PASSPHRASE_ENV } from '../../../electron/cli/passphrase';
import { captureCli } from '../../support/cli-capture';
import { tempDir } from '../../support/temp-files';

const permissions = (path: string) => (statSync(path).mode & 0o777).toString(8);

// Every file Interlock writes with a workspace's data in it is its owner's alone (Windows has no such mode).
describe.skipIf(process.platform === 'win32')('files holding a workspace’s data are written readable by their owner alone (0600)', () => {
  const tmp = tempDir();
  const env = { ...process.env, [PASSPHRASE_ENV]: 'a passphrase for the modes' } as Record<string, string>;
  const cli = (args: string[]) => captureCli(args, env);
  afterAll(() => tmp.cleanup());

  it('a workspace, its backups and their folder, anonymised, sealed and unsealed copies, a report, a Save As', async () => {
    const workspace = tmp.path('client.interlock');
    expect((await cli(['demo', workspace, '--items', '60'])).code).toBe(0);
    // Replaced on purpose: a backup of what it held is taken first.
    expect((await cli(['demo', workspace, '--items', '60', '--force'])).code).toBe(0);
    const backups = JSON.parse((await cli(['backups', workspace, '--json'])).out) as { folder: string; backups: { path: string }[] };
    expect(backups.backups).toHaveLength(1);
    expect((await cli(['anonymise', workspace, '--out', tmp.path('shared.interlock')])).code).toBe(0);
    expect((await cli(['seal', workspace, '--out', tmp.path('client.sealed')])).code).toBe(0);
    expect((await cli(['unseal', tmp.path('client.sealed'), '--out', tmp.path('unsealed.interlock')])).code).toBe(0);
    expect((await cli(['report', '--workspace', workspace, '--out', tmp.path('report.html')])).code).toBe(0);
    const backend = createBackend({ log: () => undefined });
    try {
      expect((await backend.call('workspace.open', { path: workspace })).ok).toBe(true);
      expect((await backend.call('workspace.saveAs', { path: tmp.path('saved-as.interlock'), switchTo: false })).ok).toBe(true);
    } finally {
      backend.close();
    }

    const files = [workspace, backups.backups[0]!.path, join(backups.folder, 'workspace.json'), ...['shared.interlock', 'client.sealed', 'unsealed.interlock', 'report.html', 'saved-as.interlock'].map((n) => tmp.path(n))];
    expect(Object.fromEntries(files.map((f) => [f, permissions(f)]))).toEqual(Object.fromEntries(files.map((f) => [f, '600'])));
    expect(permissions(backups.folder)).toBe('700');
  });
});
