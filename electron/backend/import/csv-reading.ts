import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { SourceError } from '../../../shared/import/import-issues';
import type { EncodingFacts, Utf8Watch } from './text-encoding';
import { readTextChunks, type ReadProgress } from './text-reading';

export interface CsvDialect {
  delimiter: string;
  newline: '\r\n' | '\n' | '\r';
  /** Lines before the header: 1 when the file opens with Excel's `sep=;` line, else 0. */
  preamble: 0 | 1;
}

/** Excel's first line naming the delimiter (written by European exports and Excel macros; Excel reads it and hides it). */
const SEP_LINE = /^\uFEFF?sep=(.)(\r\n|\n|\r)/i;

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Delimiter and line ending from the header line alone. Guessing from data rows goes wrong on
 * semicolon files with decimal commas and on CRLF files with LF inside quoted cells; the header
 * line has neither problem.
 */
export function sniffDialect(head: string): CsvDialect {
  const sep = SEP_LINE.exec(head);
  if (sep) {
    const rest = sniffDialect(head.slice(sep[0].length));
    return { delimiter: sep[1]!, newline: rest.newline, preamble: 1 };
  }
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let newline: CsvDialect['newline'] = '\n';
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      newline = c === '\r' ? (head[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
      break;
    } else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(delimiter)!) delimiter = d;
  return { delimiter, newline, preamble: 0 };
}

/** The header and first rows of a CSV from its decoded head (for detection and column mapping). */
export function parseHead(head: string, dialect: CsvDialect, complete: boolean, rows = 50): { headers: string[]; sample: string[][] } {
  const parsed = Papa.parse<string[]>(head, { delimiter: dialect.delimiter, newline: dialect.newline, preview: dialect.preamble + rows + 1 });
  const data = parsed.data.slice(dialect.preamble);
  // Without the whole file, the last parsed row may be cut in the middle.
  if (!complete && data.length > 1) data.pop();
  const headers = (data[0] ?? []).map((h) => h.replace(/^\uFEFF/, ''));
  return { headers, sample: data.slice(1) };
}

/** Line breaks inside a cell, as an editor counts the file's lines: by its line ending's last character (CR for an old Mac file, else LF). */
export function newlinesIn(cell: string, eol: '\n' | '\r'): number {
  let n = 0;
  let i = cell.indexOf(eol);
  while (i !== -1) {
    n++;
    i = cell.indexOf(eol, i + 1);
  }
  return n;
}

/**
 * In a CRLF file, whether `cells` are rows that ran together because their lines end in LF alone
 * (rows appended by another program): the parser, waiting for CRLF, reads such a line break as text
 * and the row's last cell runs into the next row's first. Told by a row with the cells of whole rows
 * run together (k rows of n cells make k·(n − 1) + 1) whose n-th cell holds a line feed without its
 * carriage return. A quoted cell with line breaks (Excel writes LF inside quotes) keeps the row's
 * cell count, so it is never taken for one. Returns how many line feeds come before that one in the
 * row (its line is the row's first line plus that), or null.
 */
export function bareLineFeedJoin(cells: readonly string[], headerCount: number): number | null {
  if (headerCount < 2 || cells.length <= headerCount || (cells.length - 1) % (headerCount - 1) !== 0) return null;
  const joint = cells[headerCount - 1]!;
  // Fully quoted rows ("6"\n"7") join at a quote, unquoted ones (6\n7) at the first bare line feed.
  let at = joint.indexOf('"\n"');
  if (at !== -1) at++;
  else {
    at = joint.indexOf('\n');
    while (at > 0 && joint[at - 1] === '\r') at = joint.indexOf('\n', at + 1);
  }
  if (at === -1) return null;
  let before = newlinesIn(joint.slice(0, at), '\n');
  for (let c = 0; c < headerCount - 1; c++) before += newlinesIn(cells[c]!, '\n');
  return before;
}

export type RowProblem = 'unclosed-quote' | 'malformed-quotes' | null;

