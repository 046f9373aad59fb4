import { Worker } from 'node:worker_threads';
import { SourceError } from '../../../shared/import/import-issues';
import { workerModule } from '../remote/worker-module';
import { deliverChunk, streamCsv, type CsvDialect, type CsvStreamHandlers } from './csv-reading';
import { unpackChunk, type CsvThreadMessage, type CsvThreadRequest } from './csv-reading-worker';
import type { EncodingFacts } from './text-encoding';
import type { ReadProgress } from './text-reading';

/**
 * From this size a CSV is read and parsed on a thread of its own while this thread maps and checks
 * its rows (papaparse, decoding and hashing were about a third of a big import's reading). Smaller
 * files are done before a thread would have started.
 */
export const CSV_THREAD_BYTES = 4 * 1024 ** 2;

/**
 * `streamCsv` with the reading and parsing on a worker thread: the same rows, lines, problems,
 * hash and errors, handed over a chunk at a time. When the thread cannot start (a build without
 * its bundle), the file is read on this thread instead; a stop or an error ends the thread.
 */
export function streamCsvOnThread(
  path: string,
  facts: EncodingFacts,
  dialect: CsvDialect,
  progress: ReadProgress,
  handlers: CsvStreamHandlers,
  headers: readonly string[] = [],
  /** False in tests: a thread that cannot start is then an error, not a quiet read on this thread. */
  readHereWithoutThread = true,
): Promise<string | null> {
  const readHere = () => streamCsv(path, facts, dialect, progress, handlers, headers);
  const bytesBefore = progress.bytesRead;
  const request: CsvThreadRequest = { path, facts, dialect, headers: [...headers] };
  let worker: Worker;
  try {
    const { url, entry } = workerModule(import.meta.url, 'csv-reading-worker');
    worker = entry ? new Worker(entry, { workerData: { entry: url, csv: request } }) : new Worker(new URL(url), { workerData: { csv: request } });
  } catch (error) {
    return readHereWithoutThread ? readHere() : Promise.reject(error as Error);
  }
  return new Promise<string | null>((resolve, reject) => {
    let rows = 0;
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      done();
    };
    worker.on('message', (message: CsvThreadMessage) => {
      if (settled) return;
      if (message.kind === 'chunk') {
        progress.bytesRead = bytesBefore + message.bytesRead;
        try {
          const chunk = unpackChunk(message);
          const stop = deliverChunk(chunk, handlers, rows);
          rows += chunk.rows.length;
          if (stop) return settle(() => resolve(null));
        } catch (error) {
          return settle(() => reject(error));
        }
        worker.postMessage(0);
      } else if (message.kind === 'done') settle(() => resolve(message.hash));
      else if (message.kind === 'source-error') settle(() => reject(new SourceError(message.code, message.message, message.line, message.column, message.value)));
      else settle(() => reject(new Error(message.message)));
    });
    const broken = (error: Error) =>
      settle(() => {
        // Nothing handed over yet (the thread's module is missing): read the file here from the start.
        if (readHereWithoutThread && rows === 0 && progress.bytesRead === bytesBefore) readHere().then(resolve, reject);
        else reject(error);
      });
    worker.on('error', broken);
    worker.on('exit', (code) => broken(new Error(`The thread reading the CSV stopped (exit code ${code}).`)));
  });
}
