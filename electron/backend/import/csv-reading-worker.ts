import { parentPort, workerData } from 'node:worker_threads';
import { SourceError } from '../../../shared/import/import-issues';
import { parseCsvChunks, type CsvChunk, type CsvDialect, type RowProblem } from './csv-reading';
import type { EncodingFacts } from './text-encoding';

// A thread that reads, hashes, decodes and parses one CSV file while the backend's thread maps
// and checks the rows it already has. Each chunk's rows cross as one string and a few typed arrays
// (moved, not copied): a structured clone of a chunk's thousands of small arrays would cost more
// than parsing it.

export interface CsvThreadRequest {
  path: string;
  facts: EncodingFacts;
  dialect: CsvDialect;
  headers: readonly string[];
}

/** A chunk of rows: their cells one after another in `text`, ending at `ends`; `widths` cells per row. */
export interface PackedChunk {
  kind: 'chunk';
  text: string;
  ends: Int32Array;
  widths: Int32Array;
  lines: Int32Array;
  /** Per row: 0 none, 1 an unclosed quote, 2 text after a closing quote. */
  problems: Uint8Array;
  bytesRead: number;
}

export type CsvThreadMessage =
  | PackedChunk
  | { kind: 'done'; hash: string }
  | { kind: 'source-error'; code: SourceError['code']; message: string; line: number | null; column: string | null; value: string | null }
  | { kind: 'failure'; message: string };

/** Chunks sent and not yet taken by the reader: the thread waits beyond this, so memory stays flat. */
const AHEAD = 3;

const PROBLEMS: readonly RowProblem[] = [null, 'unclosed-quote', 'malformed-quotes'];

export function packChunk(chunk: CsvChunk, bytesRead: number): PackedChunk {
  const rows = chunk.rows;
  let cells = 0;
  for (let r = 0; r < rows.length; r++) cells += rows[r]!.length;
  const ends = new Int32Array(cells);
  const widths = new Int32Array(rows.length);
  const parts: string[] = new Array<string>(cells);
  let k = 0;
  let at = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    widths[r] = row.length;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c]!;
      at += cell.length;
      ends[k] = at;
      parts[k++] = cell;
    }
  }
  return {
    kind: 'chunk',
    text: parts.join(''),
    ends,
    widths,
    lines: Int32Array.from(chunk.lines),
    problems: Uint8Array.from(chunk.problems, (p) => PROBLEMS.indexOf(p)),
    bytesRead,
  };
}

export function unpackChunk(packed: PackedChunk): CsvChunk {
  const { text, ends, widths, lines, problems } = packed;
  const chunk: CsvChunk = { rows: new Array<string[]>(widths.length), lines: new Array<number>(widths.length), problems: new Array<RowProblem>(widths.length) };
  let k = 0;
  let from = 0;
  for (let r = 0; r < widths.length; r++) {
    const width = widths[r]!;
    const row = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const end = ends[k++]!;
      row[c] = text.substring(from, end);
      from = end;
    }
    chunk.rows[r] = row;
    chunk.lines[r] = lines[r]!;
    chunk.problems[r] = PROBLEMS[problems[r]!]!;
  }
  return chunk;
}

export type ToCsvThread = { kind: 'read'; request: CsvThreadRequest } | { kind: 'ack' };

// One thread serves the files of one import, one after another (under tsx a thread takes ~0.6 s of
// CPU to start). The backend acknowledges each chunk it took; a stop ends the thread.
if (parentPort && workerData?.csvThread) {
  const port = parentPort;
  let ahead = 0;
  let wake: (() => void) | null = null;
  const gate = () => (ahead < AHEAD ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve)));
  const send = (message: CsvThreadMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  port.on('message', (message: ToCsvThread) => {
    if (message.kind === 'ack') {
      ahead--;
      wake?.();
      wake = null;
      return;
    }
    const { request } = message;
    ahead = 0;
    const progress = { bytesRead: 0 };
    parseCsvChunks(
      request.path,
      request.facts,
      request.dialect,
      progress,
      request.headers,
      (chunk) => {
        const packed = packChunk(chunk, progress.bytesRead);
        ahead++;
        send(packed, [packed.ends.buffer, packed.widths.buffer, packed.lines.buffer, packed.problems.buffer] as ArrayBuffer[]);
        return false;
      },
      gate,
    ).then(
      (hash) => send({ kind: 'done', hash: hash! }),
      (error: unknown) =>
        send(
          error instanceof SourceError
            ? { kind: 'source-error', code: error.code, message: error.message, line: error.line, column: error.column, value: error.value }
            : { kind: 'failure', message: error instanceof Error ? error.message : String(error) },
        ),
    );
  });
}
