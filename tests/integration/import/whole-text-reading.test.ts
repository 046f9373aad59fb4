import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceError } from '../../../shared/import/import-issues';
import { readTextHead, readWholeText } from '../../../electron/backend/import/text-reading';

// A JSON export is read whole: its bytes in 1 MB reads (the next one under way while the last is
// hashed), decoded once. What is read, hashed and counted must be every byte, once, in order.

const dir = mkdtempSync(join(tmpdir(), 'interlock-whole-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function written(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function read(path: string, maxBytes = 64 * 1024 ** 2) {
  const facts = readTextHead(path, 'export.json').facts;
  const progress = { bytesRead: 0 };
  const result = await readWholeText(path, facts, 'export.json', maxBytes, progress);
  return { ...result, bytesRead: progress.bytesRead };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Over 3 MB of JSON with 1- to 4-byte characters, so the 1 MB reads cut characters of every width. */
function largeJson(): string {
  const titles = ['Zürich café', '東京チーム', 'Rocket 🚀 launch', 'plain ascii'];
  const issues = Array.from({ length: 70_000 }, (_, i) => ({ key: `K-${i}`, summary: `${titles[i % titles.length]} ${'é'.repeat(i % 7)}${i}` }));
  return JSON.stringify({ issues });
}

describe('readWholeText', () => {
  it('reads, hashes and counts every byte of a file of several reads, in order', async () => {
    const text = largeJson();
    const bytes = Buffer.from(text);
    expect(bytes.length).toBeGreaterThan(3 * 1024 ** 2);
    const path = written('large.json', bytes);
    const result = await read(path);
    expect(result.text).toBe(text);
    expect(result.hash).toBe(sha256(bytes));
    expect(result.bytesRead).toBe(bytes.length);
  });

  it('hashes the byte-order mark with the file but leaves it out of the text, in UTF-8 and UTF-16', async () => {
    const text = largeJson();
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const fromUtf8 = await read(written('bom-utf8.json', utf8));
    expect(fromUtf8.text).toBe(text);
    expect(fromUtf8.hash).toBe(sha256(utf8));
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const fromUtf16 = await read(written('bom-utf16.json', utf16));
    expect(fromUtf16.text).toBe(text);
    expect(fromUtf16.hash).toBe(sha256(utf16));
    expect(fromUtf16.bytesRead).toBe(utf16.length);
  });

  describe('edge cases', () => {
    it('reads an empty file as no text, with the hash of no bytes', async () => {
      const result = await read(written('empty.json', Buffer.alloc(0)));
      expect(result).toEqual({ text: '', hash: sha256(Buffer.alloc(0)), bytesRead: 0 });
    });

    it('reads a file of exactly one read, and one of a read and one byte', async () => {
      for (const size of [1024 * 1024, 1024 * 1024 + 1]) {
        const bytes = Buffer.alloc(size, 'a');
        const result = await read(written(`size-${size}.json`, bytes));
        expect(result.text.length).toBe(size);
        expect(result.hash).toBe(sha256(bytes));
      }
    });

    it('refuses a file over the limit, naming it and the limit, before reading it', async () => {
      const path = written('too-large.json', Buffer.alloc(3 * 1024 ** 2, 'a'));
      const facts = readTextHead(path, 'export.json').facts;
      const progress = { bytesRead: 0 };
      const refused = readWholeText(path, facts, 'export.json', 2 * 1024 ** 2, progress);
      await expect(refused).rejects.toThrow(SourceError);
      await expect(refused).rejects.toThrow('export.json is larger than 2 MB');
      expect(progress.bytesRead).toBe(0);
    });
  });
});