export interface CsvStreamHandlers {
  /** One data row (the header row is skipped), with the physical line it starts on. */
  row(cells: string[], line: number, problem: RowProblem): void;
  /** After each chunk parsed (32 KB of the file, more within a long record): return true to stop reading. */
  chunkDone(rows: number): boolean;
  /** Watches a UTF-8 file for bytes that are not UTF-8 (see Utf8Watch); read once the file is read. */
  utf8?: Utf8Watch;
}

/**
 * A record (a row, with its quoted line breaks) this long is an unclosed quote swallowing the file,
 * or not a CSV made by any tracker. It is refused while streaming, before the parser has buffered
 * more than this of it: 12 M characters (trackers' cells stop at 32,767).
 */
export const MAX_RECORD_CHARS = 12 * 1024 * 1024;
/** How much of a record's start is kept to say which column its runaway quote opened in. */
const RECORD_HEAD_CHARS = 64 * 1024;

/** Raised by `RecordGuard` and turned into a SourceError with the line where the record starts. */
class RecordTooLong extends Error {
  constructor(
    readonly fieldIndex: number | null,
    /** Whether a quote is open where the record grew too long (else it is text without line breaks). */
    readonly quoted: boolean,
  ) {
    super('record too long');
  }
}

/**
 * Follows the text ahead of the parser at native speed (indexOf over quotes and line ends, never
 * char by char) and throws once one record grows past `MAX_RECORD_CHARS`. A record ends at a line
 * break with an even number of quotes since its start, which is RFC 4180's rule; a stray quote
 * inside an unquoted cell can only make a record look longer, never hide a runaway one.
 */
export class RecordGuard {
  /** Whether any text scanned so far held a quote: until one does, no cell can hold a line break. */
  sawQuote = false;
  #open = false;
  #length = 0;
  #head = '';

  constructor(
    private readonly dialect: CsvDialect,
    private readonly maxChars = MAX_RECORD_CHARS,
  ) {}

  /** How long the record still open at the end of the text scanned so far is, in characters. */
  get openLength(): number {
    return this.#length;
  }

  scan(text: string): void {
    const eol = this.dialect.newline === '\r' ? '\r' : '\n';
    // Walk the chunk quote by quote; in each stretch outside quotes, note its last line break.
    // `nextEol` (the first break at or after the stretch) keeps every search linear in the chunk.
    let boundary = -1;
    let open = this.#open;
    let from = 0;
    let nextEol = -1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote !== -1) this.sawQuote = true;
      const end = quote === -1 ? text.length : quote;
      if (!open) {
        if (nextEol !== Infinity && nextEol < from) {
          const found = text.indexOf(eol, from);
          nextEol = found === -1 ? Infinity : found;
        }
        if (nextEol < end) boundary = text.lastIndexOf(eol, end - 1);
      }
      if (quote === -1) break;
      open = !open;
      from = quote + 1;
    }
    this.#open = open;
    if (boundary === -1) {
      this.#length += text.length;
      if (this.#head.length < RECORD_HEAD_CHARS) this.#head += text.slice(0, RECORD_HEAD_CHARS - this.#head.length);
    } else {
      this.#length = text.length - boundary - 1;
      this.#head = text.slice(boundary + 1, boundary + 1 + RECORD_HEAD_CHARS);
    }
    if (this.#length > this.maxChars) throw new RecordTooLong(openingField(this.#head, this.dialect.delimiter), open);
  }
}

/** The index of the cell whose quote is still open at the end of `head` (the start of a record), if any. */
function openingField(head: string, delimiter: string): number | null {
  let field = 0;
  let quoted = false;
  let fieldStart = true;
  let opened: number | null = null;
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (quoted) {
      if (c === '"') {
        if (head[i + 1] === '"') i++;
        else quoted = false;
      }
    } else if (c === '"' && fieldStart) {
      quoted = true;
      opened = field;
    } else if (c === delimiter) {
      field++;
      fieldStart = true;
      continue;
    }
    fieldStart = false;
  }
  return quoted ? opened : null;
}

/**
 * Hands the parser the chunks the guard let through. papaparse parses a record that spans chunks
 * again from its start with every chunk, so within a long record (a huge cell, a quote never closed)
 * the chunks are joined into pieces at least half as long as the record so far: the work stays
 * proportional to the record's length instead of its square over the chunk size.
 */
