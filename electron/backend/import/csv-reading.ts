import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { SourceError } from '../../../shared/import/import-issues';
import type { EncodingFacts } from './text-encoding';
import { readTextChunks, type ReadProgress } from './text-reading';

export interface CsvDialect {
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Delimiter and line ending from the header line alone. Guessing from data rows goes wrong on
 * semicolon files with decimal commas and on CRLF files with LF inside quoted cells; the header
 * line has neither problem.
 */
export function sniffDialect(head: string): CsvDialect {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let newline: CsvDialect['newline'] = '\n';
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      newline = c === '\r' ? (head[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
      break;
    } else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(delimiter)!) delimiter = d;
  return { delimiter, newline };
}

/** The header and first rows of a CSV from its decoded head (for detection and column mapping). */
export function parseHead(head: string, dialect: CsvDialect, complete: boolean, rows = 50): { headers: string[]; sample: string[][] } {
  const parsed = Papa.parse<string[]>(head, { delimiter: dialect.delimiter, newline: dialect.newline, preview: rows + 1 });
  const data = parsed.data;
  // Without the whole file, the last parsed row may be cut in the middle.
  if (!complete && data.length > 1) data.pop();
  const headers = (data[0] ?? []).map((h) => h.replace(/^\uFEFF/, ''));
  return { headers, sample: data.slice(1) };
}

function newlinesIn(cell: string): number {
  let n = 0;
  let i = cell.indexOf('\n');
  while (i !== -1) {
    n++;
    i = cell.indexOf('\n', i + 1);
  }
  return n;
}

export type RowProblem = 'unclosed-quote' | 'malformed-quotes' | null;

export interface CsvStreamHandlers {
  /** One data row (the header row is skipped), with the physical line it starts on. */
  row(cells: string[], line: number, problem: RowProblem): void;
  /** After each chunk of about 256 KB: return true to stop reading. */
  chunkDone(rows: number): boolean;
}

/** A cell this large is an unclosed quote swallowing the file, or not a CSV made by any tracker. */
const MAX_CELL_CHARS = 32 * 1024 * 1024;

/**
 * Streams a CSV through papaparse (arrays, not header objects: repeated headers stay apart and it
 * is ~3× faster), calling `row` for each data row. Resolves with the file's SHA-256 when the file
 * was read to the end, or null when a handler asked to stop.
 */
export function streamCsv(path: string, facts: EncodingFacts, dialect: CsvDialect, progress: ReadProgress, handlers: CsvStreamHandlers): Promise<string | null> {
  const hash = createHash('sha256');
  const input = Readable.from(readTextChunks(path, facts, progress, hash), { objectMode: true });
  let line = 1;
  let first = true;
  let rows = 0;
  let stopped = false;
  return new Promise<string | null>((resolve, reject) => {
    let failed: unknown = null;
    Papa.parse<string[]>(input as unknown as File, {
      delimiter: dialect.delimiter,
      newline: dialect.newline,
      chunk(results, parser) {
        try {
          const problems = new Map<number, RowProblem>();
          for (const e of results.errors) {
            if (e.row === undefined) continue;
            if (e.code === 'MissingQuotes') problems.set(e.row, 'unclosed-quote');
            else if (e.code === 'InvalidQuotes' && !problems.has(e.row)) problems.set(e.row, 'malformed-quotes');
          }
          const data = results.data;
          for (let r = 0; r < data.length; r++) {
            const cells = data[r]!;
            const start = line;
            for (let c = 0; c < cells.length; c++) {
              const cell = cells[c]!;
              if (cell.length > 80 || cell.indexOf('\n') !== -1) {
                if (cell.length > MAX_CELL_CHARS) {
                  throw new SourceError('cell-too-large', `A cell starting on line ${start} is larger than 32 MB; a quote is probably never closed there.`, start);
                }
                line += newlinesIn(cell);
              }
            }
            line++;
            if (first) {
              first = false;
              continue;
            }
            rows++;
            handlers.row(cells, start, problems.get(r) ?? null);
          }
          if (handlers.chunkDone(rows)) {
            stopped = true;
            parser.abort();
          }
        } catch (error) {
          failed = error;
          parser.abort();
        }
      },
      complete() {
        input.destroy();
        if (failed) reject(failed);
        else resolve(stopped ? null : hash.digest('hex'));
      },
      error(error: Error) {
        input.destroy();
        reject(failed ?? error);
      },
    });
  });
}
