import { z } from 'zod';

/**
 * What can be wrong with a source, one code each. Errors reject a row (or the whole file when they
 * have no line); warnings flag suspect data that is imported anyway. docs/IMPORT.md explains each.
 */
export const ISSUE_CODES = {
  // Errors
  'unreadable-file': 'The file cannot be read as text in a known format.',
  'unknown-format': 'The headers match none of the formats Interlock reads.',
  'wrong-shape': 'The JSON is not shaped like the chosen format.',
  'missing-column': 'A column the format needs is not in the header.',
  'missing-value': 'A required cell is empty.',
  'invalid-date': 'A date cannot be read with any known format.',
  'invalid-value': 'A cell holds a value the field does not accept.',
  'column-count': 'The row has more or fewer cells than the header.',
  'unclosed-quote': 'A quoted cell is never closed, so the rest of the file was swallowed into it.',
  'mixed-line-endings': 'Lines of a CRLF file end in LF alone (rows added by another program), so rows ran together: nothing of the file is imported.',
  'not-utf8': 'A file read as UTF-8 holds bytes further on that are not (part of it saved in another encoding): nothing of it is imported rather than each such byte becoming �.',
  'cell-too-large': 'A cell is larger than Interlock accepts.',
  'invalid-reference': 'A planning row names an increment, iteration or item that does not exist; a risk names a team or coordination group that does not.',
  'risks-incomplete': 'A risks file with a rejected row: a risk register is imported whole or not at all.',
  'plan-inconsistent': 'The increments, iterations and milestones an import would leave do not fit together (iterations overlapping, or outside their increment): nothing is imported.',
  // Warnings
  'empty-file': 'The file holds no records.',
  'no-status-history': 'The source carries no status history; only its dates are used.',
  'duplicate-key': 'The same key appears more than once; the last row wins.',
  'done-before-created': 'An item is finished before it was created.',
  'status-history-mismatch': 'An item’s row says it is finished (or open) while its status changes end open (or finished): it is stored as the row says, with the finished date the changes give.',
  'change-before-created': 'An item has a status change dated before it was created.',
  'done-without-date': 'An item is in a done status, but no column, status history or stored date gives when it was done: it counts in no throughput and is not open either.',
  'future-date': 'A date lies in the future.',
  'result-blank': 'A deployment’s result cell is blank in a file that has a result column: it is counted as succeeded.',
  'unknown-team': 'A team that is not in the workspace; it is created with its key as name.',
  'unknown-item': 'A reference to an item that is neither in this import nor in the workspace.',
  'self-reference': 'An item is its own parent, or a dependency has an item wait on itself.',
  'item-key-case': 'A reference names an item in another case (t-1 for T-1); it is taken as that item.',
  'unknown-objective': 'An item names an objective that is neither in the import nor in the workspace; the link is kept as written and links to nothing until that objective is imported.',
  'risk-link-unmatched': 'A risk links an item, dependency or objective that no key of the import or the workspace matches, even in another letter case (or that two keys of other letter case match): the link is kept as written and links to nothing until that key is imported.',
  'look-alike-key': 'A key or name looks like another of the import or the workspace (they differ only in letter case, or by a character that does not show): both are kept, as two.',
  'history-kept': 'A status change of an item could not be read: none of this import’s changes for it are imported, and it keeps the history it has.',
  'team-matched': 'A team declared here is a team an earlier import made from a reference (same key in another case, or same name); it is that team, renamed.',
  'unknown-type': 'An item type Interlock does not know; imported as a story.',
  'value-truncated': 'A value was longer than Interlock keeps and was cut.',
  'date-order-guessed': 'Numeric dates like 01/02/24 were read in one order that the file does not prove: the order another file of the import proves, else the default.',
  'date-order-differs': 'Two files of one import prove opposite orders of numeric dates (13/01/2025, 01/18/2025): each is read in its own.',
  'search-incomplete': 'A Jira search answer in pages: the pages of this import hold fewer issues than the search found, so its metrics count only part of the items.',
  'changelog-truncated': 'Jira issues whose changelog gives fewer histories than its total: the status changes left out may make their start and cycle times wrong.',
  'encoding-guessed': 'The file is not UTF-8; it was read as Windows-1252.',
  'ignored-column': 'Columns the format does not use were ignored.',
  'no-team-column': 'No column names the items’ teams: new items are imported without one.',
  'value-ignored': 'A cell that cannot be read (a size like "3 pts", or "1,000", which is a thousand or 1.0) is left out; the rest of the row is imported.',
  'steps-out-of-order': 'A stage-date row dates a later step before an earlier one; its steps are read in time order.',
  'unquoted-delimiter': 'A name or text in a template row may be one that an unquoted delimiter cut in two ("Payments, Inc"): the row is imported as it reads.',
} as const;
export type IssueCode = keyof typeof ISSUE_CODES;
export const IssueCode = z.enum(Object.keys(ISSUE_CODES) as [IssueCode, ...IssueCode[]]);

