import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath } from '../../../electron/host/static-files';
import { tempDir } from '../../support/temp-files';

describe('resolveStaticPath', () => {
  const tmp = tempDir();
  const root = join(tmp.dir, 'renderer');
  beforeAll(() => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<html>');
    writeFileSync(join(root, 'assets', 'app.js'), '');
    writeFileSync(join(tmp.dir, 'secret.txt'), 'secret');
  });
  afterAll(() => tmp.cleanup());

  it('serves files inside the root', () => {
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/index.html')).toBe(join(root, 'index.html'));
  });

  it('answers app routes with index.html but a missing asset with nothing', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/flow')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/missing.js')).toBeNull();
  });

  describe('edge cases: nothing outside the root', () => {
    it.each([
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/index.html%00.js',
      '/%E0%A4%A',
    ])('%s', (url) => {
      const resolved = resolveStaticPath(root, url);
      expect(resolved === null || resolved === join(root, 'index.html')).toBe(true);
      expect(resolved).not.toBe(join(tmp.dir, 'secret.txt'));
    });
  });

  it('names content types, defaulting to a download', () => {
    expect(contentTypeFor('a.js')).toContain('javascript');
    expect(contentTypeFor('a.HTML')).toContain('text/html');
    expect(contentTypeFor('a.exe')).toBe('application/octet-stream');
  });
});