export async function* guarded(chunks: AsyncIterable<string>, guard: RecordGuard): AsyncGenerator<string> {
  let held: string[] = [];
  let heldLength = 0;
  for await (const text of chunks) {
    guard.scan(text);
    held.push(text);
    heldLength += text.length;
    if (heldLength * 2 < guard.openLength) continue;
    yield held.length === 1 ? held[0]! : held.join('');
    held = [];
    heldLength = 0;
  }
  if (held.length > 0) yield held.join('');
}

/**
 * Streams a CSV through papaparse (arrays, not header objects: repeated headers stay apart and it
 * is ~3× faster), calling `row` for each data row. Resolves with the file's SHA-256 when the file
 * was read to the end, or null when a handler asked to stop.
 */
export function streamCsv(
  path: string,
  facts: EncodingFacts,
  dialect: CsvDialect,
  progress: ReadProgress,
  handlers: CsvStreamHandlers,
  headers: readonly string[] = [],
): Promise<string | null> {
  const hash = createHash('sha256');
  const guard = new RecordGuard(dialect);
  const input = Readable.from(guarded(readTextChunks(path, facts, progress, hash, handlers.utf8), guard), { objectMode: true });
  let line = 1;
  let before = dialect.preamble + 1;
  let rows = 0;
  let stopped = false;
  return new Promise<string | null>((resolve, reject) => {
    let failed: unknown = null;
    Papa.parse<string[]>(input as unknown as File, {
      delimiter: dialect.delimiter,
      newline: dialect.newline,
      chunk(results, parser) {
        try {
          const problems = new Map<number, RowProblem>();
          for (const e of results.errors) {
            if (e.row === undefined) continue;
            if (e.code === 'MissingQuotes') problems.set(e.row, 'unclosed-quote');
            else if (e.code === 'InvalidQuotes' && !problems.has(e.row)) problems.set(e.row, 'malformed-quotes');
          }
          const data = results.data;
          // The guard has scanned every text the parser has read: without a quote in it, cells of an
          // LF file hold no line break, and the per-cell search (a few million of them) is skipped.
          const plain = dialect.newline === '\n' && !guard.sawQuote;
          const eol = dialect.newline === '\r' ? '\r' : '\n';
          for (let r = 0; r < data.length; r++) {
            const cells = data[r]!;
            const start = line;
            if (!plain) {
              for (let c = 0; c < cells.length; c++) {
                const cell = cells[c]!;
                if (cell.length > 80 || cell.indexOf(eol) !== -1) line += newlinesIn(cell, eol);
              }
            }
            line++;
            if (before > 0) {
              before--;
              continue;
            }
            rows++;
            handlers.row(cells, start, problems.get(r) ?? null);
          }
          if (handlers.chunkDone(rows)) {
            stopped = true;
            parser.abort();
          }
        } catch (error) {
          failed = error;
          parser.abort();
        }
      },
      complete() {
        input.destroy();
        if (failed) reject(failed);
        else resolve(stopped ? null : hash.digest('hex'));
      },
      error(error: Error) {
        input.destroy();
        if (!failed && error instanceof RecordTooLong) {
          // The parser has passed on every whole record before this one, so `line` is where it starts.
          const column = error.fieldIndex === null ? null : (headers[error.fieldIndex] ?? `column ${error.fieldIndex + 1}`);
          const where = column === null ? '' : ` in column "${column}"`;
          const millions = (MAX_RECORD_CHARS / 1024 ** 2).toFixed(0);
          failed = new SourceError(
            'cell-too-large',
            error.quoted
              ? `The row starting on line ${line}${where} runs on for more than ${millions} million characters: a quote (") opened there is probably never closed. Close it and import again.`
              : `The row starting on line ${line} runs on for more than ${millions} million characters without a line break: not a CSV a tracker writes (their cells stop at 32,767 characters). Check that this is the export you meant.`,
            line,
            column,
          );
        }
        reject(failed ?? error);
      },
    });
  });
}
