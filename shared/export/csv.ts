// Tables leave Interlock as CSV files that people open in a spreadsheet, so every cell that a
// spreadsheet would run as a formula is defused (OWASP's CSV injection advice): a leading quote
// makes it text. Quoting follows RFC 4180.

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r\0]/;
/** What a spreadsheet skips before it decides a cell is a formula: whitespace, NUL, BOM and zero-width characters. */
const INVISIBLE_LEAD = /^[\s\0\uFEFF\u200B-\u200D\u2060\u180E]+/u;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  // Numbers are data, not formulas: a negative number stays a number.
  if (typeof value !== 'number' && (FORMULA_START.test(text) || FORMULA_START.test(text.replace(INVISIBLE_LEAD, '')))) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows (the first one the header) as CSV text, CRLF line ends, with a BOM so Excel reads UTF-8. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
