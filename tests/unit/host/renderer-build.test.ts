import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rendererBuildIsStale } from '../../../electron/host/renderer-build';
import { tempDir } from '../../support/temp-files';

describe('rendererBuildIsStale (npm run serve builds only when needed)', () => {
  let tmp: ReturnType<typeof tempDir>;
  const touch = (path: string, secondsAgo: number) => {
    const t = Date.now() / 1000 - secondsAgo;
    utimesSync(path, t, t);
  };
  beforeEach(() => {
    tmp = tempDir();
    for (const dir of ['renderer/src', 'shared', 'dist/renderer']) mkdirSync(join(tmp.dir, dir), { recursive: true });
    writeFileSync(join(tmp.dir, 'renderer/src/App.tsx'), '');
    writeFileSync(join(tmp.dir, 'shared/x.ts'), '');
    writeFileSync(join(tmp.dir, 'dist/renderer/index.html'), '');
    touch(join(tmp.dir, 'renderer/src/App.tsx'), 100);
    touch(join(tmp.dir, 'shared/x.ts'), 100);
    touch(join(tmp.dir, 'dist/renderer/index.html'), 50);
  });
  afterEach(() => tmp.cleanup());

  it('is fresh when the build is newer than every source', () => {
    touch(join(tmp.dir, 'renderer/src'), 100);
    touch(join(tmp.dir, 'renderer'), 100);
    touch(join(tmp.dir, 'shared'), 100);
    expect(rendererBuildIsStale(tmp.dir)).toBe(false);
  });

  it('is stale when a renderer or shared source changed after the build', () => {
    touch(join(tmp.dir, 'renderer/src'), 100);
    touch(join(tmp.dir, 'renderer'), 100);
    touch(join(tmp.dir, 'shared'), 100);
    writeFileSync(join(tmp.dir, 'shared/x.ts'), 'changed');
    expect(rendererBuildIsStale(tmp.dir)).toBe(true);
  });

  describe('edge cases', () => {
    it('is stale when there is no build at all', () => {
      expect(rendererBuildIsStale(join(tmp.dir, 'nowhere'))).toBe(true);
    });
  });
});
