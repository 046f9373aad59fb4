import type { Database } from 'better-sqlite3';
import { computeItemFlow, type ItemFlow } from '../../../shared/metrics/item-flow';
import { groupTransitions, ItemColumnsBuilder, TransitionColumnsBuilder, type ItemColumns, type MetricsDataset } from '../../../shared/metrics/metrics-dataset';
import { changeCounter, keep, remembered } from '../store/workspace-memory';
import { isStorageRefusal } from '../store/sqlite-errors';
import { hasMetricsSnapshot, readMetricsSnapshot, writeMetricsSnapshot } from '../store/queries/metrics-snapshot';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_FORMAT, type SnapshotColumns } from './metrics-snapshot';
import { describeItemsById, expectedRows, deliveryTimeSpan, maxItemId, readDependencies, readDeployments, readIncidents, readTeams, scanItems, scanTransitions, type TeamRow } from './metrics-queries';

export interface LoadedMetrics {
  readonly dataset: MetricsDataset;
  /** Per-item facts from the histories; they depend on no filter, so they are computed once per load. */
  readonly flow: ItemFlow;
  /**
   * Where the items and status changes came from: the workspace's snapshot of them, their tables,
   * or the import that just wrote them (see `storeSnapshotAfterImport`).
   */
  readonly source: 'snapshot' | 'tables' | 'import';
}

/**
 * The status changes an import wrote, in the order it wrote them (so in row-id order), each with its
 * item's row id and its category's code: what a scan of status_transitions would read, when the
 * table held none before.
 */
export interface WrittenTransitions {
  /** The items' row ids; the snapshot turns them into item indexes in place, so the columns are used once. */
  readonly itemId: Int32Array;
  readonly at: Float64Array;
  readonly category: Uint8Array;
}

/**
 * The items an import wrote into a workspace that held none, by row id − 1 (ids 1 … n), each as it
 * last wrote it: its team's row id (NaN: none), type and category as codes (ITEM_TYPES,
 * STATUS_CATEGORIES), dates (NaN: none). What a scan of work_items would read.
 */
export interface WrittenItems {
  readonly teamId: Float64Array;
  readonly type: Uint8Array;
  readonly createdAt: Float64Array;
  readonly firstActiveAt: Float64Array;
  readonly doneAt: Float64Array;
  readonly category: Uint8Array;
}

const LOADED = 'metrics:loaded';
const COLUMNS = 'metrics:columns';

/** The work items and status changes as scanned, with the teams their indexes point into. */
export interface LoadedColumns {
  /** The teams in row-id order: `columns.items.team` indexes them. */
  readonly teams: readonly TeamRow[];
  readonly columns: SnapshotColumns;
  /** Where they came from: the workspace's snapshot of them, their tables, or the import that just wrote them. */
  readonly source: 'snapshot' | 'tables' | 'import';
  /** The workspace holds them as its snapshot (read from it, or stored — or tried to — after the scan). */
  readonly inSnapshot: boolean;
}

/**
 * The two big tables in columnar form, read in one pass (from the snapshot when it stands, else
 * from the tables) and remembered (workspace memory) until the data changes. The metrics and the
 * coordination advisor both read them, so whichever asks first loads them for the other. Columns
 * scanned from the tables are stored as the snapshot unless `store` is false: the advisor never
 * writes (a refused request that checks a scope against the advice must leave the file as it was),
 * so the next metrics load stores them instead.
 */
export function loadColumns(db: Database, options: { store?: boolean } = {}): LoadedColumns {
  const store = options.store ?? true;
  // Inside a transaction the rows read may yet be rolled back, which total_changes() would not
  // show: such a load is neither kept nor stored.
  const lasting = !db.inTransaction;
  let loaded = remembered<LoadedColumns>(db, COLUMNS);
  if (loaded && (loaded.inSnapshot || !store || !lasting)) return loaded;
  if (!loaded) {
    const teams = readTeams(db);
    const snapshot = readSnapshotColumns(db, teams);
    loaded = snapshot ? { teams, columns: snapshot, source: 'snapshot', inSnapshot: true } : { teams, columns: scanTables(db, teams), source: 'tables', inSnapshot: false };
  }
  if (!loaded.inSnapshot && store && lasting) {
    storeSnapshot(db, loaded.columns);
    loaded = { ...loaded, inSnapshot: true };
  }
  // Kept after the snapshot's write (which deletes and writes the snapshot row, not the data).
  return lasting ? keep(db, COLUMNS, loaded) : loaded;
}

