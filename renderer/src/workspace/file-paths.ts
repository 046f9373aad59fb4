// Paths as the backend gives them (POSIX or Windows), taken apart without Node's path module.

function separatorOf(path: string): '/' | '\\' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

/** The last segment of a path ("C:\\a\\b.interlock" → "b.interlock"). */
export function baseName(path: string): string {
  return path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
}

/** The folder holding a path ("/a/b.interlock" → "/a"); a root stays itself. */
export function folderOf(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return '';
  if (cut === 0) return trimmed.slice(0, 1);
  if (/^[A-Za-z]:$/.test(trimmed.slice(0, cut))) return trimmed.slice(0, cut + 1);
  return trimmed.slice(0, cut);
}

/** The folder a chooser starts in: a path ending in a separator is that folder, else the file's folder. */
export function startFolder(path: string): string {
  if (!/[\\/]$/.test(path)) return folderOf(path);
  const trimmed = path.replace(/[\\/]+$/, '');
  return /^[A-Za-z]:$/.test(trimmed) || trimmed === '' ? path.slice(0, trimmed.length + 1) : trimmed;
}

export function joinPath(folder: string, name: string): string {
  if (!folder) return name;
  const separator = separatorOf(folder);
  return /[\\/]$/.test(folder) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

/** A file's name without its extension: the default name of a workspace saved there. */
export function stemOf(path: string): string {
  const base = baseName(path);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The workspace name a file's name suggests: its stem, cut to the 200 characters a name may hold (a file's name may have 255 bytes). */
export function nameFromPath(path: string): string {
  return [...stemOf(path)].slice(0, 200).join('').trim();
}

/** Adds `extension` to a path being created when it is missing; a path to open is never changed. */
export function withExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(extension.toLowerCase()) ? path : `${path}${extension}`;
}

/** The file beside `path` with its extension swapped (e.g. "client.interlock.sealed" → "client.interlock"). */
export function besideWithout(path: string, extension: string, replacement: string): string {
  const stripped = path.toLowerCase().endsWith(extension.toLowerCase()) ? path.slice(0, path.length - extension.length) : path;
  return withExtension(stripped, replacement);
}
