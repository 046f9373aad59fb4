import { describe, expect, it } from 'vitest';
import type { ItemRecord } from '../../../shared/import/import-records';
import { JiraParentBook } from '../../../shared/import/formats/jira-parent-book';

const item = (key: string): ItemRecord => ({ key, parentKey: null, line: 2 }) as ItemRecord;

describe('JiraParentBook', () => {
  it("fills in a parent read in a later file, and leaves the item's other fields alone", () => {
    const book = new JiraParentBook();
    const story = item('PAY-2');
    book.issue('10002', 'PAY-2');
    book.waitFor(story, '10001', 'part-1.csv');
    book.resolve();
    expect(story.parentKey).toBeNull();
    book.issue('10001', 'PAY-1');
    book.resolve();
    expect(story).toEqual({ key: 'PAY-2', parentKey: 'PAY-1', line: 2 });
    expect(book.unresolved()).toEqual([]);
  });

  it('knows the key of an id once its issue is read', () => {
    const book = new JiraParentBook();
    expect(book.keyOf('10001')).toBeUndefined();
    book.issue('10001', 'PAY-1');
    expect(book.keyOf('10001')).toBe('PAY-1');
  });

  it('hands over the items whose parent is in no file in the order they were read, with their files, and keeps none', () => {
    const book = new JiraParentBook();
    const [a, b, c] = [item('A'), item('B'), item('C')];
    book.waitFor(a, '1', 'part-1.csv');
    book.waitFor(b, '2', 'part-2.csv');
    book.waitFor(c, '3', 'part-2.csv');
    book.issue('2', 'P');
    expect(book.unresolved().map((w) => [w.item.key, w.parentId, w.file])).toEqual([
      ['A', '1', 'part-1.csv'],
      ['C', '3', 'part-2.csv'],
    ]);
    expect(b.parentKey).toBe('P');
    expect(book.unresolved()).toEqual([]);
  });

  describe('edge cases', () => {
    it('an empty book resolves nothing and hands over nothing', () => {
      const book = new JiraParentBook();
      book.resolve();
      expect(book.unresolved()).toEqual([]);
    });

    it('an id read twice names the later issue (as the file read last says)', () => {
      const book = new JiraParentBook();
      const story = item('S');
      book.waitFor(story, '7', 'f');
      book.issue('7', 'OLD-7');
      book.issue('7', 'NEW-7');
      book.resolve();
      expect(story.parentKey).toBe('NEW-7');
    });

    it('an item that is its own parent by id gets its own key, as the source says', () => {
      const book = new JiraParentBook();
      const self = item('S-1');
      book.waitFor(self, '5', 'f');
      book.issue('5', 'S-1');
      book.resolve();
      expect(self.parentKey).toBe('S-1');
    });
  });
});
