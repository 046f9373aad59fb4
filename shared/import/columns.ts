import { undoFormulaGuard } from '../export/csv';
import type { IssueLog } from './import-issues';
import { readSourceDate, whyDateShapedIsNoDate, type DayOrder } from './source-dates';

/** One field a CSV format reads, and the header names that mean it (compared without case and spaces). */
export interface FieldSpec {
  readonly field: string;
  readonly label: string;
  readonly aliases: readonly string[];
  readonly required?: boolean;
  /** Read every alias that is present, in alias order, the first non-empty cell winning (a per-row fallback). */
  readonly fallback?: boolean;
}

export function normalizeHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Which columns feed which field. Repeated headers (Jira's Labels, Sprint, links) give several columns. */
export interface ColumnPlan {
  readonly headers: readonly string[];
  readonly columns: ReadonlyMap<string, readonly number[]>;
  /** Field → the header it was read from (for the mapping shown to the user). */
  readonly mapping: Record<string, string | null>;
  /** Required fields with no column. */
  readonly missing: readonly FieldSpec[];
  /** Fields whose chosen header (an override) the file does not have. */
  readonly unknown: readonly { spec: FieldSpec; header: string }[];
}

/**
 * Maps a header to fields: an override (field → header, chosen by the user) wins, then each alias
 * in order. An override naming a header that is not there gives the field no column, and is listed
 * in `unknown`: a person who named a column meant one (a mistyped team column must not quietly
 * leave every item without a team).
 */
export function planColumns(headers: readonly string[], specs: readonly FieldSpec[], overrides: Record<string, string | null | undefined> = {}): ColumnPlan {
  const byName = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const name = normalizeHeader(h);
    if (!name) return;
    const list = byName.get(name);
    if (list) list.push(i);
    else byName.set(name, [i]);
  });
  const columns = new Map<string, number[]>();
  const mapping: Record<string, string | null> = {};
  const missing: FieldSpec[] = [];
  const unknown: { spec: FieldSpec; header: string }[] = [];
  for (const spec of specs) {
    let found: number[] | undefined;
    const override = overrides[spec.field];
    if (override !== undefined) {
      found = override === null ? undefined : byName.get(normalizeHeader(override));
      if (override !== null && !found) unknown.push({ spec, header: override });
    } else if (spec.fallback) {
      const all = spec.aliases.flatMap((alias) => byName.get(alias) ?? []);
      found = all.length > 0 ? all : undefined;
    } else {
      for (const alias of spec.aliases) {
        found = byName.get(alias);
        if (found) break;
      }
    }
    if (found) {
      columns.set(spec.field, found);
      mapping[spec.field] = headers[found[0]!]!.replace(/^\uFEFF/, '').trim();
    } else {
      mapping[spec.field] = null;
      if (spec.required) missing.push(spec);
    }
  }
  return { headers, columns, mapping, missing, unknown };
}

/** Thrown inside a row mapper after the reason was logged: the row is rejected and mapping goes on. */
export class RowRejected extends Error {}

/** A cell is read up to this many characters (a title is kept shorter still, record-checker.ts). */
export const MAX_CELL_CHARS = 1_000_000;

/**
 * Reads one row's cells by field, logging precise errors (file, line, column, value) for the row.
 * One instance is reused for every row of a file (no allocation per row on the hot path).
 */
export class RowReader {
  cells: readonly string[] = [];
  line = 0;
  constructor(
    readonly file: string,
    readonly plan: ColumnPlan,
    readonly issues: IssueLog,
    public dayOrder: DayOrder,
  ) {}

  /**
   * Said after the reason a row is rejected at a column (its index; null for the row as a whole),
   * or null: asked only for a row that fails, so what it looks at costs the rows that pass nothing
   * (CsvFileMapping's hint of a text cut in two).
   */
  rejectionHint: ((cells: readonly string[], column: number | null) => string | null) | null = null;

