import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleUploadFolders, UPLOAD_FOLDER_PREFIX, UploadStore } from '../../../electron/backend/uploads';
import { tempDir } from '../../support/temp-files';

describe('the upload store', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('removes folders left by processes that no longer run, and keeps live ones', () => {
    const dead = join(tmp.dir, `${UPLOAD_FOLDER_PREFIX}2147483646-abcdef`);
    const mine = join(tmp.dir, `${UPLOAD_FOLDER_PREFIX}${process.pid}-abcdef`);
    const other = join(tmp.dir, 'someone-elses-folder');
    for (const dir of [dead, mine, other]) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'file'), 'x');
    }
    new UploadStore({ parent: tmp.dir });
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(mine)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });

  it('refuses an upload that would take the waiting uploads past the cap, keeping nothing of it', async () => {
    const store = new UploadStore({ parent: tmp.dir, maxWaitingBytes: 1000 });
    const first = await store.save('a.csv', Readable.from([Buffer.alloc(600)]), 10_000);
    await expect(store.save('b.csv', Readable.from([Buffer.alloc(300), Buffer.alloc(300)]), 10_000)).rejects.toThrow(/would take more than/);
    expect(readdirSync(store.dir)).toEqual([first.id]);
    store.discard(first.id);
    expect(readdirSync(store.dir)).toEqual([]);
    // Room again once the first is gone.
    await store.save('b.csv', Readable.from([Buffer.alloc(600)]), 10_000);
    store.dispose();
    expect(existsSync(store.dir)).toBe(false);
  });

  it('uploads arriving side by side count each other: together they stay under the cap, and a refused one frees its share', async () => {
    const store = new UploadStore({ parent: tmp.dir, maxWaitingBytes: 100 });
    const chunks = () => Readable.from((async function* () {
      for (let i = 0; i < 4; i++) {
        yield Buffer.alloc(20);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })());
    const results = await Promise.allSettled([store.save('a.csv', chunks(), 10_000), store.save('b.csv', chunks(), 10_000), store.save('c.csv', chunks(), 10_000)]);
    const saved = results.filter((r) => r.status === 'fulfilled');
    expect(saved.length).toBe(1);
    expect(store.waitingBytes()).toBeLessThanOrEqual(100);
    // What the refused ones had streamed is counted no more: room for one more of 20.
    await store.save('d.csv', Readable.from([Buffer.alloc(20)]), 10_000);
    store.dispose();
  });

  describe('edge cases', () => {
    it('a discarded upload is no longer available, with a message saying to choose the file again', async () => {
      const store = new UploadStore({ parent: tmp.dir });
      const upload = await store.save('a.csv', Readable.from([Buffer.from('k\n1\n')]), 100);
      store.discard(upload.id);
      expect(() => store.resolve(upload.id)).toThrow('choose the file again');
      store.discard('unknown');
      store.dispose();
    });

    it('a parent folder that does not exist has nothing stale in it', () => {
      expect(removeStaleUploadFolders(join(tmp.dir, 'nope'))).toEqual([]);
    });
  });
});
