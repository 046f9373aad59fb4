import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installedElectron as find } from '../../../scripts/electron-binary.mjs';

const made: string[] = [];

function electronPackage(pathTxt: string | null, binary: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-electron-'));
  made.push(dir);
  if (pathTxt !== null) writeFileSync(join(dir, 'path.txt'), pathTxt);
  if (binary !== null) {
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'dist', binary), '');
  }
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm start finds Electron without downloading it', () => {
  it('a downloaded binary is found through path.txt', () => {
    const dir = electronPackage('electron', 'electron');
    expect(find(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  it('a binary never downloaded (no path.txt) is null, so the browser host starts instead', () => {
    expect(find(electronPackage(null, null), {})).toBeNull();
  });

  describe('edge cases', () => {
    it('path.txt naming a missing binary, and an override folder with or without the binary', () => {
      expect(find(electronPackage('electron', null), {})).toBeNull();
      const override = electronPackage(null, null);
      writeFileSync(join(override, 'electron'), '');
      expect(find(electronPackage(null, null), { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(join(override, 'electron'));
      expect(find(electronPackage(null, null), { ELECTRON_OVERRIDE_DIST_PATH: join(override, 'nothing') })).toBeNull();
    });
  });
});
