import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AppError, fail, type Result } from '../../shared/contract/result';
import { callerFromHeader, SHOWN_WORKSPACE_HEADER } from '../../shared/contract/shown-workspace';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy';
import type { HostBackend } from './host-backend';
import { contentTypeFor, isBuildFile, RendererFiles, resolveStaticPath } from './static-files';

export const TOKEN_HEADER = 'x-interlock-token';
const MAX_JSON_BYTES = 10 * 1024 ** 2;
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

export interface HostOptions {
  backend: HostBackend;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 32 random bytes; tests may pass their own. */
  token?: string;
}

export interface RunningHost {
  server: Server;
  port: number;
  token: string;
  /** The address to open: carries the token once; the app keeps it in sessionStorage and drops it from the URL. */
  url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Rejects requests whose Host is not our loopback address (DNS rebinding) or whose Origin is foreign. */
function fromLoopback(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host ?? '';
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(host)) return false;
  const origin = request.headers.origin;
  return origin === undefined || allowedHosts.some((h) => origin === `http://${h}`);
}

function sendJson(response: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
}

/** Deeper than any input of the contract; bounds the work of parsing, cloning and validating. */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in JSON text, strings skipped; stops counting past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of request) {
    bytes += (chunk as Buffer).length;
    if (bytes > MAX_JSON_BYTES) throw new AppError('invalid-input', 'The request is larger than 10 MB; send files through an upload instead.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new AppError('invalid-input', `The request nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep; no input of Interlock does.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid-input', 'The request body is not valid JSON.');
  }
}

/**
 * The browser host: the built renderer plus the contract over HTTP, on 127.0.0.1 only.
 *   GET  /…                        static files of the renderer (no token: they hold no data)
 *   POST /api/invoke/<channel>     JSON input → Result JSON; needs the token header; the page's
 *                                  x-interlock-workspace header says which workspace it shows
 *   POST /api/upload?name=<file>   raw file body → Result<{id, name, bytes}>; needs the token header
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  let port = options.port;
  const rendererFiles = new RendererFiles();

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      console.error('Host request failed', error);
      if (!response.headersSent) sendJson(response, 500, fail('internal', 'The host failed to answer this request.'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!fromLoopback(request, port)) {
      sendJson(response, 403, fail('unauthorized', 'Requests must come from this machine (127.0.0.1).'));
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') {
        sendJson(response, 405, fail('invalid-input', 'API calls use POST.'));
        return;
      }
      const given = request.headers[TOKEN_HEADER];
      if (!sameToken(Array.isArray(given) ? given[0] : given, token)) {
        sendJson(response, 401, fail('unauthorized', 'Missing or wrong access token: open the address the host printed.'));
        return;
      }
      if (url.pathname === '/api/upload') {
        const name = url.searchParams.get('name') ?? 'upload';
        try {
          const upload = await options.backend.saveUpload(name, request, MAX_UPLOAD_BYTES);
          sendJson(response, 200, { ok: true, value: { id: upload.id, name: upload.name, bytes: upload.bytes } });
        } catch (error) {
          const shape = error instanceof AppError ? error.toShape() : { code: 'internal' as const, message: 'The upload failed.' };
          sendJson(response, 400, { ok: false, error: shape });
        }
        return;
      }
      const match = /^\/api\/invoke\/([\w.-]+)$/.exec(url.pathname);
      if (!match) {
        sendJson(response, 404, fail('unknown-channel', `No API at ${url.pathname}.`));
        return;
      }
      let input: unknown;
      try {
        input = await readJson(request);
      } catch (error) {
        sendJson(response, 400, { ok: false, error: (error as AppError).toShape() });
        return;
      }
      // Errors are data: a failed call is still HTTP 200 with { ok: false }.
      sendJson(response, 200, await options.backend.invoke(match[1]!, input, callerFromHeader(request.headers[SHOWN_WORKSPACE_HEADER])));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const file = resolveStaticPath(options.rendererDir, url.pathname);
    const immutable = file !== null && isBuildFile(options.rendererDir, file);
    let body: Buffer | null = null;
    try {
      if (file) body = rendererFiles.read(file, immutable);
    } catch {
      // Gone or unreadable since it was resolved (a rebuild under way): as if it had never been.
    }
    if (!file || !body) {
      response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeFor(file),
      'Content-Length': body.length,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