/**
 * The workspace in columnar form, read in one pass over each table and remembered (workspace
 * memory) until the data changes (an import, a correction): changing a filter or window then costs
 * no I/O at all.
 */
export function loadMetrics(db: Database): LoadedMetrics {
  const cached = cachedMetrics(db);
  if (cached) return cached;
  const { teams, columns, source } = loadColumns(db);
  const dataset = datasetFrom(db, teams, columns);
  const loaded: LoadedMetrics = { dataset, flow: computeItemFlow(dataset), source };
  return db.inTransaction ? loaded : keep(db, LOADED, loaded);
}

/** What `loadMetrics` would answer without reading (the prefetch's result), or null when it would have to read. */
export function cachedMetrics(db: Database): LoadedMetrics | null {
  return remembered<LoadedMetrics>(db, LOADED) ?? null;
}

/** The dataset read from the tables alone (no snapshot read or written). */
export function readDataset(db: Database): MetricsDataset {
  const teams = readTeams(db);
  return datasetFrom(db, teams, scanTables(db, teams));
}

/** The stored snapshot, when there is one of this format and it was taken with the same teams. */
export function readSnapshotColumns(db: Database, teams: readonly TeamRow[]): SnapshotColumns | null {
  const bytes = readMetricsSnapshot(db, SNAPSHOT_FORMAT);
  const columns = bytes && decodeSnapshot(bytes);
  if (!columns || columns.teamIds.length !== teams.length || teams.some((t, i) => t.id !== columns.teamIds[i])) return null;
  return columns;
}

/**
 * Keeps the columns for the next open. A snapshot is only a shortcut, so failing to store one (a
 * read-only or full disk) leaves the workspace as it was and the answer unaffected.
 */
function storeSnapshot(db: Database, columns: SnapshotColumns): boolean {
  try {
    writeMetricsSnapshot(db, SNAPSHOT_FORMAT, encodeSnapshot(columns));
    return true;
  } catch (error) {
    // Nothing to undo: the statement either wrote the row or did not. Anything but a storage
    // refusal is a bug, and surfaces.
    if (!isStorageRefusal(error)) throw error;
    return false;
  }
}

/**
 * Stores the snapshot of the data as it stands, right after an import commits (while its pages are
 * still in memory), and keeps the loaded metrics in the workspace memory, so the first metrics call
 * after the import neither scans the tables nor reads the snapshot back. Its own transaction, after
 * the import's: SQLite may roll back a whole transaction on a full disk, and a snapshot that does not
 * fit must never cost the import. A snapshot still standing (the import changed no item or status
 * change) is kept, and loaded when asked.
 *
 * `written`: the status changes the import wrote, when status_transitions holds exactly those (it
 * held none before and the import re-categorised none afterwards). Reading a million of them back
 * costs a third of a second. `writtenItems`: likewise the items, when the workspace held none (each
 * as the writer last wrote it, a key given twice included) and nothing changed their dates or
 * categories after (~0.1 s at 100,000). The row ids are checked to run 1 … n, else the table is
 * scanned after all.
 */
export function storeSnapshotAfterImport(db: Database, written: WrittenTransitions | null = null, writtenItems: WrittenItems | null = null): void {
  if (db.inTransaction) throw new Error('storeSnapshotAfterImport must run after the import has committed');
  if (hasMetricsSnapshot(db)) return;
  const teams = readTeams(db);
  const items = (writtenItems && itemColumnsOfWritten(db, teams, writtenItems)) ?? scanItemColumns(db, teams);
  const columns = (written && columnsWithWritten(db, items, written)) ?? scanTables(db, teams, items);
  const stored = storeSnapshot(db, columns);
  // The advisor reads the same columns: kept for it too, so advice right after an import reads nothing back.
  keep(db, COLUMNS, { teams, columns, source: 'import', inSnapshot: stored } satisfies LoadedColumns);
  const dataset = datasetFrom(db, teams, columns);
  keep(db, LOADED, { dataset, flow: computeItemFlow(dataset), source: 'import' } satisfies LoadedMetrics);
}

