import { normalizeHeader, planColumns, RowReader, RowRejected, type ColumnPlan } from './columns';
import { SourceError, type IssueLog } from './import-issues';
import type { RecordSink } from './import-records';
import type { CsvFormat, CsvMapper } from './formats/csv-format';
import type { JiraImportBooks } from './formats/jira-import-books';
import type { DayOrder } from './source-dates';
import type { StatusBook } from './status-rules';

export interface CsvFileMappingOptions {
  file: string;
  headers: readonly string[];
  format: CsvFormat;
  /** Field → header chosen by the user (or --team-column); wins over the format's aliases. */
  columns: Record<string, string | null | undefined>;
  dayOrder: DayOrder;
  sink: RecordSink;
  issues: IssueLog;
  statuses: StatusBook;
  knowsItem(key: string): boolean;
  jira?: JiraImportBooks;
  /** The file's delimiter (default ","), to show a text cut in two by it as it was written. */
  delimiter?: string;
}

/**
 * Turns the rows of one CSV file into records: plans the columns once, then per row checks the cell
 * count, skips blank lines and repeated header rows, and runs the format's mapper. A rejected row
 * is logged with its line and never stops the file.
 */
export class CsvFileMapping {
  readonly plan: ColumnPlan;
  readonly #reader: RowReader;
  readonly #mapper: CsvMapper;
  readonly #headerKey: string;
  rows = 0;

