import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, isBuildFile, RendererFiles, resolveStaticPath } from '../../../electron/host/static-files';
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

describe('RendererFiles', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('holds build files once read, and reads the others every time', () => {
    const files = new RendererFiles();
    const asset = tmp.path('asset.js');
    const page = tmp.path('index.html');
    writeFileSync(asset, 'one');
    writeFileSync(page, 'one');
    expect(files.read(asset, true).toString()).toBe('one');
    expect(files.read(page, false).toString()).toBe('one');
    writeFileSync(asset, 'two');
    writeFileSync(page, 'two');
    expect(files.read(asset, true).toString()).toBe('one');
    expect(files.read(page, false).toString()).toBe('two');
  });

  describe('edge cases', () => {
    it('holds no more than its limit: a file past it is read every time', () => {
      const files = new RendererFiles(5);
      const small = tmp.path('small.js');
      const large = tmp.path('large.js');
      writeFileSync(small, 'abc');
      writeFileSync(large, 'abcdef');
      files.read(small, true);
      files.read(large, true);
      writeFileSync(small, 'xyz');
      writeFileSync(large, 'uvwxyz');
      expect(files.read(small, true).toString()).toBe('abc');
      expect(files.read(large, true).toString()).toBe('uvwxyz');
    });

    it('a build file is one under assets/, wherever the address went', () => {
      const root = tmp.path('renderer');
      expect(isBuildFile(root, join(root, 'assets', 'app-1a2b.js'))).toBe(true);
      expect(isBuildFile(root, join(root, 'assets', 'fonts', 'x.woff2'))).toBe(true);
      expect(isBuildFile(root, join(root, 'index.html'))).toBe(false);
      expect(isBuildFile(root, join(root, 'assets'))).toBe(false);
      expect(isBuildFile(root, join(root, 'assets-old', 'app.js'))).toBe(false);
      expect(isBuildFile(root, resolveStaticPath(root, '/assets/..%2findex.html') ?? join(root, 'index.html'))).toBe(false);
    });

    it('an empty file, and a missing one (which throws, for the host to answer 404)', () => {
      const files = new RendererFiles();
      const empty = tmp.path('empty.js');
      writeFileSync(empty, '');
      expect(files.read(empty, true).length).toBe(0);
      expect(() => files.read(tmp.path('gone.js'), true)).toThrow(/ENOENT/);
    });
  });
});
