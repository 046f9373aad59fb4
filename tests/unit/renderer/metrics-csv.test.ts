import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fileSlug } from '../../../renderer/src/charts/csv';
import { csvCell, toCsv, undoFormulaGuard } from '../../../shared/export/csv';

describe('CSV export', () => {
  it('writes a header and rows with CRLF line ends and a UTF-8 BOM', () => {
    expect(toCsv([['item', 'days'], ['CHK-1', 2.5]])).toBe('\uFEFFitem,days\r\nCHK-1,2.5\r\n');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  describe('edge cases: CSV injection', () => {
    it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\0NUL', '\rCR'])('defuses %j with a leading quote', (text) => {
      expect(csvCell(text).replace(/^"|"$/g, '').startsWith(`'${text[0]}`)).toBe(true);
    });

    it('leaves numbers as numbers, negative ones too', () => {
      expect(csvCell(-2)).toBe('-2');
      expect(csvCell(0)).toBe('0');
    });

    it('empty, null, undefined and non-finite numbers are empty cells', () => {
      expect([csvCell(null), csvCell(undefined), csvCell(''), csvCell(Number.NaN)]).toEqual(['', '', '', '']);
    });

    it('a formula hidden behind a quote character is still defused', () => {
      expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    });

    it.each(['\n=1+1', '\uFEFF=1+1', '\u200B+SUM(A1)', ' \u200D@cmd', '\u2060-2+3', '\r\n=x'])('defuses %j: a formula behind invisible characters', (text) => {
      expect(csvCell(text).replace(/^"|"$/g, '').startsWith(`'`)).toBe(true);
    });
  });

  describe('read back', () => {
    const readBack = (text: string) => undoFormulaGuard(Papa.parse<string[]>(`${csvCell(text)},end`).data[0]![0]!.trim());

    it('a defused cell reads as it was written, and text with a quote of its own keeps it', () => {
      expect(undoFormulaGuard("'-1 week slip")).toBe('-1 week slip');
      expect(undoFormulaGuard("'@ana")).toBe('@ana');
      expect(undoFormulaGuard("'=HYPERLINK(\"x\")")).toBe('=HYPERLINK("x")');
      expect(undoFormulaGuard("'tis the season")).toBe("'tis the season");
      expect(readBack("'=x")).toBe("'=x");
      expect(readBack("''@x")).toBe("''@x");
    });

    it('every text a reader keeps whole (trimmed) comes back from its CSV cell unchanged', () => {
      fc.assert(
        fc.property(
          fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', 'a', ' ', '\u200B', ',', '"', '1') }).map((t) => t.trim()),
          (text) => readBack(text) === text,
        ),
        { numRuns: 2000 },
      );
    });

    describe('edge cases', () => {
      it('a lone quote, and an empty cell', () => {
        expect(undoFormulaGuard("'")).toBe("'");
        expect(undoFormulaGuard('')).toBe('');
      });
    });
  });

  it('names files after titles', () => {
    expect(fileSlug('Cycle time scatterplot')).toBe('cycle-time-scatterplot');
    expect(fileSlug('  Lead time (days)! ')).toBe('lead-time-days');
  });
});
