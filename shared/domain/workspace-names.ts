// Names for workspaces made on the user's behalf ("Start from your files"), and file names that
// every system accepts for them.

/** A workspace file's extension. */
export const WORKSPACE_EXTENSION = '.interlock';

function stemOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

/**
 * A workspace named after the files it starts from: one file gives its name without the extension;
 * several give what their names share at the start ("acme-issues", "acme-links" → "acme"), or the
 * first one's name and how many more.
 */
export function workspaceNameForFiles(fileNames: readonly string[]): string {
  const stems = fileNames.map(stemOf).filter((s) => s.length > 0);
  if (stems.length === 0) return 'My workspace';
  if (stems.length === 1) return stems[0]!;
  let shared = stems[0]!;
  for (const stem of stems.slice(1)) {
    let n = 0;
    while (n < shared.length && n < stem.length && shared[n]!.toLowerCase() === stem[n]!.toLowerCase()) n++;
    shared = shared.slice(0, n);
  }
  shared = shared.replace(/[\s._-]+$/, '');
  if (shared.length >= 3) return shared;
  return `${stems[0]} and ${stems.length - 1} more`;
}

/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A file name (without extension) for a workspace name that every system accepts. */
export function fileStemForName(name: string): string {
  const stem = name.replace(UNSAFE, '-').replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '').slice(0, 100).trim();
  if (!stem || RESERVED.test(stem)) return stem ? `${stem}-workspace` : 'workspace';
  return stem;
}