/**
 * What `scanItemColumns` would read, taken from `written`; null unless work_items holds exactly the
 * rows 1 … n it describes (an item added in the same transaction by anything but the writer).
 */
function itemColumnsOfWritten(db: Database, teamRows: readonly TeamRow[], written: WrittenItems): ScannedItems | null {
  const [rows, last] = db.prepare('SELECT (SELECT count(*) FROM work_items), (SELECT max(id) FROM work_items)').raw().get() as [number, number | null];
  const n = written.type.length;
  if (rows !== n || (n > 0 && last !== n)) return null;
  const teamIndexById = new Map(teamRows.map((t, i) => [t.id, i]));
  const indexOf = new ItemIndexes(n);
  const items = new ItemColumnsBuilder(n);
  const orNull = (ms: number) => (Number.isNaN(ms) ? null : ms);
  for (let r = 0; r < n; r++) {
    const teamId = written.teamId[r]!;
    const team = Number.isNaN(teamId) ? -1 : (teamIndexById.get(teamId) ?? -1);
    indexOf.set(r + 1, items.push(r + 1, team, written.type[r]!, written.createdAt[r]!, orNull(written.firstActiveAt[r]!), orNull(written.doneAt[r]!), written.category[r]!));
  }
  return { teamIds: Float64Array.from(teamRows, (t) => t.id), items: items.finish(), indexOf };
}

/** What `scanTables` would read, with the status changes taken from `written`; null when the table does not hold exactly those. */
function columnsWithWritten(db: Database, scanned: ScannedItems, written: WrittenTransitions): SnapshotColumns | null {
  // Three subqueries, not one SELECT of all three: SQLite answers a lone count(*), min() or max() without walking the rows.
  const [rows, first, last] = db
    .prepare('SELECT (SELECT count(*) FROM status_transitions), (SELECT min(id) FROM status_transitions), (SELECT max(id) FROM status_transitions)')
    .raw()
    .get() as [number, number | null, number | null];
  const n = written.itemId.length;
  if (rows !== n || (n > 0 && (first !== 1 || last !== n))) return null;
  const { teamIds, items, indexOf } = scanned;
  // In place: a million changes' row ids are not needed once they are indexes.
  const item = written.itemId;
  for (let r = 0; r < n; r++) {
    const index = indexOf.get(item[r]!);
    if (index < 0) return null;
    item[r] = index;
  }
  return { teamIds, items, transitions: { item, at: written.at, category: written.category } };
}

/** Work items and status changes in one pass over each table, teams resolved to their indexes. */
export function scanTables(db: Database, teamRows: readonly TeamRow[], scanned: ScannedItems = scanItemColumns(db, teamRows)): SnapshotColumns {
  const { teamIds, items, indexOf } = scanned;
  const transitions = new TransitionColumnsBuilder(expectedRows(db).transitions);
  scanTransitions(db, (itemId, at, category) => {
    const index = indexOf.get(itemId);
    if (index < 0 || category < 0) return;
    transitions.push(index, at, category);
  });
  return { teamIds, items, transitions: transitions.recorded() };
}

interface ScannedItems {
  readonly teamIds: Float64Array;
  readonly items: ItemColumns;
  readonly indexOf: ItemIndexes;
}

/** The work items in one pass over their table, teams resolved to their indexes, with the row id → index map. */
function scanItemColumns(db: Database, teamRows: readonly TeamRow[]): ScannedItems {
  const teamIndexById = new Map(teamRows.map((t, i) => [t.id, i]));
  const teamIndex = (id: number | null) => (id === null ? -1 : (teamIndexById.get(id) ?? -1));
  const indexOf = new ItemIndexes(maxItemId(db));
  const items = new ItemColumnsBuilder(expectedRows(db).items);
  scanItems(db, (id, teamId, type, createdAt, firstActiveAt, doneAt, category) => {
    indexOf.set(id, items.push(id, teamIndex(teamId), type, createdAt, firstActiveAt, doneAt, category));
  });
  return { teamIds: Float64Array.from(teamRows, (t) => t.id), items: items.finish(), indexOf };
}

