import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopPaths, FilesToOpen, workspaceFromArgs } from '../../../electron/main/desktop-paths';

describe('the desktop shell’s decisions', () => {
  it('an installed app keeps Electron’s state folder and puts workspaces in Documents/Interlock', () => {
    expect(desktopPaths({}, '/home/ana/Documents')).toEqual({ stateDir: null, workspacesDir: join('/home/ana/Documents', 'Interlock'), portable: false });
  });

  it('a portable build keeps state and workspaces beside its executable (a USB stick)', () => {
    expect(desktopPaths({ PORTABLE_EXECUTABLE_DIR: '/media/stick' }, '/home/ana/Documents')).toEqual({
      stateDir: join('/media/stick', 'Interlock data'),
      workspacesDir: join('/media/stick', 'Interlock workspaces'),
      portable: true,
    });
  });

  it('a workspace named on the command line (a double-click on Windows and Linux)', () => {
    expect(workspaceFromArgs(['interlock.exe', 'D:\\clients\\acme.interlock'])).toBe('D:\\clients\\acme.interlock');
    expect(workspaceFromArgs(['electron', '.', '--inspect', '/a/B.INTERLOCK'])).toBe('/a/B.INTERLOCK');
  });

  it('files opened before the app is ready wait for the start; later ones open at once', () => {
    const files = new FilesToOpen();
    files.request('/a/one.interlock');
    files.request('/a/two.interlock');
    const opened: string[] = [];
    expect(files.ready((p) => opened.push(p))).toBe('/a/two.interlock');
    files.request('/a/three.interlock');
    expect(opened).toEqual(['/a/three.interlock']);
  });

  describe('edge cases', () => {
    it('an empty PORTABLE_EXECUTABLE_DIR is not a portable build; flags and other files are not workspaces', () => {
      expect(desktopPaths({ PORTABLE_EXECUTABLE_DIR: '  ' }, '/docs').portable).toBe(false);
      expect(workspaceFromArgs(['interlock', '--flag.interlock', 'notes.csv'])).toBeNull();
      const files = new FilesToOpen();
      files.request('/a/export.csv');
      expect(files.ready(() => undefined)).toBeNull();
    });
  });
});
