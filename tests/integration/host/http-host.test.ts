import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { startHost, TOKEN_HEADER, type RunningHost } from '../../../electron/host/http-host';
import { inThisThread } from '../../../electron/host/host-backend';
import { tempDir } from '../../support/temp-files';
import { SHOWN_WORKSPACE_HEADER } from '../../../shared/contract/shown-workspace';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send the Host and Origin headers a browser would not let them forge. */
function send(port: number, method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the browser host', () => {
  const tmp = tempDir();
  let backend: Backend;
  let host: RunningHost;
  const api = (channel: string, body: unknown, token = host.token) =>
    send(host.port, 'POST', `/api/invoke/${channel}`, { headers: { [TOKEN_HEADER]: token, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    const renderer = join(tmp.dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Interlock</title>');
    writeFileSync(join(tmp.dir, 'outside.txt'), 'secret');
    backend = createBackend({ stateDir: tmp.path('state'), log: () => undefined });
    await backend.invoke('workspace.createDemo', { path: tmp.path('w.interlock'), items: 80 });
    host = await startHost({ backend: inThisThread(backend), rendererDir: renderer, port: 0 });
  });
  afterAll(async () => {
    await host.close();
    backend.close();
    tmp.cleanup();
  });

  it('listens on 127.0.0.1 only and prints an address with a long random token', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
  });

  it('answers contract calls with the token, as data', async () => {
    const reply = await api('workspace.overview', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { counts: { items: 80 } } });
    const failed = JSON.parse((await api('workspace.open', { path: tmp.path('missing.interlock') })).body);
    expect(failed).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it("passes the page's workspace (x-interlock-workspace) to the backend, which refuses a write meant for another", async () => {
    const current = JSON.parse((await api('workspace.current', {})).body) as { value: { openId: string; name: string } };
    const write = (shown: string | null) =>
      send(host.port, 'POST', '/api/invoke/workspace.rename', {
        headers: { [TOKEN_HEADER]: host.token, 'Content-Type': 'application/json', ...(shown === null ? {} : { [SHOWN_WORKSPACE_HEADER]: shown }) },
        body: JSON.stringify({ name: current.value.name }),
      });
    // A page that shows a workspace opened earlier (in another tab, since replaced), or none.
    for (const stale of ['0123456789abcdef01234567', 'none']) {
      const refused = await write(stale);
      expect(refused.status).toBe(200);
      expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'workspace-changed', message: expect.stringContaining(`the workspace open now is “${current.value.name}”`) } });
    }
    expect(JSON.parse((await write(current.value.openId)).body)).toMatchObject({ ok: true, value: { openId: current.value.openId } });
    // Without the header the caller is not a window (a script with the token): not checked.
    expect(JSON.parse((await write(null)).body)).toMatchObject({ ok: true });
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const reply = await send(host.port, 'GET', '/', { headers: { Host: `127.0.0.1:${host.port}` } });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Interlock</title>');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it("sends the build's files whole, holding those under assets/ once read, and index.html as it is now", async () => {
    const renderer = join(tmp.dir, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    const chunk = `export const page = ${JSON.stringify('é'.repeat(100_000))};`;
    writeFileSync(join(renderer, 'assets', 'FlowPage-abc123.js'), chunk);
    const first = await send(host.port, 'GET', '/assets/FlowPage-abc123.js');
    expect(first.status).toBe(200);
    expect(first.body).toBe(chunk);
    expect(Number(first.headers['content-length'])).toBe(Buffer.byteLength(chunk));
    expect(first.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(first.headers['cache-control']).toContain('immutable');
    // A hashed name never changes meaning, so the host does not read it again; index.html names the build, so it does.
    writeFileSync(join(renderer, 'assets', 'FlowPage-abc123.js'), 'changed on disk');
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Interlock, rebuilt</title>');
    expect((await send(host.port, 'GET', '/assets/FlowPage-abc123.js')).body).toBe(chunk);
    const page = await send(host.port, 'GET', '/index.html');
    expect(page.body).toContain('rebuilt');
    expect(page.headers['cache-control']).toBe('no-cache');
    // index.html reached through assets/ is still index.html: neither held nor marked immutable.
    const detour = await send(host.port, 'GET', '/assets/..%2findex.html');
    expect(detour.body).toContain('rebuilt');
    expect(detour.headers['cache-control']).toBe('no-cache');
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Interlock, rebuilt again</title>');
    expect((await send(host.port, 'GET', '/')).body).toContain('rebuilt again');
    const head = await send(host.port, 'HEAD', '/assets/FlowPage-abc123.js');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(chunk));
    expect(head.body).toBe('');
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Interlock</title>');
  });

  it('accepts an upload and hands back an id the importers can resolve', async () => {
    const reply = await send(host.port, 'POST', '/api/upload?name=export.csv', { headers: { [TOKEN_HEADER]: host.token }, body: 'a,b\n1,2\n' });
    const result = JSON.parse(reply.body);
    expect(result).toMatchObject({ ok: true, value: { name: 'export.csv', bytes: 8 } });
    expect(backend.context.uploads.resolve(result.value.id).bytes).toBe(8);
  });

  describe('edge cases: what it refuses', () => {
    it('API calls without or with a wrong token', async () => {
      expect((await api('workspace.overview', {}, '')).status).toBe(401);
      expect((await api('workspace.overview', {}, 'f'.repeat(64))).status).toBe(401);
      const upload = await send(host.port, 'POST', '/api/upload?name=x', { body: 'x' });
      expect(upload.status).toBe(401);
    });

    it('requests for another host name (DNS rebinding) or from a foreign origin', async () => {
      const rebound = await send(host.port, 'POST', '/api/invoke/workspace.overview', { headers: { Host: 'evil.example:80', [TOKEN_HEADER]: host.token }, body: '{}' });
      expect(rebound.status).toBe(403);
      const foreign = await send(host.port, 'POST', '/api/invoke/workspace.overview', {
        headers: { Origin: 'http://evil.example', [TOKEN_HEADER]: host.token },
        body: '{}',
      });
      expect(foreign.status).toBe(403);
    });

    it('files outside the renderer, malformed JSON, and GET on the API', async () => {
      expect((await send(host.port, 'GET', '/../outside.txt')).body).not.toContain('secret');
      expect((await send(host.port, 'GET', '/%2e%2e/outside.txt')).body).not.toContain('secret');
      const bad = await send(host.port, 'POST', '/api/invoke/workspace.overview', { headers: { [TOKEN_HEADER]: host.token }, body: '{nope' });
      expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect((await send(host.port, 'GET', '/api/invoke/workspace.overview')).status).toBe(405);
    });
  });
});
