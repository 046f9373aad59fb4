import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder per test; removed by the returned cleanup. */
export function tempDir(prefix = 'interlock-test-'): { dir: string; path(name: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Files SQLite may leave beside a database: none must remain after a clean close. */
export function sidecarFiles(path: string): string[] {
  return ['-journal', '-wal', '-shm'].map((s) => `${path}${s}`).filter((p) => existsSync(p));
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}
