import { describe, expect, it } from 'vitest';
import type { DependencyRecord, RecordSink } from '../../../shared/import/import-records';
import { JiraLinkBook } from '../../../shared/import/formats/jira-link-book';

/** A sink that keeps the dependencies handed to it (the book hands nothing else). */
function dependencySink(): { sink: RecordSink; keys(): string[]; records: DependencyRecord[] } {
  const records: DependencyRecord[] = [];
  const sink = { dependency: (r: DependencyRecord) => records.push(r) } as unknown as RecordSink;
  return { sink, records, keys: () => records.map((r) => r.key) };
}

describe('JiraLinkBook', () => {
  it('makes a link whole when its other end is read in a later file, dated by the later issue, with both teams', () => {
    const book = new JiraLinkBook();
    const { sink, records, keys } = dependencySink();
    // File 1: A blocks B (B waits on A), listed on A; B is in file 3.
    book.issue('A', 'alpha');
    book.link('B', 'A', 'blocks', 100, 'page-1.json', null);
    book.pairedTo(sink);
    expect(keys()).toEqual([]);
    // File 2 does not hold B.
    book.issue('C', 'gamma');
    book.pairedTo(sink);
    expect(keys()).toEqual([]);
    // File 3: B, listing the same link, created later.
    book.issue('B', 'beta');
    book.link('B', 'A', 'blocks', 300, 'page-3.json', null);
    book.pairedTo(sink);
    expect(records).toEqual([expect.objectContaining({ key: 'B->A', fromTeamKey: 'beta', toTeamKey: 'alpha', createdAt: 300, resolvedWhenDone: true })]);
    expect(book.unpaired()).toEqual([]);
  });

  it('hands over the links made whole in one file in the order they were first listed', () => {
    const book = new JiraLinkBook();
    const { sink, keys } = dependencySink();
    book.issue('A', null);
    book.link('A', 'X', 'blocks', 1, 'f1', 2);
    book.link('A', 'Y', 'blocks', 1, 'f1', 2);
    book.link('A', 'Z', 'blocks', 1, 'f1', 2);
    book.pairedTo(sink);
    book.issue('Z', null);
    book.issue('X', null);
    book.pairedTo(sink);
    expect(keys()).toEqual(['A->X', 'A->Z']);
    expect(book.unpaired().map(({ record, file }) => [record.key, file, record.line])).toEqual([['A->Y', 'f1', 2]]);
  });

  describe('edge cases', () => {
    it('a link both of whose ends are in the same file is whole at that file\'s end, counted once though listed twice', () => {
      const book = new JiraLinkBook();
      const { sink, records } = dependencySink();
      book.issue('A', null);
      book.link('B', 'A', 'blocks', 5, 'f', null);
      book.issue('B', null);
      book.link('B', 'A', 'blocks', 9, 'f', null);
      book.pairedTo(sink);
      expect(records.map((r) => [r.key, r.createdAt])).toEqual([['B->A', 9]]);
    });

    it('unpaired leaves nothing behind: a later pairedTo hands over nothing', () => {
      const book = new JiraLinkBook();
      const { sink, keys } = dependencySink();
      book.issue('A', null);
      book.link('A', 'Q', 'blocks', 1, 'f', null);
      expect(book.unpaired().map((u) => u.record.key)).toEqual(['A->Q']);
      book.issue('Q', null);
      book.pairedTo(sink);
      expect(keys()).toEqual([]);
    });

    it('an empty book pairs and leaves nothing', () => {
      const book = new JiraLinkBook();
      const { sink, keys } = dependencySink();
      book.pairedTo(sink);
      expect(keys()).toEqual([]);
      expect(book.unpaired()).toEqual([]);
    });
  });
});
