import { existsSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FolderEntry, FolderListing, FolderPlace } from '../../shared/contract/files-channels';
import { AppError } from '../../shared/contract/result';
import { fromEpochMs } from '../../shared/domain/time';

/** Entries one listing holds at most; a folder with more says it was cut. */
export const MAX_FOLDER_ENTRIES = 2000;

function realOrNull(path: string): string | null {
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

/** True when `path` is `root` or inside it; both already resolved through their links. */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The folders a file chooser may show, each resolved through symbolic links; missing ones left out.
 * A folder is shown when its real path lies inside one of them, so neither `..` nor a link leads out.
 */
export function allowedPlaces(places: readonly FolderPlace[]): (FolderPlace & { real: string })[] {
  const seen = new Set<string>();
  const result: (FolderPlace & { real: string })[] = [];
  for (const place of places) {
    const real = realOrNull(resolve(place.path));
    if (!real || seen.has(real) || !statSync(real).isDirectory()) continue;
    seen.add(real);
    result.push({ ...place, path: resolve(place.path), real });
  }
  return result;
}

function kindOf(name: string, stats: Stats): FolderEntry['kind'] {
  if (stats.isDirectory()) return 'folder';
  const extension = extname(name).toLowerCase();
  return extension === '.interlock' ? 'workspace' : extension === '.sealed' ? 'sealed' : 'file';
}

function outside(dir: string): AppError {
  return new AppError(
    'invalid-input',
    `Interlock shows only folders inside your home folder and folders you opened workspaces from; ${dir} is outside them. Type the file's full path instead.`,
  );
}

/** Lists `dir` (default: the first place) when it lies inside an allowed place; refuses anything else. */
export function listFolder(requested: string | undefined, placesIn: readonly FolderPlace[]): FolderListing {
  const places = allowedPlaces(placesIn);
  if (places.length === 0) throw new AppError('not-found', 'There is no folder Interlock may show here.');
  const dir = resolve(requested ?? places[0]!.path);
  if (!existsSync(dir)) throw new AppError('not-found', `There is no folder ${dir}.`);
  const real = realOrNull(dir);
  const holder = real === null ? undefined : places.find((p) => isWithin(p.real, real));
  if (!real || !holder) throw outside(dir);
  if (!statSync(real).isDirectory()) throw new AppError('invalid-input', `${dir} is a file, not a folder.`);
  let names: string[];
  try {
    names = readdirSync(real);
  } catch (error) {
    throw new AppError('read-only', `The folder ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const entries: FolderEntry[] = [];
  for (const name of names) {
    // Hidden files, and SQLite's journals beside a workspace, are nothing to choose.
    if (name.startsWith('.') || /-(journal|wal|shm)$/.test(name)) continue;
    let stats: Stats;
    try {
      // Followed through links: a link to a folder is shown as a folder (opening it checks where it leads).
      stats = statSync(join(real, name));
    } catch {
      continue;
    }
    if (!stats.isDirectory() && !stats.isFile()) continue;
    const kind = kindOf(name, stats);
    entries.push({ name, path: join(dir, name), kind, bytes: kind === 'folder' ? null : stats.size, modifiedAt: fromEpochMs(stats.mtimeMs) });
  }
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  entries.sort((a, b) => Number(b.kind === 'folder') - Number(a.kind === 'folder') || collator.compare(a.name, b.name));
  const parentReal = realOrNull(dirname(dir));
  const atTop = real === holder.real || parentReal === null || !places.some((p) => isWithin(p.real, parentReal));
  return {
    dir,
    parent: atTop ? null : dirname(dir),
    places: places.map(({ label, path }) => ({ label, path })),
    entries: entries.slice(0, MAX_FOLDER_ENTRIES),
    truncated: entries.length > MAX_FOLDER_ENTRIES,
  };
}
