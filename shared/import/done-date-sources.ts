import type { ImportFormat } from './format-names';

// Where each format gives a finished item its done date, and what a user adds when it gives none:
// the words of the warning `done-without-date` (RecordChecker.checkDoneDates).

/** A file's column as the import's report maps it (ImportFileReport's mapping). */
interface MappedColumn {
  field: string;
  header: string | null;
}

/** What a file gives of its items' done dates, for the warning about a done item without one. */
export interface DoneDateSource {
  /** The cell the warning names: the file's done-date column (its cell is blank), else its status column. */
  column: string;
  /** Why the row gives no date: "its done_at cell is blank", "the file has no done_at column". */
  lacks: string;
  /** What to do: the column to add and the history to import. */
  fix: string;
  /** The history to import alone ("import its status changes (the transitions template) with it"): for a dated item whose stored history ends open. */
  history: string;
}

/** The fields of a CSV format that give a finished item its done date, in the order the mapper takes them. */
const DONE_FIELDS: Partial<Record<ImportFormat, readonly { field: string; label: string }[]>> = {
  interlock: [{ field: 'done', label: 'done_at' }],
  'jira-csv': [
    { field: 'resolved', label: 'Resolved' },
    { field: 'statusCategoryChanged', label: 'Status Category Changed' },
  ],
  'ado-csv': [
    { field: 'closed', label: 'Closed Date' },
    { field: 'resolved', label: 'Resolved Date' },
    { field: 'stateChanged', label: 'State Change Date' },
  ],
};

const HISTORY: Partial<Record<ImportFormat, string>> = {
  interlock: 'import its status changes (the transitions template) with it',
  'jira-csv': 'import its history instead (Jira JSON from the REST API with expand=changelog)',
  'ado-csv': 'import its revisions (a revisions CSV) with it',
};

const orList = (words: readonly string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`);

/**
 * What a file of this format, with these columns, gives of a done item's date: worked out once per
 * file that holds such an item, never per row. `json`: an Interlock JSON bundle (its items' `doneAt`).
 */
export function doneDateSource(format: ImportFormat | null, mapping: readonly MappedColumn[], headers: readonly string[], json: boolean): DoneDateSource {
  // A Jira JSON issue with a changelog brings a history, which dates it; one without (a search made
  // without expand=changelog) has only its fields.
  if (json && format === 'jira-json') return { column: 'fields.resolutiondate', lacks: 'it has no changelog (the search was made without expand=changelog) and no resolutiondate', fix: 'export the search again with expand=changelog', history: 'export the search again with expand=changelog' };
  if (json) return { column: 'doneAt', lacks: 'it has no doneAt', fix: 'add its doneAt, or its status changes (transitions)', history: 'add its status changes (transitions)' };
  const fields = (format && DONE_FIELDS[format]) ?? [];
  const present = fields.flatMap(({ field }) => mapping.find((m) => m.field === field && m.header !== null)?.header ?? []);
  const status = mapping.find((m) => m.field === 'status')?.header ?? 'Status';
  const labels = fields.map((f) => f.label);
  const history = (format && HISTORY[format]) ?? 'import its status history with it';
  // Jira's Updated is the last edit of any field (a comment after Done moves it): no done date.
  const updated = format === 'jira-csv' ? headers.find((h) => h.trim().toLowerCase() === 'updated') : undefined;
  const notUpdated = updated === undefined ? '' : ` (${updated.trim()} is when it was last edited, not when it was done, so it is not taken)`;
  if (present.length > 0) {
    return { column: present[0]!, lacks: `its ${orList(present)} ${present.length > 1 ? 'cells are' : 'cell is'} blank`, fix: `${format === 'jira-csv' ? 'set its resolution in Jira, which dates Resolved, and export it again' : `fill in ${orList(present)}`}, or ${history}`, history };
  }
  if (labels.length === 0) return { column: status, lacks: 'its row gives no done date', fix: history, history };
  const columns = `${labels[0]}${labels.length > 1 ? ` (or ${orList(labels.slice(1))})` : ''}`;
  const add = format === 'jira-csv' ? `export it with the ${columns} column` : format === 'ado-csv' ? `add ${columns} to the query's columns` : `add a ${columns} column`;
  return { column: status, lacks: `the file has no ${orList(labels)} column${notUpdated}`, fix: `${add}, or ${history}`, history };
}
