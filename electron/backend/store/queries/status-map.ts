import type { Database } from 'better-sqlite3';
import type { StatusCategory } from '../../../../shared/domain/vocabulary';
import type { StatusMapEntry } from '../../../../shared/import/status-rules';

export function readStatusMap(db: Database): StatusMapEntry[] {
  return db.prepare('SELECT status, category, source FROM status_map ORDER BY status').all() as StatusMapEntry[];
}

/** The mapping with how many items are in each status now and how many status changes entered it. */
export function statusMapWithUse(db: Database): (StatusMapEntry & { items: number; transitions: number })[] {
  return db
    .prepare(
      `SELECT m.status, m.category, m.source,
         (SELECT count(*) FROM work_items w WHERE w.status = m.status COLLATE NOCASE) AS items,
         (SELECT count(*) FROM status_transitions t WHERE t.to_status = m.status COLLATE NOCASE) AS transitions
       FROM status_map m ORDER BY m.status COLLATE NOCASE`,
    )
    .all() as (StatusMapEntry & { items: number; transitions: number })[];
}

/**
 * Stores entries an import added or changed: a default is added only where there is none, a
 * source's category replaces anything but a person's choice.
 */
export function storeStatusEntries(db: Database, entries: readonly StatusMapEntry[]): void {
  const addDefault = db.prepare(`INSERT OR IGNORE INTO status_map (status, category, source) VALUES (?, ?, 'default')`);
  const putSource = db.prepare(
    `INSERT INTO status_map (status, category, source) VALUES (?, ?, 'source')
     ON CONFLICT(status) DO UPDATE SET category = excluded.category, source = 'source' WHERE status_map.source <> 'user'`,
  );
  for (const e of entries) {
    if (e.source === 'default') addDefault.run(e.status, e.category);
    else if (e.source === 'source') putSource.run(e.status, e.category);
  }
}

/** Stores the flow dates and status computed while writing (StagedRecords.writeTo) of items a history was imported for. */
export function storeFlowDates(
  db: Database,
  dates: Iterable<{ id: number; firstActiveAt: number | null; doneAt: number | null; status: string; category: StatusCategory }>,
): void {
  const update = db.prepare('UPDATE work_items SET first_active_at = ?, done_at = ?, status = ?, status_category = ? WHERE id = ?');
  for (const d of dates) update.run(d.firstActiveAt, d.doneAt, d.status, d.category, d.id);
}

/** The finished date the stored history of the item `w` gives (see refreshFlowDates), as a scalar subquery. */
const DONE_AT_OF_HISTORY = `(
           SELECT min(t.at) FROM status_transitions t
           WHERE t.item_id = w.id AND t.to_category IN ('done', 'cancelled')
             AND NOT EXISTS (
               SELECT 1 FROM status_transitions u
               WHERE u.item_id = w.id AND u.to_category NOT IN ('done', 'cancelled') AND (u.at > t.at OR (u.at = t.at AND u.id > t.id))))`;

/**
 * What the workspace holds of an item's finished date, by key (undefined: no such item): the date
 * stored in its row, whether it has a stored status history, and the date that history gives (what
 * refreshFlowDates will store when an import brings the item without a history). One lookup per
 * key asked: the import asks it only for the items it would warn about.
 */
export function storedDoneDates(db: Database): (key: string) => { doneAt: number | null; hasHistory: boolean; historyDoneAt: number | null } | undefined {
  const get = db.prepare(
    `SELECT w.done_at AS doneAt, EXISTS (SELECT 1 FROM status_transitions h WHERE h.item_id = w.id) AS hasHistory, ${DONE_AT_OF_HISTORY} AS historyDoneAt
     FROM work_items w WHERE w.key = ?`,
  );
  return (key) => {
    const row = get.get(key) as { doneAt: number | null; hasHistory: number; historyDoneAt: number | null } | undefined;
    return row && { doneAt: row.doneAt, hasHistory: row.hasHistory === 1, historyDoneAt: row.historyDoneAt };
  };
}

/**
 * Derives started and finished dates from the status history, for the items in `itemIds` (all
 * items with a history when omitted): started = first entry into an active status; finished =
 * first entry into done/cancelled after the last open status (changes at one instant in the order
 * they were recorded: the rows' order), null when the history ends open. The same definition as flowDatesOf in shared/import/flow-dates.ts and
 * StagedRecords.writeTo. Items without history keep theirs.
 */
export function refreshFlowDates(db: Database, itemIds?: Iterable<number>): number {
  const where = itemIds
    ? 'id IN (SELECT id FROM temp.flow_refresh) AND EXISTS (SELECT 1 FROM status_transitions h WHERE h.item_id = w.id)'
    : 'id IN (SELECT DISTINCT item_id FROM status_transitions)';
  if (itemIds) {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS flow_refresh (id INTEGER PRIMARY KEY); DELETE FROM temp.flow_refresh;');
    const add = db.prepare('INSERT OR IGNORE INTO temp.flow_refresh (id) VALUES (?)');
    for (const id of itemIds) add.run(id);
  }
  const { changes } = db
    .prepare(
      `UPDATE work_items AS w SET
         first_active_at = (SELECT min(t.at) FROM status_transitions t WHERE t.item_id = w.id AND t.to_category = 'active'),
         done_at = ${DONE_AT_OF_HISTORY}
       WHERE ${where}`,
    )
    .run();
  if (itemIds) db.exec('DELETE FROM temp.flow_refresh');
  return changes;
}

/**
 * A person's choice of category for a status: stored as 'user' (no import overwrites it) and
 * re-applied to every item in that status and every status change into it, then the flow dates of
 * the items whose history mentions it are derived again. One transaction.
 */
export function setUserStatusCategory(db: Database, status: string, category: StatusCategory): { items: number; transitions: number } {
  return db.transaction(() => {
    db.prepare(
      `INSERT INTO status_map (status, category, source) VALUES (?, ?, 'user')
       ON CONFLICT(status) DO UPDATE SET category = excluded.category, source = 'user'`,
    ).run(status, category);
    const items = db.prepare('UPDATE work_items SET status_category = ? WHERE status = ? COLLATE NOCASE').run(category, status).changes;
    const transitions = db.prepare('UPDATE status_transitions SET to_category = ? WHERE to_status = ? COLLATE NOCASE').run(category, status).changes;
    const affected = db.prepare('SELECT DISTINCT item_id FROM status_transitions WHERE to_status = ? COLLATE NOCASE').pluck().all(status) as number[];
    if (affected.length > 0) refreshFlowDates(db, affected);
    return { items, transitions };
  })();
}

/** Re-applies stored categories of the given statuses to items and history (after an import changed them mid-way). */
export function reapplyStatusCategories(db: Database, statuses: readonly string[]): void {
  const get = db.prepare('SELECT category FROM status_map WHERE status = ?').pluck();
  const items = db.prepare('UPDATE work_items SET status_category = ? WHERE status = ? COLLATE NOCASE');
  const transitions = db.prepare('UPDATE status_transitions SET to_category = ? WHERE to_status = ? COLLATE NOCASE');
  for (const status of statuses) {
    const category = get.get(status) as StatusCategory | undefined;
    if (!category) continue;
    items.run(category, status);
    transitions.run(category, status);
  }
}
