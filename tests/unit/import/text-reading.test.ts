import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHead, sniffDialect } from '../../../electron/backend/import/csv-reading';
import { detectEncoding, looksBinary, Utf8Watch } from '../../../electron/backend/import/text-encoding';
import { lineAtByte } from '../../../electron/backend/import/text-reading';
import { SourceError } from '../../../shared/import/import-issues';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('detectEncoding', () => {
  it('reads byte-order marks', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x61), 'f')).toEqual({ encoding: 'utf-8', bomBytes: 3, guessed: false });
    expect(detectEncoding(bytes(0xff, 0xfe, 0x61, 0x00), 'f')).toEqual({ encoding: 'utf-16le', bomBytes: 2, guessed: false });
    expect(detectEncoding(bytes(0xfe, 0xff, 0x00, 0x61), 'f')).toEqual({ encoding: 'utf-16be', bomBytes: 2, guessed: false });
  });

  it('tells UTF-16 without a BOM from its zero bytes, and UTF-8 from Windows-1252', () => {
    expect(detectEncoding(Buffer.from('key,name\r\n', 'utf16le'), 'f').encoding).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('Händler,Zürich', 'utf8'), 'f')).toMatchObject({ encoding: 'utf-8', guessed: false });
    expect(detectEncoding(Buffer.from('H\xe4ndler,Z\xfcrich', 'latin1'), 'f')).toMatchObject({ encoding: 'windows-1252', guessed: true });
  });

  describe('edge cases', () => {
    it('refuses binary data with a message naming the file', () => {
      expect(() => detectEncoding(bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x13, 0x00, 0x00), 'report.xlsx')).toThrow(SourceError);
      expect(() => detectEncoding(bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x13, 0x00, 0x00), 'report.xlsx')).toThrow(/report\.xlsx is not a text file/);
      expect(looksBinary('\u0001\u0002\u0003abc\u0004\u0005')).toBe(true);
      expect(looksBinary('key,name\r\n"a\tb",c\n')).toBe(false);
    });

    it('keeps a head that ends inside a multi-byte character as UTF-8', () => {
      const text = Buffer.from('name\nZürich', 'utf8');
      expect(detectEncoding(text.subarray(0, text.length - 4), 'f').encoding).toBe('utf-8');
    });
  });
});

describe('Utf8Watch', () => {
  /** Feeds `data` in pieces cut at `cuts` and says where the first byte that is not UTF-8 is. */
  const watch = (data: Uint8Array, cuts: number[] = []) => {
    const w = new Utf8Watch();
    let from = 0;
    for (const cut of [...cuts, data.length]) {
      w.write(data.subarray(from, cut));
      from = cut;
    }
    w.end();
    return { at: w.firstInvalidAt, context: w.context };
  };

  it('finds the first byte that is not UTF-8, a piece or more in, and shows it as Windows-1252', () => {
    const data = Buffer.concat([Buffer.from('key,name\n'.repeat(500)), Buffer.from('t1,Caf\xe9 Bleu\n', 'latin1')]);
    expect(watch(data)).toEqual({ at: 9 * 500 + 6, context: expect.stringContaining('t1,Café Bleu') });
    expect(watch(data, [1000, 4000]).at).toBe(4506);
  });

  it('judges a character split between two pieces whole, at every cut', () => {
    const data = Buffer.from('Zürich · Ærø · 𝄞 · 東京', 'utf8');
    for (let cut = 0; cut <= data.length; cut++) expect(watch(data, [cut]).at, `cut at ${cut}`).toBeNull();
  });

  describe('edge cases', () => {
    it('an overlong form, a surrogate, a stray continuation byte, a character cut by the end of the file', () => {
      expect(watch(bytes(0x61, 0xc0, 0xaf)).at).toBe(1);
      expect(watch(bytes(0x61, 0x62, 0xed, 0xa0, 0x80)).at).toBe(2);
      expect(watch(bytes(0x80, 0x61)).at).toBe(0);
      expect(watch(bytes(0x61, 0xe6, 0x9d)).at).toBe(1);
      expect(watch(bytes(0x61, 0xe6, 0x9d), [2]).at).toBe(1);
    });

    it('an empty file, and a BOM, are UTF-8', () => {
      expect(watch(bytes()).at).toBeNull();
      expect(watch(bytes(0xef, 0xbb, 0xbf, 0x61), [1]).at).toBeNull();
    });
  });
});

