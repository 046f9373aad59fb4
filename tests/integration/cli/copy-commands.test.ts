import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, watch } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import { PASSPHRASE_ENV } from '../../../electron/cli/passphrase';
import { PROJECT_ROOT } from '../../support/child-process';
import { tempDir } from '../../support/temp-files';

async function cli(args: string[], options: { env?: Record<string, string>; secrets?: string[] } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const secrets = [...(options.secrets ?? [])];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: options.env ?? {},
    ...(options.secrets ? { readSecret: async () => secrets.shift() ?? '' } : {}),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('interlock anonymise, copy, seal and unseal', () => {
  const tmp = tempDir();
  const source = tmp.path('client.interlock');
  beforeAll(async () => {
    expect((await cli(['demo', source, '--items', '120'])).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('anonymise writes a copy with dates moved, and says the key was not kept', async () => {
    const result = await cli(['anonymise', source, '--out', tmp.path('shared.interlock'), '--shift-days', '-14']);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('dates moved 14 days earlier');
    expect(result.out).toContain('was not kept');
    const info = await cli(['info', tmp.path('shared.interlock'), '--json']);
    expect(JSON.parse(info.out)).toMatchObject({ name: 'Anonymised workspace', counts: { items: 120 } });
  });

  it('copy writes the whole workspace through the backup API, named from its file or --name, and leaves the original as it was', async () => {
    const before = readFileSync(source);
    const result = await cli(['copy', source, '--out', tmp.path('on the stick.interlock')]);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toBe(`Copied ${source} to ${tmp.path('on the stick.interlock')} ("on the stick"); the copy has backups of its own.`);
    const original = JSON.parse((await cli(['info', source, '--json'])).out);
    const copied = JSON.parse((await cli(['info', tmp.path('on the stick.interlock'), '--json'])).out);
    expect(copied.name).toBe('on the stick');
    expect(copied.counts).toEqual(original.counts);
    expect(copied.tables).toEqual(original.tables);
    expect(readFileSync(source).equals(before)).toBe(true);
    const named = await cli(['copy', source, '--out', tmp.path('named.interlock'), '--name', 'Client B, December']);
    expect(named.out).toContain('("Client B, December")');
    const check = new Database(tmp.path('named.interlock'), { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    // A copy is another workspace: its own id, so its backups are its own.
    expect(check.prepare("SELECT value FROM meta WHERE key = 'workspace_id'").pluck().get()).not.toBe(new Database(source, { readonly: true }).prepare("SELECT value FROM meta WHERE key = 'workspace_id'").pluck().get());
    check.close();
  });

  it('seal takes the passphrase from INTERLOCK_PASSPHRASE; unseal with it gives back the workspace', async () => {
    const env = { [PASSPHRASE_ENV]: 'a passphrase for the stick' };
    const sealed = await cli(['seal', source, '--out', tmp.path('client.sealed')], { env });
    expect(sealed).toMatchObject({ code: 0, err: '' });
    const opened = await cli(['unseal', tmp.path('client.sealed'), '--out', tmp.path('back.interlock')], { env });
    expect(opened).toMatchObject({ code: 0, err: '' });
    expect(opened.out).toContain('"Interlock demo"');
    expect(JSON.parse((await cli(['info', tmp.path('back.interlock'), '--json'])).out).counts.items).toBe(120);
  });

  it('on a terminal, seal asks twice and unseal once', async () => {
    expect((await cli(['seal', source, '--out', tmp.path('asked.sealed')], { secrets: ['typed secret 1', 'typed secret 1'] })).code).toBe(0);
    expect((await cli(['unseal', tmp.path('asked.sealed'), '--out', tmp.path('asked.interlock')], { secrets: ['typed secret 1'] })).code).toBe(0);
  });

  describe('edge cases', () => {
    it('no passphrase anywhere (no variable, no terminal): usage error, exit 2, nothing written', async () => {
      const result = await cli(['seal', source, '--out', tmp.path('none.sealed')]);
      expect(result.code).toBe(2);
      expect(result.err).toContain(PASSPHRASE_ENV);
      expect(existsSync(tmp.path('none.sealed'))).toBe(false);
    });

    it('two different passphrases typed: exit 1, nothing written', async () => {
      const result = await cli(['seal', source, '--out', tmp.path('differ.sealed')], { secrets: ['first secret', 'second secret'] });
      expect(result.code).toBe(1);
      expect(result.err).toContain('differ');
      expect(existsSync(tmp.path('differ.sealed'))).toBe(false);
    });

    it('a wrong passphrase: one line, exit 1, nothing written', async () => {
      const result = await cli(['unseal', tmp.path('client.sealed'), '--out', tmp.path('wrong.interlock')], { env: { [PASSPHRASE_ENV]: 'not it at all' } });
      expect(result.code).toBe(1);
      expect(result.err.split('\n')).toHaveLength(1);
      expect(result.err).toContain('does not open');
      expect(existsSync(tmp.path('wrong.interlock'))).toBe(false);
    });

    it('--out is required, and a shift must be whole days', async () => {
      expect((await cli(['anonymise', source])).code).toBe(2);
      expect((await cli(['anonymise', source, '--out', tmp.path('z.interlock'), '--shift-days', '1.5'])).code).toBe(2);
      expect((await cli(['seal', source])).code).toBe(2);
      expect((await cli(['unseal', tmp.path('client.sealed')])).code).toBe(2);
    });

    it.runIf(process.platform !== 'win32')('Ctrl-C mid-unseal: the decrypted workspace is removed from beside the target, and the command ends as interrupted (130)', async () => {
      const env = { ...process.env, [PASSPHRASE_ENV]: 'a passphrase for the stick' };
      // Large enough (≈ 11 MB) that the decryption is still under way when the signal comes.
      const large = tmp.path('large.interlock');
      expect((await cli(['demo', large, '--items', '20000'])).code).toBe(0);
      expect((await cli(['seal', large, '--out', tmp.path('large.sealed')], { env })).code).toBe(0);
      const folder = tmp.path('interrupted');
      mkdirSync(folder);
      const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'unseal', tmp.path('large.sealed'), '--out', join(folder, 'u.interlock')], { cwd: PROJECT_ROOT, env, stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // As soon as the decrypted copy appears beside the target.
      const watcher = watch(folder, (_event, name) => {
        if (String(name).endsWith('.tmp')) child.kill('SIGINT');
      });
      try {
        expect(await exited).toBe(130);
      } finally {
        watcher.close();
      }
      expect(readdirSync(folder)).toEqual([]);
    });

    it('copy: onto itself or an existing file without --force is refused, exit 1, and both files stay as they were', async () => {
      const existing = tmp.path('existing.interlock');
      expect((await cli(['copy', source, '--out', existing])).code).toBe(0);
      const [sourceBytes, existingBytes] = [readFileSync(source), readFileSync(existing)];
      const again = await cli(['copy', source, '--out', existing]);
      expect(again.code).toBe(1);
      expect(again.err).toContain('already exists. Choose another name, or add --force to replace it.');
      const self = await cli(['copy', source, '--out', source]);
      expect(self.code).toBe(1);
      expect(self.err).toBe(`interlock copy: A copy needs a file of its own: ${source} is the workspace being copied.`);
      expect(readFileSync(source).equals(sourceBytes)).toBe(true);
      expect(readFileSync(existing).equals(existingBytes)).toBe(true);
      expect((await cli(['copy', source])).code).toBe(2);
      expect((await cli(['copy', tmp.path('nothing-here.interlock'), '--out', tmp.path('n.interlock')])).code).toBe(1);
      expect(existsSync(tmp.path('n.interlock'))).toBe(false);
    });

    it('an existing file is not replaced without --force', async () => {
      const result = await cli(['anonymise', source, '--out', tmp.path('shared.interlock')]);
      expect(result.code).toBe(1);
      expect(result.err).toContain('already exists. Choose another name, or add --force to replace it.');
      expect((await cli(['anonymise', source, '--out', tmp.path('shared.interlock'), '--force'])).code).toBe(0);
    });
  });
});
