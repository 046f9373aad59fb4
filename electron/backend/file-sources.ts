import { basename, dirname } from 'node:path';
import type { FileSource } from '../../shared/contract/file-source';
import type { BackendContext } from './handlers/handler-types';

/** Turns a FileSource into a readable file on disk and the name to show and record for it. */
export function resolveFileSource(source: FileSource, context: BackendContext): { path: string; name: string } {
  if (source.kind === 'path') return { path: source.path, name: basename(source.path) };
  const upload = context.uploads.resolve(source.uploadId);
  return { path: upload.path, name: source.name || upload.name };
}

/**
 * The names to show and record for files chosen together, one per file and no two alike (compared
 * without case, as Windows and macOS do): every message, count and log line of an import names its
 * file, so two `items.csv` from two export folders must not share one. A name chosen once is kept.
 * Files of one name are told apart by their folder (`2026-Q3/items.csv`) when every one's folder
 * is known and they differ; otherwise the second and later take a number, in the order chosen
 * (`items.csv (2)`).
 */
export function distinctFileNames(files: readonly { name: string; folder: string | null }[]): string[] {
  const fold = (name: string) => name.toLocaleLowerCase('en-US');
  const groups = new Map<string, number[]>();
  files.forEach((f, i) => {
    const group = groups.get(fold(f.name));
    if (group) group.push(i);
    else groups.set(fold(f.name), [i]);
  });
  const names = files.map((f) => f.name);
  const taken = new Set(names.map(fold));
  for (const members of groups.values()) {
    if (members.length === 1) continue;
    const byFolder = members.map((i) => (files[i]!.folder ? `${files[i]!.folder}/${files[i]!.name}` : null));
    const folderNames = byFolder.filter((n): n is string => n !== null);
    if (folderNames.length === members.length && new Set(folderNames.map(fold)).size === members.length && folderNames.every((n) => !taken.has(fold(n)))) {
      members.forEach((i, k) => (names[i] = byFolder[k]!));
      folderNames.forEach((n) => taken.add(fold(n)));
      continue;
    }
    let next = 2;
    for (const i of members.slice(1)) {
      let candidate: string;
      do candidate = `${files[i]!.name} (${next++})`;
      while (taken.has(fold(candidate)));
      names[i] = candidate;
      taken.add(fold(candidate));
    }
  }
  return names;
}

/** The folder a chosen file lies in, by its name alone (`2026-Q3`), or null for an upload (a browser tells no folder). */
export function folderOfSource(source: FileSource): string | null {
  return source.kind === 'path' ? basename(dirname(source.path)) || null : null;
}
