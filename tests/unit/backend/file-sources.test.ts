import { describe, expect, it } from 'vitest';
import { distinctFileNames, folderOfSource } from '../../../electron/backend/file-sources';

const named = (...pairs: [string, string | null][]) => pairs.map(([name, folder]) => ({ name, folder }));

describe('distinctFileNames', () => {
  it('keeps names that are already unlike each other', () => {
    expect(distinctFileNames(named(['items.csv', 'q3'], ['transitions.csv', 'q3']))).toEqual(['items.csv', 'transitions.csv']);
  });

  it('names files of one name by their folders when the folders differ', () => {
    expect(distinctFileNames(named(['items.csv', 'q3'], ['teams.csv', 'q3'], ['items.csv', 'q4']))).toEqual(['q3/items.csv', 'teams.csv', 'q4/items.csv']);
  });

  it('numbers them, in the order chosen, when the folders are alike or unknown', () => {
    expect(distinctFileNames(named(['items.csv', 'export'], ['items.csv', 'export'], ['items.csv', 'export']))).toEqual(['items.csv', 'items.csv (2)', 'items.csv (3)']);
    // Uploads from a browser: no folder.
    expect(distinctFileNames(named(['items.csv', null], ['items.csv', null]))).toEqual(['items.csv', 'items.csv (2)']);
    // One folder known, the other not.
    expect(distinctFileNames(named(['items.csv', 'q3'], ['items.csv', null]))).toEqual(['items.csv', 'items.csv (2)']);
  });

  describe('edge cases', () => {
    it('nothing chosen', () => {
      expect(distinctFileNames([])).toEqual([]);
    });

    it('names that differ only in case are alike, as Windows and macOS see them', () => {
      expect(distinctFileNames(named(['Items.csv', null], ['items.csv', null]))).toEqual(['Items.csv', 'items.csv (2)']);
      expect(distinctFileNames(named(['items.csv', 'Q3'], ['items.csv', 'q3']))).toEqual(['items.csv', 'items.csv (2)']);
    });

    it('a number is skipped when a file chosen is already named so', () => {
      expect(distinctFileNames(named(['items.csv', null], ['items.csv (2)', null], ['items.csv', null]))).toEqual(['items.csv', 'items.csv (2)', 'items.csv (3)']);
    });

    it('a folder name that another file already bears falls back to numbers', () => {
      expect(distinctFileNames(named(['q3/items.csv', null], ['items.csv', 'q3'], ['items.csv', 'q4']))).toEqual(['q3/items.csv', 'items.csv', 'items.csv (2)']);
    });

    it('leaves its input as it was', () => {
      const files = named(['items.csv', 'q3'], ['items.csv', 'q4']);
      const copy = structuredClone(files);
      distinctFileNames(files);
      expect(files).toEqual(copy);
    });
  });
});

describe('folderOfSource', () => {
  it('the folder a path lies in, by its name; none for an upload', () => {
    expect(folderOfSource({ kind: 'path', path: '/home/ana/exports/q3/items.csv' })).toBe('q3');
    expect(folderOfSource({ kind: 'upload', uploadId: 'u1', name: 'items.csv' })).toBeNull();
  });

  describe('edge cases', () => {
    it('a file at the root of the disk has no folder name', () => {
      expect(folderOfSource({ kind: 'path', path: '/items.csv' })).toBeNull();
    });
  });
});
