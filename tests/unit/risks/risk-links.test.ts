import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { linkAsStored, sameButCase } from '../../../shared/risks/risk-links';

// The risk's dialog finds a link's other-case key with SQLite's NOCASE, an import with sameButCase:
// they must agree, or a key typed and the same key imported would be stored differently.

describe('risk links in another letter case', () => {
  it('sameButCase agrees with SQLite NOCASE: A–Z only, every other character as it is', () => {
    const db = new Database(':memory:');
    const nocase = db.prepare('SELECT ? = ? COLLATE NOCASE').pluck();
    const pairs = [
      ['rpt-134', 'RPT-134'],
      ['Rpt-134', 'rPT-134'],
      ['RPT-134', 'RPT-135'],
      ['pä-1', 'PÄ-1'],
      ['RPT-134\u200B', 'RPT-134'],
      ['rpt-134 ', 'RPT-134'],
      ['[a]', '{A}'],
      ['', ''],
    ];
    for (const [a, b] of pairs) expect([a, b, sameButCase(a!, b!)]).toEqual([a, b, nocase.get(a, b) === 1]);
    db.close();
  });

  it('a link takes the one key of other case there is; with none or two it stays as typed', () => {
    expect(linkAsStored('rpt-134', ['RPT-134'])).toBe('RPT-134');
    expect(linkAsStored('rpt-134', [])).toBe('rpt-134');
    expect(linkAsStored('rpt-134', ['RPT-134', 'Rpt-134'])).toBe('rpt-134');
  });
});