/** The dataset from scanned items and changes, with the smaller tables read as they are. */
function datasetFrom(db: Database, teamRows: readonly TeamRow[], columns: SnapshotColumns): MetricsDataset {
  const teamIndexById = new Map(teamRows.map((t, i) => [t.id, i]));
  const teamIndex = (id: number | null) => (id === null ? -1 : (teamIndexById.get(id) ?? -1));
  const { items: itemColumns, transitions: recorded } = columns;
  const indexOf = ItemIndexes.of(itemColumns.id);

  const delivery = deliveryTimeSpan(db);
  let first = delivery?.first ?? Number.POSITIVE_INFINITY;
  let last = delivery?.last ?? Number.NEGATIVE_INFINITY;
  for (const column of [itemColumns.createdAt, itemColumns.firstActiveAt, itemColumns.doneAt, recorded.at]) {
    // NaN (no date) never compares greater or less, so it is skipped.
    for (let i = 0; i < column.length; i++) {
      const t = column[i]!;
      if (t > last) last = t;
      if (t < first) first = t;
    }
  }

  // Deployments and incidents are read when first asked for: the Flow page, the first one most
  // people open, never asks, and on a first visit their 30,000 records at M cost it ~0.1 s of
  // reading and garbage collection on a busy machine. Read later, they must still be the rows the
  // rest was read from: a dataset is dropped from the workspace memory when the data changes, so
  // only code that kept one across its own write could ask too late, and that is a bug.
  const stamp = changeCounter(db);
  const later = <T>(what: string, read: () => T): (() => T) => {
    let value: T | undefined;
    return () => {
      if (value !== undefined) return value;
      if (changeCounter(db) !== stamp) throw new Error(`The metrics dataset's ${what} were asked for after the data changed`);
      return (value = read());
    };
  };
  const deployments = later('deployments', () => readDeployments(db, teamIndex));
  const incidents = later('incidents', () => readIncidents(db, teamIndex));

  return {
    teams: teamRows.map(({ key, name, valueStream }) => ({ key, name, valueStream })),
    items: itemColumns,
    transitions: groupTransitions(itemColumns, recorded),
    dependencies: readDependencies(db, (id) => indexOf.get(id), teamIndex),
    get deployments() {
      return deployments();
    },
    get incidents() {
      return incidents();
    },
    asOf: Number.isFinite(last) ? last : null,
    firstAt: Number.isFinite(first) ? first : null,
    describeItems: (indexes) => describeItemsById(db, indexes.map((i) => itemColumns.id[i]!)),
  };
}

/** Item row id → item index: a typed array, since ids are dense in practice; a Map when they are not. */
export class ItemIndexes {
  readonly #dense: Int32Array | null;
  readonly #sparse: Map<number, number> | null;
  constructor(maxId: number) {
    const dense = maxId <= 50_000_000;
    this.#dense = dense ? new Int32Array(maxId + 1).fill(-1) : null;
    this.#sparse = dense ? null : new Map();
  }
  /** The indexes of `ids` (item i has row id ids[i]). */
  static of(ids: Float64Array): ItemIndexes {
    let maxId = 0;
    for (let i = 0; i < ids.length; i++) if (ids[i]! > maxId) maxId = ids[i]!;
    const indexes = new ItemIndexes(maxId);
    for (let i = 0; i < ids.length; i++) indexes.set(ids[i]!, i);
    return indexes;
  }
  set(id: number, index: number): void {
    if (this.#dense) this.#dense[id] = index;
    else this.#sparse!.set(id, index);
  }
  /** −1 for an id that is not an item. */
  get(id: number): number {
    return this.#dense ? (this.#dense[id] ?? -1) : (this.#sparse!.get(id) ?? -1);
  }
}