export const ImportIssue = z.object({
  severity: z.enum(['error', 'warning']),
  code: IssueCode,
  file: z.string(),
  /** 1-based physical line where the record starts; null for file-level issues and JSON. */
  line: z.number().int().positive().nullable(),
  /** Header name (CSV) or JSON path ("issues[3].fields.created"); null when the whole row is meant. */
  column: z.string().nullable(),
  /** The offending value, cut to 200 characters. */
  value: z.string().nullable(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

/** Issues are counted in full but kept only up to this many per code, so a broken 1M-row file stays readable. */
export const ISSUES_KEPT_PER_CODE = 200;

export interface IssueCounts {
  errors: number;
  warnings: number;
  /** Rows rejected (a row with two bad cells counts once). */
  rejectedRows: number;
  byCode: Partial<Record<IssueCode, number>>;
}

function clip(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.length > 200 ? `${value.slice(0, 197)}…` : value;
}

/** Collects issues for one import; `rejectRow` marks a line so it is counted once. */
export class IssueLog {
  readonly issues: ImportIssue[] = [];
  readonly counts: IssueCounts = { errors: 0, warnings: 0, rejectedRows: 0, byCode: {} };
  readonly #kept = new Map<IssueCode, number>();
  readonly #rejected = new Set<string>();

  add(issue: Omit<ImportIssue, 'value'> & { value?: string | null }): void {
    const code = issue.code;
    this.counts.byCode[code] = (this.counts.byCode[code] ?? 0) + 1;
    if (issue.severity === 'error') this.counts.errors++;
    else this.counts.warnings++;
    const kept = this.#kept.get(code) ?? 0;
    if (kept >= ISSUES_KEPT_PER_CODE) return;
    this.#kept.set(code, kept + 1);
    this.issues.push({ ...issue, value: clip(issue.value) });
  }

  /**
   * A rejected record. `record` names it where there is no line (a JSON path like "issues[3]");
   * with neither, the error is about the whole file.
   */
  error(file: string, line: number | null, column: string | null, value: string | null, code: IssueCode, message: string, record?: string): void {
    this.add({ severity: 'error', code, file, line, column, value, message });
    if (line === null && record === undefined) this.#fileErrors.push(message);
    else {
      const id = `${file}\u0000${line ?? record}`;
      if (!this.#rejected.has(id)) {
        this.#rejected.add(id);
        this.counts.rejectedRows++;
        if (line === null && record !== undefined) {
          const bracket = record.indexOf('[');
          const list = bracket < 0 ? record : record.slice(0, bracket);
          this.#rejectedInLists.set(list, (this.#rejectedInLists.get(list) ?? 0) + 1);
        }
      }
    }
  }

  readonly #rejectedInLists = new Map<string, number>();
  /** Records rejected so far from a JSON file's list of that name ("risks" for a bundle's `risks[3]`). */
  rejectedFromList(list: string): number {
    return this.#rejectedInLists.get(list) ?? 0;
  }

  /**
   * A record of a JSON file whose refusal refuses the whole import (a bundle's plan row naming an
   * item that is not there), listed at its place ("plan[3].item"). The refusal names the file and
   * the place, since it is read on its own ("Nothing was imported: …").
   */
  refusedRecord(file: string, place: string, value: string | null, code: IssueCode, message: string): void {
    this.refusedAt(`${file}, ${place}`, file, null, place, value, code, message);
  }

  /**
   * A row whose refusal refuses the whole import (a plan that does not fit together), listed at its
   * file, line and column with the message alone, as a rejected row is: the CLI's line and the
   * Problems tab name the place beside it. The refusal is read on its own ("Nothing was imported:
   * …", the Import page's summary), so it names `where` first ("iterations.csv, line 3").
   */
  refusedAt(where: string, file: string, line: number | null, column: string | null, value: string | null, code: IssueCode, message: string): void {
    this.add({ severity: 'error', code, file, line, column, value, message });
    this.#fileErrors.push(`${where}: ${message}`);
  }

  /** A problem at a place in a file that stopped reading it: nothing of that file can be imported. */
  stoppedFile(file: string, line: number | null, column: string | null, value: string | null, code: IssueCode, message: string): void {
    this.add({ severity: 'error', code, file, line, column, value, message });
    this.#fileErrors.push(message);
  }

  warn(file: string, line: number | null, column: string | null, value: string | null, code: IssueCode, message: string): void {
    this.add({ severity: 'warning', code, file, line, column, value, message });
  }

  readonly #fileErrors: string[] = [];
  /** Whole-file errors: nothing of such a file can be imported. */
  get fileErrors(): number {
    return this.#fileErrors.length;
  }

  /** The messages of the whole-file errors, each once, in order: why an import held nothing. */
  get fileErrorMessages(): string[] {
    return [...new Set(this.#fileErrors)];
  }
}

/** Thrown by readers and mappers for a problem that stops a whole file; the runner logs it as an error issue. */
export class SourceError extends Error {
  constructor(
    readonly code: IssueCode,
    message: string,
    readonly line: number | null = null,
    readonly column: string | null = null,
    readonly value: string | null = null,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}