  /** A rejection's message with the hint for this row and the field's column, if there is one. */
  #hinted(field: string | null, message: string): string {
    if (this.rejectionHint === null) return message;
    const hint = this.rejectionHint(this.cells, field === null ? null : (this.plan.columns.get(field)?.[0] ?? null));
    return hint === null ? message : `${message} ${hint}`;
  }

  reset(cells: readonly string[], line: number): this {
    this.cells = cells;
    this.line = line;
    return this;
  }

  has(field: string): boolean {
    return this.plan.columns.has(field);
  }

  headerOf(field: string, index = 0): string {
    const cols = this.plan.columns.get(field);
    return cols ? this.plan.headers[cols[index] ?? cols[0]!]!.trim() : field;
  }

  /** The first non-empty cell of the field, trimmed; null when empty or absent. */
  text(field: string): string | null {
    const cols = this.plan.columns.get(field);
    if (!cols) return null;
    for (let i = 0; i < cols.length; i++) {
      const cell = this.cells[cols[i]!];
      if (cell !== undefined && cell !== '') {
        const trimmed = cell.length > MAX_CELL_CHARS ? cell.slice(0, MAX_CELL_CHARS).trim() : cell.trim();
        // A cell an export defused against spreadsheet formulas ("'-1 week slip") reads as it was.
        if (trimmed !== '') return trimmed.charCodeAt(0) === 39 ? undoFormulaGuard(trimmed) : trimmed;
      }
    }
    return null;
  }

  /** Every non-empty cell of a repeated field, trimmed, in column order. */
  all(field: string): string[] {
    const cols = this.plan.columns.get(field);
    if (!cols) return [];
    const out: string[] = [];
    for (const c of cols) {
      const cell = this.cells[c]?.trim();
      if (cell) out.push(undoFormulaGuard(cell));
    }
    return out;
  }

  reject(field: string | null, value: string | null, code: Parameters<IssueLog['error']>[4], message: string): never {
    this.issues.error(this.file, this.line, field === null ? null : this.headerOf(field), value, code, this.#hinted(field, message));
    throw new RowRejected(message);
  }

  required(field: string, what = 'a value'): string {
    const value = this.text(field);
    if (value === null) this.reject(field, null, 'missing-value', `${this.headerOf(field)} is empty; it needs ${what}.`);
    return value;
  }

  /** A key: trimmed, at most 200 characters. */
  key(field: string): string {
    const value = this.required(field, 'a key');
    if (value.length > 200) this.reject(field, value, 'invalid-value', `${this.headerOf(field)} is longer than 200 characters.`);
    return value;
  }

  optionalKey(field: string): string | null {
    const value = this.text(field);
    if (value !== null && value.length > 200) this.reject(field, value, 'invalid-value', `${this.headerOf(field)} is longer than 200 characters.`);
    return value;
  }

  /**
   * A number cell ("3", "2.5", "2,5"): null when empty; outside the range or unreadable, the row is
   * rejected. A thousands separator is never guessed (see readNumber): "1,000" is rejected naming
   * both readings, "1 000" or "1,000,000" naming the number to write.
   */
  number(field: string, range: { min?: number; max?: number; integer?: boolean } = {}): number | null {
    const value = this.text(field);
    if (value === null) return null;
    const read = readNumber(value);
    if (typeof read !== 'number') this.reject(field, value, 'invalid-value', `${this.headerOf(field)} is "${value}": ${read.problem}`);
    const n = read;
    const { min = -Infinity, max = Infinity, integer = false } = range;
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      const wanted = `${integer ? 'a whole number' : 'a number'}${Number.isFinite(min) ? ` from ${min}` : ''}${Number.isFinite(max) ? ` to ${max}` : ''}`;
      this.reject(field, value, 'invalid-value', `${this.headerOf(field)} is "${value}"; it needs ${wanted}.`);
    }
    return n;
  }

  /** A suspect cell that is imported anyway (or left empty), said at this row's line and the field's column. */
  warn(field: string, value: string | null, code: Parameters<IssueLog['warn']>[4], message: string): void {
    this.issues.warn(this.file, this.line, this.headerOf(field), value, code, message);
  }

  /** A date cell: null when empty, epoch ms when readable, else the row is rejected. */
  date(field: string): number | null {
    const value = this.text(field);
    if (value === null) return null;
    return this.dateValue(field, value);
  }

  /** `header` names the column in the message; by default the field's (looked up only for a bad date: this runs per date). */
  dateValue(field: string, value: string, header?: string): number {
    const ms = readSourceDate(value, this.dayOrder);
    if (ms === null) {
      const why = whyDateShapedIsNoDate(value, this.dayOrder);
      // A numeric date that the other day order reads: the file's order was read wrong, not this cell.
      const other: DayOrder = this.dayOrder === 'dmy' ? 'mdy' : 'dmy';
      const otherReads = why === null && readSourceDate(value, other) !== null;
      const message = otherReads
        ? `"${value}" is not a date as ${this.dayOrder === 'dmy' ? 'day/month/year' : 'month/day/year'}, the order the file's numeric dates are read in; as ${other === 'dmy' ? 'day/month/year' : 'month/day/year'} it is. Choose that date order (on the Import page, or --day-order ${other}) and import again.`
        : why === null
          ? `"${value}" is not a date Interlock can read (use ISO 8601 like 2024-03-12T15:45:00Z, or 12/Mar/24 3:45 PM).`
          : `"${value}" is not a real date: ${why}.`;
      this.issues.error(this.file, this.line, header ?? this.headerOf(field), value, 'invalid-date', this.#hinted(field, message));
      throw new RowRejected('invalid date');
    }
    return ms;
  }

  requiredDate(field: string): number {
    const value = this.required(field, 'a date');
    return this.dateValue(field, value);
  }
}

