import { Worker } from 'node:worker_threads';
import { SourceError } from '../../../shared/import/import-issues';
import { workerModule } from '../remote/worker-module';
import { deliverChunk, streamCsv, type CsvDialect, type CsvStreamHandlers } from './csv-reading';
import { unpackChunk, type CsvThreadMessage, type ToCsvThread } from './csv-reading-worker';
import type { EncodingFacts } from './text-encoding';
import type { ReadProgress } from './text-reading';

/**
 * From this size a CSV is read and parsed on a thread of its own while this thread maps and checks
 * its rows (papaparse, decoding and hashing were about a third of a big import's reading). Smaller
 * files are done before a thread would have started.
 */
export const CSV_THREAD_BYTES = 4 * 1024 ** 2;

/**
 * The thread that reads the big CSV files of one import, one after another: `read` is
 * `streamCsv` with the reading and parsing there, the same rows, lines, problems, hash and errors
 * handed over a chunk at a time. When the thread cannot start (a build without its bundle), the
 * file is read on this thread instead. A stop or an error ends the thread; the next file starts
 * another. `close` when the import is over.
 */
export class CsvReadingThread {
  #worker: Worker | null = null;

  /** `readHereWithoutThread` false (tests): a thread that cannot start is an error, not a quiet read here. */
  constructor(private readonly readHereWithoutThread = true) {}

  read(path: string, facts: EncodingFacts, dialect: CsvDialect, progress: ReadProgress, handlers: CsvStreamHandlers, headers: readonly string[] = []): Promise<string | null> {
    const readHere = () => streamCsv(path, facts, dialect, progress, handlers, headers);
    const bytesBefore = progress.bytesRead;
    let worker: Worker;
    try {
      worker = this.#worker ??= this.#start();
    } catch (error) {
      return this.readHereWithoutThread ? readHere() : Promise.reject(error as Error);
    }
    return new Promise<string | null>((resolve, reject) => {
      let rows = 0;
      let settled = false;
      const settle = (ended: boolean, done: () => void) => {
        if (settled) return;
        settled = true;
        worker.off('message', onMessage);
        worker.off('error', broken);
        worker.off('exit', exited);
        if (ended) this.#end(worker);
        done();
      };
      const take = (message: CsvThreadMessage) => {
        if (settled) return;
        if (message.kind === 'chunk') {
          progress.bytesRead = bytesBefore + message.bytesRead;
          try {
            const chunk = unpackChunk(message);
            const stop = deliverChunk(chunk, handlers, rows);
            rows += chunk.rows.length;
            if (stop) return settle(true, () => resolve(null));
          } catch (error) {
            return settle(true, () => reject(error));
          }
          worker.postMessage({ kind: 'ack' } satisfies ToCsvThread);
        } else if (message.kind === 'done') settle(false, () => resolve(message.hash));
        else if (message.kind === 'source-error') settle(false, () => reject(new SourceError(message.code, message.message, message.line, message.column, message.value)));
        else settle(false, () => reject(new Error(message.message)));
      };
      // One message a turn of the event loop: a port hands over every message it holds in one go, and
      // the thread refills it while a chunk is mapped, so without this no poll of the import's
      // progress and no cancel would be answered until the file's end.
      const queue: CsvThreadMessage[] = [];
      const next = () => {
        take(queue.shift()!);
        if (queue.length > 0) setImmediate(next);
      };
      const onMessage = (message: CsvThreadMessage) => {
        queue.push(message);
        if (queue.length === 1) setImmediate(next);
      };
      const broken = (error: Error) =>
        settle(true, () => {
          // Nothing handed over yet (the thread's module is missing): read the file here from the start.
          if (this.readHereWithoutThread && rows === 0 && progress.bytesRead === bytesBefore) readHere().then(resolve, reject);
          else reject(error);
        });
      const exited = (code: number) => broken(new Error(`The thread reading the CSV stopped (exit code ${code}).`));
      worker.on('message', onMessage);
      worker.on('error', broken);
      worker.on('exit', exited);
      worker.postMessage({ kind: 'read', request: { path, facts, dialect, headers: [...headers] } } satisfies ToCsvThread);
    });
  }

  close(): void {
    if (this.#worker) this.#end(this.#worker);
  }

  #start(): Worker {
    const { url, entry } = workerModule(import.meta.url, 'csv-reading-worker');
    return entry ? new Worker(entry, { workerData: { entry: url, csvThread: true } }) : new Worker(new URL(url), { workerData: { csvThread: true } });
  }

  #end(worker: Worker): void {
    if (this.#worker === worker) this.#worker = null;
    void worker.terminate();
  }
}