  constructor(readonly options: CsvFileMappingOptions) {
    const { headers, format, columns, file, issues } = options;
    this.plan = planColumns(headers, format.fields(headers), columns);
    const unknown = this.plan.unknown[0];
    if (unknown) {
      const shown = headers.slice(0, 12).map((h) => `"${h.replace(/^\uFEFF/, '').trim()}"`).join(', ');
      throw new SourceError(
        'missing-column',
        `${file} has no column "${unknown.header}" (named for the ${unknown.spec.label.toLowerCase()}); its columns are ${shown}${headers.length > 12 ? ', …' : ''}.`,
        1,
        unknown.header,
      );
    }
    if (this.plan.missing.length > 0) {
      const names = this.plan.missing.map((m) => m.label).join(', ');
      throw new SourceError('missing-column', `${file} has no ${names} column${this.plan.missing.length > 1 ? 's' : ''}; choose the column${this.plan.missing.length > 1 ? 's that hold them' : ' that holds it'} on the Import page, or rename ${this.plan.missing.length > 1 ? 'their headers' : 'its header'} in the file.`, 1, names);
    }
    if (format.format !== 'jira-csv') warnRepeatedColumns(file, this.plan, issues);
    // Items without a team couple no one: the advice would find nothing, and say nothing of why.
    const makesItems = ITEM_FORMATS.has(format.format) && (format.format !== 'interlock' || format.entity === 'items');
    if (makesItems && !this.plan.columns.has('team')) {
      // An Interlock items file without the column keeps the teams of items the workspace holds.
      const without = format.format === 'interlock' ? 'items new to the workspace are imported without one (those it holds keep theirs)' : 'its items are imported without one';
      issues.warn(file, 1, null, null, 'no-team-column', `${file} has no column that names each item's team, so ${without}; choose the Team column (--team-column) if another column holds it.`);
    }
    this.#reader = new RowReader(file, this.plan, issues, options.dayOrder);
    this.#mapper = format.create({
      file,
      plan: this.plan,
      reader: this.#reader,
      sink: options.sink,
      issues,
      statuses: options.statuses,
      knowsItem: options.knowsItem,
      ...(options.jira ? { jira: options.jira } : {}),
    });
    this.#headerKey = headers.join('\u0000');
    let named = headers.length;
    while (named > 0 && headers[named - 1]!.trim() === '') named--;
    this.#namedWidth = named;
    const delimiter = options.delimiter ?? ',';
    // Nobody types a tab into a name: a space after one is no cut.
    this.#cuts = format.freeText && delimiter !== '\t' ? cutColumns(this.plan, format.freeText) : null;
    this.#delimiter = delimiter;
    const texts = format.freeText && delimiter !== '\t' ? freeColumns(this.plan, format.freeText) : [];
    if (texts.length > 0) this.#reader.rejectionHint = (cells, column) => this.#cutHint(texts, cells, column);
  }

  /** The free-text columns whose next cell may hold their cut end (cutColumns); null for most files. */
  readonly #cuts: readonly CutColumn[] | null;
  readonly #delimiter: string;

  /**
   * A free-text cell followed by a cell that starts with a space ("Payments" then " Inc"): the text
   * may be one ("Payments, Inc") that an unquoted delimiter cut in two, the row still as wide as
   * the header (a trailing column left empty took the cut end). Said, since the row may be right.
   */
  #warnCuts(cuts: readonly CutColumn[], cells: readonly string[], line: number): void {
    for (const cut of cuts) {
      const next = cells[cut.column + 1];
      const text = cells[cut.column]!;
      if (!looksCut(text, next)) continue;
      const delimiter = this.#delimiter;
      const name = DELIMITER_NAMES[delimiter] ?? `delimiter "${delimiter}"`;
      const meant = `${clipEnd(text)}${delimiter}${clipStart(next)}`;
      this.options.issues.warn(
        this.options.file,
        line,
        cut.header,
        `${text}${delimiter}${next}`,
        'unquoted-delimiter',
        `"${meant}" may be one ${cut.header}, cut in two by the ${name} before "${clipStart(next)}": ${cut.header} is read as "${clipEnd(text)}" and ${cut.next} as "${clipStart(next.trim())}". If it is one ${cut.header}, put it in double quotes ("${meant}"); if not, remove the space after the ${name}.`,
      );
    }
  }

  /**
   * For a row rejected at a column (null: the row as a whole): when it is wider than the header and
   * a free-text cell before that column is followed by one that starts with a space, the text may be
   * one an unquoted delimiter cut in two, pushing the rest of the row a column on (into a column read
   * strictly, or past the header). A row as wide as the header gets no hint: its bad value is most
   * likely just that ("storey" for story, even typed after a space).
   */
  #cutHint(texts: readonly FreeColumn[], cells: readonly string[], rejectedAt: number | null): string | null {
    if (cells.length <= this.plan.headers.length) return null;
    for (const { column, header } of texts) {
      if (rejectedAt !== null && rejectedAt <= column) continue;
      const text = cells[column]!;
      const next = cells[column + 1];
      if (!looksCut(text, next)) continue;
      const delimiter = this.#delimiter;
      const name = DELIMITER_NAMES[delimiter] ?? `delimiter "${delimiter}"`;
      return `The ${header} "${clipEnd(text)}" may have been cut in two by an unquoted ${name}, which makes the row wider than the header: if it is one ${header}, put it in double quotes ("${clipEnd(text)}${delimiter}${clipStart(next!)}").`;
    }
    return null;
  }

  #isHeaderAgain(cells: readonly string[]): boolean {
    const first = cells[0];
    if (first === undefined) return false;
    if (first === this.plan.headers[0]) return cells.join('\u0000') === this.#headerKey;
    return first.charCodeAt(0) === 0xfeff && first.slice(1) === this.plan.headers[0] && [first.slice(1), ...cells.slice(1)].join('\u0000') === this.#headerKey;
  }

  /** The header's width without the unnamed columns at its end. */
  readonly #namedWidth: number;

  /** The rejection hint for a row wider than the header, rejected at its column `extra` (#cutHint), after a space; empty when there is none. */
  #withHint(cells: readonly string[], extra: number): string {
    const hint = this.#reader.rejectionHint?.(cells, extra) ?? null;
    return hint === null ? '' : ` ${hint}`;
  }

  row(input: readonly string[], line: number): void {
    const width = this.plan.headers.length;
    let cells = input;
    // A blank line, or a row of empty cells (",,,,": what Excel leaves of rows once cleared).
    if ((cells[0] ?? '').trim() === '' && cells.every((c) => c.trim() === '')) return;
    if (cells.length !== width) {
      // A header ending in unnamed columns ("key,name,,") over rows without them: nothing is missing.
      if (cells.length < width && cells.length >= this.#namedWidth) cells = [...cells, ...new Array<string>(width - cells.length).fill('')];
      else if (cells.length < width || cells.slice(width).some((c) => c.trim() !== '')) {
        // Where the row leaves the header: its first column without a cell, or its first cell past
        // the header's last column (the delimiter missing or extra lies at or before it).
        const extra = cells.length > width ? width + cells.slice(width).findIndex((c) => c.trim() !== '') : -1;
        const column = extra === -1 ? (this.plan.headers[cells.length] ?? null) : `column ${extra + 1}`;
        this.options.issues.error(
          this.options.file,
          line,
          column,
          extra === -1 ? null : cells[extra]!.slice(0, 200),
          'column-count',
          extra === -1
            ? `This row has ${cells.length} cells but the header has ${width}: it ends before column "${column}", so a delimiter is missing (or a quote is not closed).`
            : `This row has ${cells.length} cells but the header has ${width}: column ${extra + 1} has no header, so a delimiter is extra (an unquoted delimiter inside a cell, or a quote that is not closed).${this.#withHint(cells, extra)}`,
        );
        return;
      }
    }
    // Some exports repeat the header row every page (Jira above 1,000 issues): skip those.
    // Files joined end to end repeat it with the second file's BOM (\uFEFF) before its first name.
    if (this.#isHeaderAgain(cells)) return;
    if (this.#cuts !== null) this.#warnCuts(this.#cuts, cells, line);
    this.rows++;
    this.#reader.reset(cells, line);
    try {
      this.#mapper.row();
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
    }
  }

  finish(): void {
    this.#mapper.finish();
  }
}

/** A free-text column: its index and header. */
interface FreeColumn {
  column: number;
  header: string;
}

/** A free-text column and how the column after it is named in a message. */
interface CutColumn extends FreeColumn {
  next: string;
}

/**
 * Whether a free-text cell and the cell after it read as one text an unquoted delimiter cut in two:
 * the next starts as a person types after a delimiter (one space, then the text goes on), and the
 * text itself is not bounded by spaces ("pay, Payments, Money" is the file's way of writing).
 */
function looksCut(text: string, next: string | undefined): boolean {
  if (next === undefined || next.charCodeAt(0) !== 32 || !(next.charCodeAt(1) > 32)) return false;
  return text !== '' && text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32;
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ',': 'comma', ';': 'semicolon', '|': 'vertical bar' };
const clipEnd = (text: string) => (text.length > 40 ? `…${text.slice(-40).trimStart()}` : text);
const clipStart = (text: string) => (text.length > 40 ? `${text.slice(0, 40).trimEnd()}…` : text);

/**
 * The free-text columns of a file whose next column could take a cut end without a word: any but
 * one read strictly (a date, a number, a word from a list rejects it), a column no field reads
 * included (the end would be dropped). Null when there are none (most templates, every export).
 */
/** The free-text columns a file has, each by its first column (a rejected row's hint looks at them all). */
function freeColumns(plan: ColumnPlan, { free }: NonNullable<CsvFormat['freeText']>): FreeColumn[] {
  return free.flatMap((field) => {
    const column = plan.columns.get(field)?.[0];
    return column === undefined ? [] : [{ column, header: plan.headers[column]!.replace(/^\uFEFF/, '').trim() }];
  });
}

function cutColumns(plan: ColumnPlan, { free, strict }: NonNullable<CsvFormat['freeText']>): CutColumn[] | null {
  const fieldOf = new Map<number, string>();
  for (const [field, columns] of plan.columns) for (const c of columns) fieldOf.set(c, field);
  const header = (c: number) => plan.headers[c]!.replace(/^\uFEFF/, '').trim();
  const cuts: CutColumn[] = [];
  for (const field of free) {
    const column = plan.columns.get(field)?.[0];
    if (column === undefined || column + 1 >= plan.headers.length) continue;
    const nextField = fieldOf.get(column + 1);
    if (nextField !== undefined && strict.includes(nextField)) continue;
    const next = header(column + 1) || `column ${column + 2}`;
    cuts.push({ column, header: header(column), next: nextField === undefined ? `${next} (a column Interlock does not read)` : next });
  }
  return cuts.length > 0 ? cuts : null;
}

/** Formats whose rows are work items (a team column is theirs to have). */
const ITEM_FORMATS = new Set<string>(['jira-csv', 'ado-csv', 'stages-csv', 'interlock']);

/**
 * A header that names one field twice ("key,key", "title" at both ends): each row's first non-empty
 * cell of the two is read, which a person who made the file may not expect, so it is said. Jira's
 * exports repeat columns by design (Sprint, Fix Version/s, Component/s), and its reader means to.
 */
function warnRepeatedColumns(file: string, plan: ColumnPlan, issues: IssueLog): void {
  for (const [field, columns] of plan.columns) {
    if (columns.length < 2) continue;
    const names = columns.map((c) => normalizeHeader(plan.headers[c]!));
    if (new Set(names).size === names.length) continue; // aliases of one field in columns of their own names
    const header = plan.headers[columns[0]!]!.replace(/^\uFEFF/, '').trim();
    issues.warn(
      file,
      1,
      header,
      null,
      'ignored-column',
      `The column "${header}" appears ${columns.length} times (columns ${columns.map((c) => c + 1).join(', ')}); in each row the first that is not empty is read (${field}).`,
    );
  }
}
