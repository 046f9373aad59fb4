import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookAlikeDifference, lookAlikeForm, mayNotBeOwnFormSql, visible } from '../../../shared/import/look-alike';

describe('look-alike keys', () => {
  it('share a form when they differ only in letter case, by characters that do not show, or by a no-break space for a space', () => {
    const forms = ['PAY-12', 'pay-12', 'Pay-\u200B12', 'P\u00ADAY-12\uFEFF', 'PAY\u200C\u200D\u2060-12'].map(lookAlikeForm);
    expect(new Set(forms)).toEqual(new Set(['PAY-12']));
    expect(lookAlikeForm('Story\u00A07')).toBe(lookAlikeForm('story 7'));
    expect(['PAY-1', 'PAY-11', 'PAY 12', 'PAY_12'].map(lookAlikeForm)).toEqual(['PAY-1', 'PAY-11', 'PAY 12', 'PAY_12']);
  });

  it('are written out so that a message shows them apart, and their difference is named', () => {
    expect(visible('PAY-12\u200B')).toBe('PAY-12<U+200B>');
    expect(visible('Story\u00A07\u00AD')).toBe('Story<U+00A0>7<U+00AD>');
    expect(lookAlikeDifference('pay-12', 'PAY-12')).toBe('in letter case');
    expect(lookAlikeDifference('PAY-12', 'PAY-\u200B12')).toBe('by a zero-width space (U+200B)');
    expect(lookAlikeDifference('story 7', 'Story\u00A07')).toBe('in letter case and by a no-break space (U+00A0) for a space');
    expect(lookAlikeDifference('\uFEFFa\u2060', 'A')).toBe('in letter case and by a word joiner (U+2060) and a byte order mark (U+FEFF)');
  });

  describe('edge cases', () => {
    it('a character both keys hold as often is not a difference', () => {
      expect(lookAlikeDifference('pay\u00A012', 'PAY\u00A012')).toBe('in letter case');
      expect(lookAlikeDifference('PAY-\u200B\u200B12', 'PAY-\u200B12')).toBe('by a zero-width space (U+200B)');
    });

    it("the SQL condition holds every text that is not its own form (the workspace's keys are read through it)", () => {
      const db = new Database(':memory:');
      db.exec('CREATE TABLE t (key TEXT)');
      const insert = db.prepare('INSERT INTO t (key) VALUES (?)');
      const selected = db.prepare(`SELECT key FROM t WHERE ${mayNotBeOwnFormSql('key')}`).pluck();
      const characters = fc.oneof(fc.constantFrom('A', 'z', '-', ' ', '`', '{', '~', '1', 'é', 'É', 'ß', '\u00A0', '\u00AD', '\u200B', '\uFEFF', '\u2060'), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }));
      fc.assert(
        fc.property(fc.array(characters, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')), (key) => {
          db.exec('DELETE FROM t');
          insert.run(key);
          if (lookAlikeForm(key) !== key) expect(selected.all()).toEqual([key]);
        }),
        { numRuns: 2_000 },
      );
      db.close();
    });
  });
});
