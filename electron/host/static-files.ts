import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps a URL path to a file inside `root`, or null. Decodes once, rejects NUL bytes and anything
 * that resolves outside root (../, encoded %2e%2e, absolute paths). Unknown paths fall back to
 * index.html so the single-page app owns its routes.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const candidate = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  const rel = relative(base, candidate);
  if (rel.startsWith('..') || rel.split(sep).includes('..')) return null;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  // Only extension-less paths are app routes; a missing asset is a 404, not the app shell.
  return extname(decoded) === '' ? resolve(base, 'index.html') : null;
}

/**
 * Whether `file` (a path resolveStaticPath gave) is one of the build's hashed files, under assets/:
 * decided by where the file is, not by how the address was spelt (`/assets/..%2findex.html` is
 * index.html, which must never be held or cached).
 */
export function isBuildFile(root: string, file: string): boolean {
  const parts = relative(resolve(root), file).split(sep);
  return parts.length > 1 && parts[0] === 'assets';
}

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The renderer's files as the host sends them: whole, in one write. The build's files under assets/
 * are kept in memory once read (their names hold a hash of their content, so a name never changes
 * meaning); the rest, index.html above all, which names the current build, is read afresh each time.
 *
 * Streaming each file from disk took an open, reads and a close on libuv's thread pool, each a
 * wake-up of the HTTP thread; while the backend computed a first report beside a browser loading
 * the page's 45 files on 2 cores, those wake-ups waited their turn, and the files arrived ~0.25 s
 * later than when sent from memory (cold Flow page visits at M, README "Performance").
 */
export class RendererFiles {
  readonly #held = new Map<string, Buffer>();
  #heldBytes = 0;

  /** `maxHeldBytes`: beyond it, build files are read each time too (the renderer's build is ~2 MB). */
  constructor(readonly maxHeldBytes = 64 * 1024 ** 2) {}

  /** The bytes of `path` (a path resolveStaticPath gave); `immutable` for a build file (isBuildFile). */
  read(path: string, immutable: boolean): Buffer {
    if (!immutable) return readFileSync(path);
    const held = this.#held.get(path);
    if (held) return held;
    const body = readFileSync(path);
    if (this.#heldBytes + body.length <= this.maxHeldBytes) {
      this.#held.set(path, body);
      this.#heldBytes += body.length;
    }
    return body;
  }
}
