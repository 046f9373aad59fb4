import { describe, expect, it } from 'vitest';
import { fileSlug } from '../../../shared/export/file-names';

describe('fileSlug', () => {
  it('lower-cases and joins words with one hyphen', () => {
    expect(fileSlug('Cycle time scatterplot')).toBe('cycle-time-scatterplot');
    expect(fileSlug('PI 26.4')).toBe('pi-26-4');
  });

  it('keeps a name in the user’s language recognisable: accents dropped from their letters, letters of any script kept', () => {
    expect(fileSlug('PI 26.4 «Été», "Q4" 🚀')).toBe('pi-26-4-ete-q4');
    expect(fileSlug('Überblick Straße')).toBe('uberblick-straße');
    expect(fileSlug('計画 PI 3')).toBe('計画-pi-3');
    expect(fileSlug('Ærø Ōsaka')).toBe('ærø-osaka');
  });

  describe('edge cases', () => {
    it('nothing left: the fallback (empty by default)', () => {
      expect(fileSlug('🚀 ?!', 'workspace')).toBe('workspace');
      expect(fileSlug('')).toBe('');
    });

    it('the characters Windows forbids in names and path separators never pass', () => {
      expect(fileSlug('a<b>c:d"e/f\\g|h?i*j')).toBe('a-b-c-d-e-f-g-h-i-j');
    });

    it('at most 80 characters, never ending on a hyphen', () => {
      const slug = fileSlug(`${'word '.repeat(40)}end`);
      expect(slug.length).toBeLessThanOrEqual(80);
      expect(slug.endsWith('-')).toBe(false);
      expect([...fileSlug('é'.repeat(200))]).toHaveLength(80);
    });
  });
});
