import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { anonymiseWorkspace } from '../../../electron/backend/store/anonymise-workspace';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { looksSealed, removeUnsealingTemporaries, sealWorkspace, unsealWorkspace, type ScryptCost } from '../../../electron/backend/store/sealed-copy';
import { closeWorkspace, createWorkspace, openWorkspace, type Workspace } from '../../../electron/backend/store/workspace-file';
import { writeDemoPortfolio } from '../../../electron/backend/demo/write-demo';
import { sha256, tempDir } from '../../support/temp-files';

// A low scrypt cost keeps these tests quick; the header records it, so unsealing reads it back.
const QUICK: ScryptCost = { log2N: 12, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery staple';

describe('a sealed copy', () => {
  const tmp = tempDir();
  let workspace: Workspace;
  let sealed: string;

  beforeAll(async () => {
    workspace = createWorkspace(tmp.path('client.interlock'), { name: 'Client Acme', fill: (db) => writeDemoPortfolio(db, { items: 200, seed: 3 }) });
    sealed = tmp.path('client.interlock.sealed');
    await sealWorkspace(workspace, sealed, PASSPHRASE, { cost: QUICK });
  });
  afterAll(() => {
    closeWorkspace(workspace);
    tmp.cleanup();
  });

  it('is encrypted: none of the workspace’s names are readable in it, and it says what it is in its first bytes', () => {
    const bytes = readFileSync(sealed);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('ILKSEAL\u0000');
    expect(bytes[8]).toBe(1);
    expect([bytes[9], bytes[10], bytes[11]]).toEqual([12, 8, 1]);
    expect(bytes.includes('Client Acme')).toBe(false);
    expect(bytes.includes('SQLite format 3')).toBe(false);
    expect(looksSealed(sealed)).toBe(true);
  });

  it('seals and anonymises without ever writing the plain workspace to a temporary folder (a kill mid-way would leave it there)', async () => {
    const scratch = tmp.path('system-temp');
    mkdirSync(scratch);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    const created: string[] = [];
    const watcher = watch(scratch, (_event, name) => name && created.push(String(name)));
    try {
      await sealWorkspace(workspace, tmp.path('again.interlock.sealed'), PASSPHRASE, { cost: QUICK });
      await anonymiseWorkspace(workspace, tmp.path('anonymised.interlock'));
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      watcher.close();
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(created).toEqual([]);
    expect(readdirSync(scratch)).toEqual([]);
    // What was written is sealed and anonymised, as before.
    expect(readFileSync(tmp.path('again.interlock.sealed')).includes('Client Acme')).toBe(false);
    expect(readFileSync(tmp.path('anonymised.interlock')).includes('Client Acme')).toBe(false);
  });

  it('opens with its passphrase into the same workspace, checked like any other', async () => {
    const out = tmp.path('opened.interlock');
    await unsealWorkspace(sealed, out, PASSPHRASE);
    const opened = openWorkspace(out);
    try {
      expect(opened.db.prepare("SELECT value FROM meta WHERE key = 'name'").pluck().get()).toBe('Client Acme');
      const count = "SELECT (SELECT count(*) FROM work_items) || '/' || (SELECT count(*) FROM status_transitions)";
      expect(opened.db.prepare(count).pluck().get()).toBe(workspace.db.prepare(count).pluck().get());
    } finally {
      closeWorkspace(opened);
    }
  });

  it('does not carry deleted text in free pages: what the workspace deleted is not in the unsealed copy', async () => {
    const secret = 'Acme Bank merger, keep quiet';
    const { db } = workspace;
    expect(db.pragma('secure_delete', { simple: true })).toBe(0);
    db.prepare("INSERT INTO settings (key, value) VALUES ('scratch', ?)").run(JSON.stringify(secret.repeat(200)));
    db.prepare("DELETE FROM settings WHERE key = 'scratch'").run();
    // Still in the workspace's own free pages, so a copy of its pages would carry it.
    expect(Buffer.from(db.serialize()).includes(secret)).toBe(true);
    const sealedAgain = tmp.path('after-delete.sealed');
    await sealWorkspace(workspace, sealedAgain, PASSPHRASE, { cost: QUICK });
    const out = tmp.path('after-delete.interlock');
    await unsealWorkspace(sealedAgain, out, PASSPHRASE);
    expect(readFileSync(out).includes(secret)).toBe(false);
    const opened = openWorkspace(out);
    try {
      expect(opened.db.prepare('SELECT count(*) FROM work_items').pluck().get()).toBe(db.prepare('SELECT count(*) FROM work_items').pluck().get());
    } finally {
      closeWorkspace(opened);
    }
  });

  it('is made with a fresh salt and nonce each time: two seals of one workspace differ', async () => {
    const again = tmp.path('again.sealed');
    await sealWorkspace(workspace, again, PASSPHRASE, { cost: QUICK });
    expect(readFileSync(again).subarray(12, 40).equals(readFileSync(sealed).subarray(12, 40))).toBe(false);
  });

  describe('edge cases: a clear refusal, and nothing written', () => {
    const nothingWritten = (target: string) => {
      expect(existsSync(target)).toBe(false);
      expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    };

    it('a wrong passphrase', async () => {
      const target = tmp.path('wrong.interlock');
      await expect(unsealWorkspace(sealed, target, 'correct horse battery stapler')).rejects.toMatchObject({ code: 'wrong-passphrase', message: expect.stringContaining('Nothing was written') });
      nothingWritten(target);
    });

    it('one changed byte in the encrypted workspace', async () => {
      const changed = tmp.path('changed.sealed');
      const bytes = readFileSync(sealed);
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      writeFileSync(changed, bytes);
      const target = tmp.path('changed.interlock');
      await expect(unsealWorkspace(changed, target, PASSPHRASE)).rejects.toMatchObject({ code: 'workspace-corrupt', message: expect.stringContaining('was changed or damaged') });
      nothingWritten(target);
    });

    it('one changed byte in the header (the scrypt cost) or the tag', async () => {
      for (const offset of [10, -1]) {
        const changed = tmp.path(`header-${offset}.sealed`);
        const bytes = readFileSync(sealed);
        const at = offset < 0 ? bytes.length + offset : offset;
        bytes[at]! ^= 0x01;
        writeFileSync(changed, bytes);
        const target = tmp.path(`header-${offset}.interlock`);
        await expect(unsealWorkspace(changed, target, PASSPHRASE)).rejects.toThrow(/passphrase does not open|changed or damaged/);
        nothingWritten(target);
      }
    });

    it('a truncated file: cut in the middle, or in its header', async () => {
      for (const keep of [Math.floor(statSync(sealed).size / 2), 30]) {
        const cut = tmp.path(`cut-${keep}.sealed`);
        writeFileSync(cut, readFileSync(sealed).subarray(0, keep));
        const target = tmp.path(`cut-${keep}.interlock`);
        await expect(unsealWorkspace(cut, target, PASSPHRASE)).rejects.toMatchObject({ code: 'workspace-corrupt' });
        nothingWritten(target);
      }
    });

    it('a file that is not a sealed copy, and a sealed copy of something that is not a workspace', async () => {
      await expect(unsealWorkspace(tmp.path('client.interlock'), tmp.path('x.interlock'), PASSPHRASE)).rejects.toThrow('is not a sealed Interlock copy');
      // A seal made around other bytes (as if by another program using the same format).
      const { sealWorkspace: seal } = await import('../../../electron/backend/store/sealed-copy');
      const plain = new Database(tmp.path('plain.db'));
      plain.exec('CREATE TABLE t (x)');
      const foreign = { db: plain, path: tmp.path('plain.db') };
      await seal(foreign, tmp.path('foreign.sealed'), PASSPHRASE, { cost: QUICK });
      plain.close();
      await expect(unsealWorkspace(tmp.path('foreign.sealed'), tmp.path('foreign.interlock'), PASSPHRASE)).rejects.toThrow(/not an Interlock workspace.*Nothing was written/);
      nothingWritten(tmp.path('foreign.interlock'));
    });

    it('never over an existing workspace without replace, never a workspace replaced by a seal, never a short passphrase', async () => {
      const before = sha256(tmp.path('client.interlock'));
      await expect(sealWorkspace(workspace, tmp.path('opened.interlock'), PASSPHRASE, { cost: QUICK, replace: true })).rejects.toThrow('is not a sealed copy; it was not replaced');
      await expect(sealWorkspace(workspace, sealed, PASSPHRASE, { cost: QUICK })).rejects.toThrow('already exists');
      await expect(sealWorkspace(workspace, tmp.path('short.sealed'), 'short', { cost: QUICK })).rejects.toThrow('at least 8 characters');
      await expect(unsealWorkspace(sealed, tmp.path('opened.interlock'), PASSPHRASE)).rejects.toThrow('already exists');
      expect(sha256(tmp.path('client.interlock'))).toBe(before);
    });

    it('a header asking for an absurd key-derivation cost is refused before any work', async () => {
      const greedy = tmp.path('greedy.sealed');
      const bytes = readFileSync(sealed);
      bytes[9] = 30;
      writeFileSync(greedy, bytes);
      await expect(unsealWorkspace(greedy, tmp.path('greedy.interlock'), PASSPHRASE)).rejects.toThrow('key-derivation settings outside');
    });

    it('a process stopping mid-unseal removes the decrypted copy beside the target; the unseal then fails and writes nothing', async () => {
      const target = tmp.path('stopped.interlock');
      const beside = () => readdirSync(tmp.dir).filter((n) => n.startsWith('.stopped.interlock.'));
      const seen: string[][] = [];
      const stopping = () => {
        seen.push(beside());
        // What the CLI does on Ctrl-C, a kill or a closed terminal, before it exits.
        removeUnsealingTemporaries();
        seen.push(beside());
      };
      await expect(unsealWorkspace(sealed, target, PASSPHRASE, { beforeWrite: stopping })).rejects.toThrow();
      expect(seen.map((names) => names.length)).toEqual([1, 0]);
      nothingWritten(target);
    });

    it('an unseal removes what an unseal killed outright left beside its target an hour or more ago, not a fresher one', async () => {
      const folder = tmp.path('sweep');
      mkdirSync(folder);
      const stale = join(folder, '.swept.interlock.0123456789ab.tmp');
      const fresh = join(folder, '.swept.interlock.ba9876543210.tmp');
      writeFileSync(stale, 'SQLite format 3\u0000 plain rows');
      writeFileSync(fresh, 'SQLite format 3\u0000 plain rows');
      const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
      utimesSync(stale, twoHoursAgo, twoHoursAgo);
      await unsealWorkspace(sealed, join(folder, 'swept.interlock'), PASSPHRASE);
      expect([existsSync(stale), existsSync(fresh)]).toEqual([false, true]);
    });

    it('a header asking for more than 4× the memory or the work of what Interlock writes is refused before any work, saying what it asked', async () => {
      // Each within the bytes' ranges: 1 GiB of memory, or 16 passes of the default (≈ 1 minute at 1 GiB together).
      for (const [log2N, r, p, asked] of [
        [20, 8, 1, 'N = 2^20, r = 8, p = 1 takes 1024 MiB and 8×'],
        [17, 8, 16, 'N = 2^17, r = 8, p = 16 takes 128 MiB and 16×'],
        [17, 32, 2, 'N = 2^17, r = 32, p = 2 takes 512 MiB and 8×'],
      ] as const) {
        const greedy = tmp.path(`greedy-${log2N}-${r}-${p}.sealed`);
        const bytes = readFileSync(sealed);
        bytes[9] = log2N;
        bytes[10] = r;
        bytes[11] = p;
        writeFileSync(greedy, bytes);
        const target = tmp.path(`greedy-${log2N}-${r}-${p}.interlock`);
        await expect(unsealWorkspace(greedy, target, PASSPHRASE)).rejects.toMatchObject({
          code: 'workspace-corrupt',
          message: expect.stringContaining(`asks for key-derivation settings outside what Interlock accepts: scrypt ${asked} the work of Interlock's own seal, where at most 512 MiB and 4× are accepted.`),
        });
        nothingWritten(target);
      }
    });

    it('a header within 4× of what Interlock writes still opens', async () => {
      const stronger = tmp.path('stronger.sealed');
      await sealWorkspace(workspace, stronger, PASSPHRASE, { cost: { log2N: 12, r: 8, p: 4 } });
      await expect(unsealWorkspace(stronger, tmp.path('stronger.interlock'), PASSPHRASE)).resolves.toEqual({ path: tmp.path('stronger.interlock') });
    });
  });
});

describe('sealed copies through the contract', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('a backend closed mid-unseal (the app or the browser host stopping) removes the decrypted copy; nothing is written', async () => {
    const source = createWorkspace(tmp.path('closing.interlock'), { fill: (db) => writeDemoPortfolio(db, { items: 20_000, seed: 3 }) });
    const sealedPath = tmp.path('closing.sealed');
    try {
      await sealWorkspace(source, sealedPath, PASSPHRASE, { cost: QUICK });
    } finally {
      closeWorkspace(source);
    }
    const folder = tmp.path('closing');
    mkdirSync(folder);
    const backend = createBackend({ log: () => undefined });
    let closed = false;
    const watcher = watch(folder, (_event, name) => {
      if (!closed && String(name).endsWith('.tmp')) {
        closed = true;
        backend.close();
      }
    });
    try {
      const result = await backend.call('workspace.unseal', { sealedPath, path: join(folder, 'u.interlock'), passphrase: PASSPHRASE });
      expect(closed).toBe(true);
      expect(result.ok).toBe(false);
    } finally {
      watcher.close();
      if (!closed) backend.close();
    }
    expect(readdirSync(folder)).toEqual([]);
  });

  it('seal and unseal (which opens the workspace) with the default cost; the passphrase appears in no message', async () => {
    const backend = createBackend({ log: () => undefined });
    try {
      await backend.call('workspace.create', { path: tmp.path('w.interlock'), name: 'Carried' });
      const tooShort = await backend.call('workspace.seal', { path: tmp.path('w.sealed'), passphrase: 'abc' });
      expect(tooShort).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(JSON.stringify(tooShort)).not.toContain('"abc"');
      const sealedResult = await backend.call('workspace.seal', { path: tmp.path('w.sealed'), passphrase: 'a long enough secret' });
      expect(sealedResult).toMatchObject({ ok: true, value: { path: tmp.path('w.sealed') } });
      const wrong = await backend.call('workspace.unseal', { sealedPath: tmp.path('w.sealed'), path: tmp.path('u.interlock'), passphrase: 'not the secret' });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
      expect(JSON.stringify(wrong)).not.toContain('not the secret');
      expect((await backend.call('workspace.current', {})) as unknown).toMatchObject({ ok: true, value: { path: tmp.path('w.interlock') } });
      const opened = await backend.call('workspace.unseal', { sealedPath: tmp.path('w.sealed'), path: tmp.path('u.interlock'), passphrase: 'a long enough secret' });
      expect(opened).toMatchObject({ ok: true, value: { path: tmp.path('u.interlock'), name: 'Carried' } });
      expect(await backend.call('workspace.current', {})).toMatchObject({ ok: true, value: { path: tmp.path('u.interlock') } });
    } finally {
      backend.close();
    }
  });
});
