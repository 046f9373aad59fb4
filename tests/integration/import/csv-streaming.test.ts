import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHead, sniffDialect, streamCsv, type RowProblem } from '../../../electron/backend/import/csv-reading';
import { readTextHead } from '../../../electron/backend/import/text-reading';

// streamCsv skips its search for line breaks inside cells while the file has shown no quote; the
// lines it reports must stay right when quotes turn up chunks later.

const dir = mkdtempSync(join(tmpdir(), 'interlock-csv-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rowsOf(text: string): Promise<{ cells: string[]; line: number; problem: RowProblem }[]> {
  const path = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, text);
  const head = readTextHead(path, 'f.csv');
  const dialect = sniffDialect(head.text);
  const { headers } = parseHead(head.text, dialect, head.complete);
  const rows: { cells: string[]; line: number; problem: RowProblem }[] = [];
  await streamCsv(path, head.facts, dialect, { bytesRead: 0 }, { row: (cells, line, problem) => void rows.push({ cells: [...cells], line, problem }), chunkDone: () => false }, headers);
  return rows;
}

describe('streamCsv line numbers', () => {
  it('counts the line breaks of quoted cells that come after many chunks without a quote', async () => {
    const lines = ['key,title,at'];
    for (let i = 0; i < 30_000; i++) lines.push(i === 20_000 ? `K-${i},"two\nlines, and a ""quote""",2024-01-01` : `K-${i},Title ${i},2024-01-01`);
    const rows = await rowsOf(`${lines.join('\n')}\n`);
    expect(rows).toHaveLength(30_000);
    expect(rows[19_999]).toEqual({ cells: ['K-19999', 'Title 19999', '2024-01-01'], line: 20_001, problem: null });
    expect(rows[20_000]).toEqual({ cells: ['K-20000', 'two\nlines, and a "quote"', '2024-01-01'], line: 20_002, problem: null });
    // K-20000 takes two lines.
    expect(rows[20_001]!.line).toBe(20_004);
    expect(rows[29_999]!.line).toBe(30_002);
  });

  it('keeps every character whole where the 32 KB chunks and the 1 MB reads cut UTF-8 and UTF-16 text', async () => {
    // Titles of 1- to 4-byte characters, rows of odd lengths: over 2 MB, every kind of cut happens.
    const titles = ['Zürich café', '東京チーム', 'Rocket 🚀 launch', 'plain ascii'];
    const expected: string[][] = [];
    for (let i = 0; i < 70_000; i++) expected.push([`K-${i}`, `${titles[i % titles.length]} ${'é'.repeat(i % 7)}${i}`]);
    const text = `key,title\n${expected.map((r) => r.join(',')).join('\n')}\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    const utf8 = await rowsOf(text);
    expect(utf8.map((r) => r.cells)).toEqual(expected);
    const path = join(dir, 'utf16.csv');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const head = readTextHead(path, 'utf16.csv');
    expect(head.facts.encoding).toBe('utf-16le');
    const utf16: string[][] = [];
    await streamCsv(path, head.facts, sniffDialect(head.text), { bytesRead: 0 }, { row: (cells) => void utf16.push([...cells]), chunkDone: () => false }, ['key', 'title']);
    expect(utf16).toEqual(expected);
  });

  describe('edge cases', () => {
    it('numbers the lines of a file without any quote one per row, blank lines included', async () => {
      const rows = await rowsOf('key,title\nA-1,one\n\nA-2,two\n');
      expect(rows.map((r) => [r.cells[0], r.line])).toEqual([
        ['A-1', 2],
        ['', 3],
        ['A-2', 4],
      ]);
    });
  });
});
