// Tables leave Interlock as CSV files that people open in a spreadsheet, so every cell that a
// spreadsheet would run as a formula is defused (OWASP's CSV injection advice): a leading quote
// makes it text. Quoting follows RFC 4180.

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r\0]/;
/** What a spreadsheet skips before it decides a cell is a formula: whitespace, NUL, BOM and zero-width characters. */
const INVISIBLE_LEAD = /^[\s\0\uFEFF\u200B-\u200D\u2060\u180E]+/u;

/**
 * Whether a spreadsheet would run the text as a formula, or the text reads like one defused already
 * (quotes before one): either way it gets a quote more, so that `undoFormulaGuard` gives it back whole.
 */
function readAsFormula(text: string): boolean {
  const bare = text.replace(LEADING_QUOTES, '');
  return FORMULA_START.test(bare) || FORMULA_START.test(bare.replace(INVISIBLE_LEAD, ''));
}
const LEADING_QUOTES = /^'+/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  // Numbers are data, not formulas: a negative number stays a number.
  if (typeof value !== 'number' && readAsFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A cell as it was before `csvCell` defused it: "'=SUM(A1)" → "=SUM(A1)", "'-1 week slip" → "-1 week
 * slip", so that a file Interlock exported comes back as it left. Any other text is returned as it is
 * (a quote before a letter is the text's own). Importers read every cell through it.
 */
export function undoFormulaGuard(text: string): string {
  if (text.charCodeAt(0) !== 39) return text;
  const rest = text.slice(1);
  return readAsFormula(rest) ? rest : text;
}

/** Rows (the first one the header) as CSV text, CRLF line ends, with a BOM so Excel reads UTF-8. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