describe('sniffDialect and parseHead', () => {
  it('takes the delimiter and line ending from the header line', () => {
    expect(sniffDialect('key;title;done\r\nA;1,5 days;01.03.2024\r\n')).toEqual({ delimiter: ';', newline: '\r\n', preamble: 0 });
    expect(sniffDialect('Issue key\tSummary\r\nA-1\tx\r\n')).toEqual({ delimiter: '\t', newline: '\r\n', preamble: 0 });
    expect(sniffDialect('a|b|c\nx|y|z')).toEqual({ delimiter: '|', newline: '\n', preamble: 0 });
  });

  it('keeps LF inside quoted cells of a CRLF file and repeated headers apart', () => {
    const head = 'Issue key,Labels,Labels,Description\r\nA-1,x,y,"line one\nline two"\r\nA-2,,,z\r\n';
    const { headers, sample } = parseHead(head, sniffDialect(head), true);
    expect(headers).toEqual(['Issue key', 'Labels', 'Labels', 'Description']);
    expect(sample).toEqual([
      ['A-1', 'x', 'y', 'line one\nline two'],
      ['A-2', '', '', 'z'],
      [''],
    ]);
  });

  it("takes the delimiter from Excel's sep= line and the header from the line after it", () => {
    const head = 'sep=;\r\nkey;title\r\nA-1;Ein, zwei\r\n';
    const dialect = sniffDialect(head);
    expect(dialect).toEqual({ delimiter: ';', newline: '\r\n', preamble: 1 });
    expect(parseHead(head, dialect, true)).toEqual({ headers: ['key', 'title'], sample: [['A-1', 'Ein, zwei'], ['']] });
    // Any case, after a BOM, naming a delimiter the header line would not suggest.
    expect(sniffDialect('\uFEFFSEP=|\nkey,title|x\n')).toEqual({ delimiter: '|', newline: '\n', preamble: 1 });
  });

  describe('edge cases', () => {
    it('reads a first line that only starts like sep= as the header', () => {
      expect(sniffDialect('separator;key\nx;y\n')).toEqual({ delimiter: ';', newline: '\n', preamble: 0 });
      expect(sniffDialect('sep=;')).toMatchObject({ preamble: 0 });
    });

    it('ignores delimiters inside quoted header cells and defaults to a comma', () => {
      expect(sniffDialect('"a;b",c,d\n')).toMatchObject({ delimiter: ',' });
      expect(sniffDialect('single')).toEqual({ delimiter: ',', newline: '\n', preamble: 0 });
    });

    it('drops the last row of an incomplete head (it may be cut in the middle)', () => {
      const head = 'key,name\nA,Alpha\nB,Be';
      expect(parseHead(head, sniffDialect(head), false).sample).toEqual([['A', 'Alpha']]);
      expect(parseHead(head, sniffDialect(head), true).sample).toEqual([
        ['A', 'Alpha'],
        ['B', 'Be'],
      ]);
    });
  });
});

describe('lineAtByte', () => {
  it('counts the line breaks before a byte, as an editor numbers lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-line-at-'));
    try {
      const path = join(dir, 'f.csv');
      writeFileSync(path, 'a\nb\r\nc\n');
      expect(lineAtByte(path, 0)).toBe(1);
      expect(lineAtByte(path, 1)).toBe(1);
      expect(lineAtByte(path, 2)).toBe(2);
      expect(lineAtByte(path, 5)).toBe(3);
      writeFileSync(path, 'a\rb\rc');
      expect(lineAtByte(path, 4, '\r')).toBe(3);
      expect(lineAtByte(path, 4)).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('edge cases', () => {
    it('across reads of a megabyte, and past the end of a file that shrank', () => {
      const dir = mkdtempSync(join(tmpdir(), 'interlock-line-at-'));
      try {
        const path = join(dir, 'big.csv');
        const line = `${'x'.repeat(99)}\n`;
        writeFileSync(path, line.repeat(30_000));
        expect(lineAtByte(path, 100 * 20_000)).toBe(20_001);
        expect(lineAtByte(path, 100 * 20_000 - 1)).toBe(20_000);
        expect(lineAtByte(path, 100 * 40_000)).toBe(30_001);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
