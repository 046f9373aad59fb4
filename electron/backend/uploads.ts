import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
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

/**
 * Files a browser sends (it cannot hand over a path), kept on disk in a private folder for the
 * life of the process, so that importers read every source the same way: as a file.
 */
export class UploadStore {
  readonly #dir: string;
  readonly #uploads = new Map<string, Upload>();
  constructor(dir: string) {
    this.#dir = dir;
  }

  async save(name: string, body: Readable, maxBytes: number): Promise<Upload> {
    mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
    const id = randomBytes(16).toString('hex');
    const path = join(this.#dir, id);
    let bytes = 0;
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) body.destroy(new AppError('invalid-input', `${name} is larger than ${Math.round(maxBytes / 1024 ** 2)} MB.`));
    });
    try {
      await pipeline(body, createWriteStream(path, { mode: 0o600 }));
    } catch (error) {
      rmSync(path, { force: true });
      throw error;
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
    if (!upload) throw new AppError('not-found', 'That uploaded file is no longer available; choose the file again.');
    return upload;
  }

  dispose(): void {
    this.#uploads.clear();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
