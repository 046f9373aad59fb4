import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readTextHead } from '../../../electron/backend/import/text-reading';
import { parseHead, sniffDialect, streamCsv, type RowProblem } from '../../../electron/backend/import/csv-reading';
import { CsvReadingThread } from '../../../electron/backend/import/csv-reading-thread';
import { packChunk, unpackChunk } from '../../../electron/backend/import/csv-reading-worker';
import { SourceError } from '../../../shared/import/import-issues';
import { fixture } from './import-support';

// A big CSV is parsed on a worker thread (csv-reading-thread.ts): what the import sees must be what
// it sees when the file is parsed on its own thread, row for row.

const dir = mkdtempSync(join(tmpdir(), 'interlock-csv-thread-'));
// One thread for the whole file, as for the files of one import (a stop or an error starts another).
const thread = new CsvReadingThread(false);
afterAll(() => {
  thread.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Seen {
  rows: { cells: string[]; line: number; problem: RowProblem }[];
  hash: string | null;
  bytes: number;
  error: string | null;
}

async function read(path: string, onThread: boolean, stopAfterRows = Infinity): Promise<Seen> {
  const head = readTextHead(path, 'f.csv');
  const dialect = sniffDialect(head.text);
  const { headers } = parseHead(head.text, dialect, head.complete);
  const progress = { bytesRead: 0 };
  const seen: Seen = { rows: [], hash: null, bytes: 0, error: null };
  const handlers = {
    row: (cells: string[], line: number, problem: RowProblem) => void seen.rows.push({ cells: [...cells], line, problem }),
    chunkDone: (rows: number) => rows >= stopAfterRows,
  };
  try {
    seen.hash = onThread ? await thread.read(path, head.facts, dialect, progress, handlers, headers) : await streamCsv(path, head.facts, dialect, progress, handlers, headers);
  } catch (error) {
    seen.error = error instanceof SourceError ? `${error.code} ${error.line} ${error.column} ${error.message}` : String(error);
  }
  seen.bytes = progress.bytesRead;
  return seen;
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('reading a CSV on a thread', () => {
  it('hands over the rows, lines, problems and hash that reading it here gives (multi-line cells, ragged rows, quotes)', async () => {
    for (const path of [fixture('jira', 'jira-all-fields.csv'), fixture('malformed', 'ragged-rows.csv'), fixture('malformed', 'unclosed-quote.csv'), fixture('malformed', 'semicolon.csv')]) {
      const here = await read(path, false);
      const there = await read(path, true);
      expect(there).toEqual(here);
      expect(here.rows.length).toBeGreaterThan(0);
    }
  });

  it('gives the same rows for a file of many chunks, its quotes starting half-way', async () => {
    const lines = ['key,title,at'];
    for (let i = 0; i < 30_000; i++) lines.push(i === 20_000 ? `K-${i},"two\nlines, and a ""quote""",2024-01-01` : `K-${i},Title ${i},2024-01-01`);
    const path = write('many.csv', `${lines.join('\n')}\n`);
    const here = await read(path, false);
    const there = await read(path, true);
    expect(there.rows.length).toBe(30_000);
    // Row K-20000 starts on line 20,002 and takes two lines.
    expect(there.rows[20_001]).toEqual({ cells: ['K-20001', 'Title 20001', '2024-01-01'], line: 20_004, problem: null });
    expect(there).toEqual(here);
  });

  it('packs and unpacks any chunk of rows exactly', () => {
    const chunk = fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), { maxLength: 20 }).chain((rows) =>
      fc.record({
        rows: fc.constant(rows),
        lines: fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: rows.length, maxLength: rows.length }),
        problems: fc.array(fc.constantFrom<RowProblem>(null, 'unclosed-quote', 'malformed-quotes'), { minLength: rows.length, maxLength: rows.length }),
      }),
    );
    fc.assert(
      fc.property(chunk, (c) => {
        expect(unpackChunk(packChunk(c, 7))).toEqual(c);
      }),
    );
  });

  describe('edge cases', () => {
    it('stops when the reader asks, and says so with a null hash', async () => {
      const lines = ['key,title'];
      for (let i = 0; i < 60_000; i++) lines.push(`K-${i},Title ${i}`);
      const path = write('stop.csv', `${lines.join('\n')}\n`);
      const there = await read(path, true, 1);
      expect(there.hash).toBeNull();
      expect(there.error).toBeNull();
      expect(there.rows.length).toBeGreaterThan(0);
      expect(there.rows.length).toBeLessThan(60_000);
    });

    it('refuses a runaway quote with the line and column it opened in, as reading here does', async () => {
      const path = write('runaway.csv', `key,title\nA-1,ok\nA-2,"never closed\n${'x,'.repeat(7_000_000)}\n`);
      const here = await read(path, false);
      const there = await read(path, true);
      expect(here.error).toMatch(/^cell-too-large 3 title The row starting on line 3 in column "title"/);
      expect(there.error).toBe(here.error);
      expect(there.rows).toEqual(here.rows);
    });
  });
});
