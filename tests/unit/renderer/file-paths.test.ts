import { describe, expect, it } from 'vitest';
import { baseName, besideWithout, folderOf, joinPath, nameFromPath, startFolder, stemOf, withExtension } from '../../../renderer/src/workspace/file-paths';

describe('paths taken apart in the page', () => {
  it('POSIX paths', () => {
    expect(baseName('/home/ana/acme.interlock')).toBe('acme.interlock');
    expect(folderOf('/home/ana/acme.interlock')).toBe('/home/ana');
    expect(joinPath('/home/ana', 'b.interlock')).toBe('/home/ana/b.interlock');
    expect(stemOf('/home/ana/acme.v2.interlock')).toBe('acme.v2');
  });

  it('Windows paths', () => {
    expect(baseName('C:\\Users\\ana\\acme.interlock')).toBe('acme.interlock');
    expect(folderOf('C:\\Users\\ana\\acme.interlock')).toBe('C:\\Users\\ana');
    expect(folderOf('C:\\acme.interlock')).toBe('C:\\');
    expect(joinPath('C:\\Users\\ana', 'b.interlock')).toBe('C:\\Users\\ana\\b.interlock');
  });

  it('an extension added to a file being created only when missing; a sealed copy opened beside itself', () => {
    expect(withExtension('/data/q3', '.interlock')).toBe('/data/q3.interlock');
    expect(withExtension('/data/Q3.INTERLOCK', '.interlock')).toBe('/data/Q3.INTERLOCK');
    expect(besideWithout('/data/acme.interlock.sealed', '.sealed', '.interlock')).toBe('/data/acme.interlock');
    expect(besideWithout('/data/acme.sealed', '.sealed', '.interlock')).toBe('/data/acme.interlock');
  });

  it('a chooser starts in the folder a path names, or in the folder of the file it names', () => {
    expect(startFolder('/home/ana/')).toBe('/home/ana');
    expect(startFolder('/home/ana/acme.interlock')).toBe('/home/ana');
    expect(startFolder('C:\\Users\\ana\\')).toBe('C:\\Users\\ana');
  });

  describe('edge cases', () => {
    it('a chooser starting at a root or with nothing given', () => {
      expect(startFolder('/')).toBe('/');
      expect(startFolder('C:\\')).toBe('C:\\');
      expect(startFolder('')).toBe('');
    });

    it('roots, trailing separators, bare names, hidden-looking names', () => {
      expect(folderOf('/acme.interlock')).toBe('/');
      expect(folderOf('acme.interlock')).toBe('');
      expect(baseName('/home/ana/')).toBe('ana');
      expect(joinPath('/', 'a')).toBe('/a');
      expect(joinPath('', 'a')).toBe('a');
      expect(stemOf('/x/.interlock')).toBe('.interlock');
    });
  });

  it('nameFromPath: the stem of the file, cut to the 200 characters a workspace name holds', () => {
    expect(nameFromPath('/home/ana/Client A.interlock')).toBe('Client A');
    expect(nameFromPath(`/tmp/${'é'.repeat(120)}.interlock`)).toBe('é'.repeat(120));
    expect(nameFromPath(`/tmp/${'x'.repeat(240)}.interlock`)).toBe('x'.repeat(200));
  });
});
