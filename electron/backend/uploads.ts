import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { AppError } from '../../shared/contract/result';

export interface Upload {
  id: string;
  name: string;
  path: string;
  bytes: number;
}

/** Every upload folder is named `<prefix><pid>-<random>`, so a later start can tell whose it was. */
export const UPLOAD_FOLDER_PREFIX = 'interlock-uploads-';
/** All uploads waiting to be imported, together. */
export const MAX_WAITING_UPLOAD_BYTES = 4 * 1024 ** 3;

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes upload folders left by processes that were killed before they could clean up. */
export function removeStaleUploadFolders(parent: string): string[] {
  if (!existsSync(parent)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(parent)) {
    const match = new RegExp(`^${UPLOAD_FOLDER_PREFIX}(\\d+)-[0-9a-f]+$`).exec(name);
    if (!match || Number(match[1]) === process.pid || processIsAlive(Number(match[1]))) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Files a browser sends (it cannot hand over a path), kept on disk in a private folder until their
 * import ends (or the process does), so that importers read every source the same way: as a file.
 */
export class UploadStore {
  readonly dir: string;
  readonly #uploads = new Map<string, Upload>();
  readonly #maxWaitingBytes: number;
  /** Bytes of uploads still arriving. */
  #streaming = 0;

  constructor(options: { parent?: string; maxWaitingBytes?: number } = {}) {
    const parent = options.parent ?? tmpdir();
    removeStaleUploadFolders(parent);
    this.dir = join(parent, `${UPLOAD_FOLDER_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
    this.#maxWaitingBytes = options.maxWaitingBytes ?? MAX_WAITING_UPLOAD_BYTES;
  }

  /** Bytes of the uploads still on disk (an import that ended removed its own). */
  waitingBytes(): number {
    let bytes = 0;
    for (const [id, upload] of this.#uploads) {
      if (existsSync(upload.path)) bytes += statSync(upload.path).size;
      else this.#uploads.delete(id);
    }
    return bytes;
  }

  async save(name: string, body: Readable, maxBytes: number): Promise<Upload> {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const id = randomBytes(16).toString('hex');
    const path = join(this.dir, id);
    const waiting = this.waitingBytes();
    let bytes = 0;
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      // Uploads arriving side by side count each other's bytes as they stream, not only once saved.
      this.#streaming += chunk.length;
      if (bytes > maxBytes) body.destroy(new AppError('invalid-input', `${name} is larger than ${Math.round(maxBytes / 1024 ** 2)} MB.`));
      else if (waiting + this.#streaming > this.#maxWaitingBytes) {
        const gb = (this.#maxWaitingBytes / 1024 ** 3).toFixed(0);
        body.destroy(new AppError('invalid-input', `${name} does not fit: the files waiting to be imported would take more than ${gb} GB. Import or leave the ones chosen before, then try again.`));
      }
    });
    const file = createWriteStream(path, { mode: 0o600 });
    try {
      await pipeline(body, file);
    } catch (error) {
      // The file may still be opening: remove it once the stream has closed, or it would reappear.
      if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
      rmSync(path, { force: true });
      throw error;
    } finally {
      this.#streaming -= bytes;
    }
    const upload = { id, name, path, bytes };
    this.#uploads.set(id, upload);
    return upload;
  }

  /** Takes on a file another thread's store saved (the browser host streams uploads on its HTTP thread). */
  adopt(upload: Upload): void {
    this.#uploads.set(upload.id, upload);
  }

  resolve(id: string): Upload {
    const upload = this.#uploads.get(id);
    if (!upload || !existsSync(upload.path)) throw new AppError('not-found', 'That uploaded file is no longer available; choose the file again.');
    return upload;
  }

  /** Deletes an upload whose import has ended. */
  discard(id: string): void {
    const upload = this.#uploads.get(id);
    if (!upload) return;
    this.#uploads.delete(id);
    rmSync(upload.path, { force: true });
  }

  dispose(): void {
    this.#uploads.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
