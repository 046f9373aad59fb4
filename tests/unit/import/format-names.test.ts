import { describe, expect, it } from 'vitest';
import { FORMAT_LABELS, IMPORT_FORMATS, writeOrder, type InterlockEntity } from '../../../shared/import/format-names';
import { ImportFormat, ImportFormatChoice } from '../../../shared/import/import-formats';

// The formats' names live apart from their schemas (so the Import page reads them without loading
// zod); the two must not drift.

describe('import format names', () => {
  it('are the schemas’ formats, and every one has a label', () => {
    expect(ImportFormat.options).toEqual([...IMPORT_FORMATS]);
    expect(ImportFormatChoice.options).toEqual(['auto', ...IMPORT_FORMATS]);
    expect(Object.keys(FORMAT_LABELS).sort()).toEqual([...IMPORT_FORMATS].sort());
  });

  it('write what others refer to first: teams, then items, then their status changes', () => {
    const order = (entity: InterlockEntity) => writeOrder('interlock', entity);
    expect(order('teams')).toBeLessThan(order('items'));
    expect(order('items')).toBeLessThan(order('transitions'));
    expect(order('transitions')).toBeLessThan(order('dependencies'));
    expect(order('plan')).toBeLessThan(order('risks'));
  });

  describe('edge cases', () => {
    it('other formats’ files fall between: revisions after items, links after status changes', () => {
      expect(writeOrder('ado-revisions', null)).toBeGreaterThan(writeOrder('interlock', 'transitions'));
      expect(writeOrder('ado-links', null)).toBeGreaterThan(writeOrder('ado-revisions', null));
      expect(writeOrder('jira-csv', null)).toBeLessThan(writeOrder('interlock', 'transitions'));
      expect(ImportFormatChoice.safeParse('excel').success).toBe(false);
    });
  });
});