/** Splits a list cell ("a; b", "a, b") into trimmed, non-empty parts. */
export function splitList(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Yes/no cells as people write them; null when the text means neither. */
export function readBoolean(text: string): boolean | null {
  const lower = text.trim().toLowerCase();
  if (/^(true|yes|y|1|ok|success|succeeded|successful|passed|pass|green|deployed|completed|done)$/.test(lower)) return true;
  if (/^(false|no|n|0|fail|failed|failure|error|errored|red|rolled ?back|rollback|aborted|cancel+ed)$/.test(lower)) return false;
  return null;
}

/** Digits with one decimal point or comma, or none ("3", "2.5", "2,5", ".5"). */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;
/** One comma or point followed by exactly three digits, no leading zero: "1,000" is a thousand or 1.0, "12.500" 12500 or 12.5. */
const THOUSANDS_OR_DECIMAL = /^[+-]?[1-9]\d{0,2}([.,])\d{3}$/;
/** Groups of three digits after separators (comma, point, space, no-break space, apostrophe), perhaps decimals after: "1,000,000", "1 000", "1.000,5". */
const GROUPED = /^[+-]?\d{1,3}(?:[,.\u00a0\u202f' ]\d{3})+(?:[.,]\d+)?$/;

function plainDecimal(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

/** The number a cell with thousands separators means, when only one reading fits it; null otherwise. */
function groupedNumber(value: string): number | null {
  if (!GROUPED.test(value)) return null;
  const stripped = value.replace(/[\u00a0\u202f' ]/g, '');
  const separators = stripped.replace(/[^.,]/g, '');
  if (separators.length === 0) return Number(stripped); // "1 000"
  const last = separators[separators.length - 1]!;
  const kinds = new Set(separators).size;
  // Two kinds ("1.000,5", "1,000.5"): the last is the decimal one, and it comes once. One kind more
  // than once ("1,000,000"): every one groups thousands. One comma or point after space groups ("1 000,5"): decimal.
  const decimal = kinds === 2 || separators.length === 1 ? last : null;
  if (decimal !== null && separators.indexOf(decimal) !== separators.length - 1) return null;
  if (decimal === null) return /[.,]\d{3}$/.test(stripped) ? Number(stripped.replace(/[.,]/g, '')) : null;
  const at = stripped.lastIndexOf(decimal);
  return Number(`${stripped.slice(0, at).replace(/[.,]/g, '')}.${stripped.slice(at + 1)}`);
}

/**
 * A number as people type it into a spreadsheet: digits with a decimal point or a decimal comma
 * ("2.5", "2,5"). What could be read two ways is not guessed: a comma or point followed by exactly
 * three digits ("1,000", "12.500") is a thousands separator in one convention and a decimal one in
 * the other, so it is a problem naming both readings. Numbers with thousands separators that can
 * be read one way only ("1 000", "1,000,000", "1.000,5") are a problem naming the number to write.
 * Anything else that is not digits ("3 pts", "#N/A", "0x10", "1e3") is NaN. A problem reads
 * after `"<cell>": `.
 */
export function readNumber(text: string): number | { problem: string } {
  const value = text.trim();
  const ambiguous = THOUSANDS_OR_DECIMAL.exec(value);
  if (ambiguous) {
    const separator = ambiguous[1] === ',' ? 'comma' : 'point';
    const thousands = Number(value.replace(/[.,]/, ''));
    const decimal = plainDecimal(Number(value.replace(',', '.')));
    return { problem: `${thousands} with a thousands ${separator}, or ${decimal} with a decimal ${separator}? Interlock does not guess: write ${thousands} or ${decimal}.` };
  }
  if (PLAIN_NUMBER.test(value)) return Number(value.replace(',', '.'));
  const grouped = groupedNumber(value);
  if (grouped !== null && Number.isFinite(grouped)) return { problem: `Interlock reads numbers without thousands separators: write ${grouped}.` };
  return Number.NaN;
}
