import { createReadStream, existsSync, statSync } from 'node:fs';
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

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export function openStatic(path: string) {
  return { stream: createReadStream(path), bytes: statSync(path).size, contentType: contentTypeFor(path) };
}
