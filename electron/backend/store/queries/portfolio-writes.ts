import type { Database, Statement } from 'better-sqlite3';
import type { Dependency, Deployment, Incident, Objective, Portfolio, StatusTransition, Team, WorkItem } from '../../../../shared/domain/entities';
import { defaultCategoryFor } from '../../../../shared/domain/status-categories';
import { ITEM_TYPES, STATUS_CATEGORIES, type StatusCategory } from '../../../../shared/domain/vocabulary';
import { toEpochMs, toEpochMsOrNull } from '../../../../shared/domain/time';
import { EntityCounts } from '../../../../shared/domain/entities';
import type {
  SprintRecord,
  ReleaseRecord,
  DependencyRecord,
  DeploymentRecord,
  IncidentRecord,
  ItemRecord,
  ObjectiveRecord,
  UnsaidItemField,
  TeamRecord,
  TransitionRecord,
} from '../../../../shared/import/import-records';
import { fromWorkItem } from '../../../../shared/import/import-records';
import { withoutSnapshotTriggers } from './metrics-snapshot';
import { linkDependencyItems, unlinkedDependencyItemKeys } from './dependency-items';
import type { WrittenItems } from '../../metrics/metrics-dataset-loader';

// Writers upsert by source key, so re-importing an export updates rows instead of duplicating them.
// None opens a transaction: callers wrap a whole import (or the demo) in one, so it lands whole or not at all.
// `PortfolioWriter` is the one place rows are written: prepared once, fed epoch-ms records one by
// one (the import streams a million of them through it); the entity-array functions below adapt to it.

export function teamIdsByKey(db: Database): Map<string, number> {
  const rows = db.prepare('SELECT id, key FROM teams').all() as { id: number; key: string }[];
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** Resolves team keys to ids, creating a bare team (name = key) for a key not seen before. */
export function teamResolver(db: Database): (key: string | null) => number | null {
  const ids = teamIdsByKey(db);
  const insert = db.prepare('INSERT INTO teams (key, name, value_stream) VALUES (?, ?, NULL) RETURNING id');
  return (key) => {
    if (key === null) return null;
    let id = ids.get(key);
    if (id === undefined) {
      id = (insert.get(key, key) as { id: number }).id;
      ids.set(key, id);
    }
    return id;
  };
}

/** The workspace's status → category mapping, adding a default guess for each status not yet mapped. */
export function statusCategoryResolver(db: Database): (status: string) => StatusCategory {
  const rows = db.prepare('SELECT status, category FROM status_map').all() as { status: string; category: StatusCategory }[];
  const known = new Map(rows.map((r) => [r.status.toLowerCase(), r.category]));
  const insert = db.prepare(`INSERT OR IGNORE INTO status_map (status, category, source) VALUES (?, ?, 'default')`);
  return (status) => {
    const lower = status.toLowerCase();
    let category = known.get(lower);
    if (category === undefined) {
      category = defaultCategoryFor(status);
      insert.run(status, category);
      known.set(lower, category);
    }
    return category;
  };
}

/** Records a status category the source system stated (e.g. Jira's statusCategory), unless a person chose one. */
export function recordSourceStatusCategory(db: Database, status: string, category: StatusCategory): void {
  db.prepare(
    `INSERT INTO status_map (status, category, source) VALUES (?, ?, 'source')
     ON CONFLICT(status) DO UPDATE SET category = excluded.category, source = 'source' WHERE status_map.source <> 'user'`,
  ).run(status, category);
}

/** Rows inserted per statement: multi-row INSERTs run two to three times as fast as one row each. */
const BATCH_ROWS = 50;

/**
 * Rows for one statement, inserted `BATCH_ROWS` at a time. `values` holds `width` parameters per
 * row, in order; what is left of a batch at the end is written one row per statement.
 */
class RowBatch {
  readonly values: unknown[] = [];
  readonly #many: Statement;
  readonly #one: Statement;

  constructor(
    db: Database,
    head: string,
    row: string,
    readonly width: number,
    tail = '',
  ) {
    this.#one = db.prepare(`${head} VALUES ${row}${tail}`);
    this.#many = db.prepare(`${head} VALUES ${Array(BATCH_ROWS).fill(row).join(', ')}${tail}`);
  }

  get full(): boolean {
    return this.values.length >= this.width * BATCH_ROWS;
  }

  runFull(): void {
    this.#many.run(this.values);
    this.values.length = 0;
  }

  flush(): void {
    const values = this.values;
    for (let i = 0; i < values.length; i += this.width) this.#one.run(values.slice(i, i + this.width));
    values.length = 0;
  }
}

const row = (n: number) => `(${Array(n).fill('?').join(', ')})`;

const ITEM_TYPE_SET: ReadonlySet<string> = new Set(ITEM_TYPES);
const CATEGORY_SET: ReadonlySet<string> = new Set(STATUS_CATEGORIES);

/**
 * The CHECK constraints of work_items and status_transitions, as the writer checks them itself
 * (see `withoutSqlChecks`; a test compares this list with the schema).
 */
export const WRITER_CHECKED_CONSTRAINTS = {
  work_items: ['type', 'status_category'],
  status_transitions: ['to_category'],
} as const;

function notStorable(what: string, value: unknown): never {
  throw new Error(`Interlock tried to store ${what} ${JSON.stringify(value)}, which the workspace does not take; nothing was written.`);
}

// A source silent on size or sprint (null) keeps what the workspace holds.
const ITEM_UPDATE = `UPDATE work_items SET title = ?, type = ?, team_id = ?, status = ?, status_category = ?, created_at = ?,
  first_active_at = ?, done_at = ?, parent_key = ?, size = coalesce(?, size), sprint = coalesce(?, sprint) WHERE id = ?`;

/**
 * Prepared writes for every entity, fed one record at a time. New rows are buffered and inserted
 * many per statement, with ids this writer assigns (no RETURNING round trip); a record whose key the
 * workspace already holds is updated in place at once. Buffers are written in dependency order
 * (items before their status changes, deployments before their items), and before any statement
 * that reads them: call `flush()` when done, before reading the tables back.
 */
export class PortfolioWriter {
  readonly #teamIds: Map<string, number>;
  /** Every item key of the workspace and of this writer, with its id. */
  readonly #itemIds = new Map<string, number>();
  /** The team of each of those items (by id), as this writer leaves it: a dependency without a team takes its item's. */
  readonly #itemTeams = new Map<number, number | null>();
  /**
   * Item keys that dependencies name without the item being there (their from_item_id is NULL): an
   * item of such a key makes `flush` link them (linkDependencyItems).
   */
  readonly #unlinkedItemKeys: Set<string>;
  #linkPending = false;
  #lastItemId: number;
  readonly #deploymentIds: Map<string, number>;
  #lastDeploymentId: number;
  readonly #s: Record<string, Statement>;
  /** Items that had a history before this writer started (only those need it deleted). */
  readonly #hadHistory: Set<number>;
  /** Items whose history this writer replaced. */
  readonly historyItems = new Set<number>();
  readonly #items: RowBatch;
  readonly #itemObjectives: RowBatch;
  readonly #transitions: RowBatch;
  /** Status changes as numbers into `temp.import_statuses` (see `statusList`), or null until it is made. */
  #codedTransitions: RowBatch | null = null;
  readonly #dependencies: RowBatch;
  readonly #deployments: RowBatch;
  readonly #deploymentItems: RowBatch;
  readonly #incidents: RowBatch;
  /** In the order they must be written: what a row refers to comes first. */
  readonly #batches: RowBatch[];

  constructor(
    readonly db: Database,
    readonly categoryOf: (status: string) => StatusCategory,
  ) {
    this.#teamIds = teamIdsByKey(db);
    this.#unlinkedItemKeys = unlinkedDependencyItemKeys(db);
    for (const [id, key, teamId] of db.prepare('SELECT id, key, team_id FROM work_items').raw().iterate() as IterableIterator<[number, string, number | null]>) {
      this.#itemIds.set(key, id);
      this.#itemTeams.set(id, teamId);
    }
    this.#lastItemId = db.prepare('SELECT coalesce(max(id), 0) FROM work_items').pluck().get() as number;
    this.#deploymentIds = new Map(db.prepare('SELECT key, id FROM deployments').raw().all() as [string, number][]);
    this.#lastDeploymentId = db.prepare('SELECT coalesce(max(id), 0) FROM deployments').pluck().get() as number;
    this.#hadHistory = new Set(db.prepare('SELECT DISTINCT item_id FROM status_transitions').pluck().all() as number[]);
    this.#s = {
      bareTeam: db.prepare('INSERT INTO teams (key, name, value_stream) VALUES (?, ?, NULL) RETURNING id'),
      team: db.prepare(
        `INSERT INTO teams (key, name, value_stream) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET name = excluded.name, value_stream = excluded.value_stream RETURNING id`,
      ),
      updateItem: db.prepare(ITEM_UPDATE),
      doneAt: db.prepare('SELECT done_at FROM work_items WHERE id = ?').pluck(),
      storedItem: db.prepare('SELECT w.title, t.key, w.first_active_at, w.done_at, w.parent_key FROM work_items w LEFT JOIN teams t ON t.id = w.team_id WHERE w.id = ?').raw(),
      storedObjectiveParent: db.prepare('SELECT parent_key FROM objectives WHERE key = ?').raw(),
      // Links a planner made (source 'plan') outlive a re-import of the item.
      clearObjectives: db.prepare(`DELETE FROM item_objectives WHERE item_id = ? AND source = 'import'`),
      clearHistory: db.prepare('DELETE FROM status_transitions WHERE item_id = ?'),
      deployment: db.prepare(
        `UPDATE deployments SET team_id = ?, service = ?, at = ?, succeeded = ?, change_at = ?, release = ? WHERE id = ?`,
      ),
      clearDeploymentItems: db.prepare('DELETE FROM deployment_items WHERE deployment_id = ?'),
      objective: db.prepare(
        `INSERT INTO objectives (key, title, level, parent_key) VALUES (?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET title = excluded.title, level = excluded.level, parent_key = excluded.parent_key
         RETURNING id`,
      ),
      clearObjectiveTeams: db.prepare('DELETE FROM objective_teams WHERE objective_id = ?'),
      sprint: db.prepare(
        `INSERT INTO sprints (name, start_at, end_at) VALUES (?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET start_at = coalesce(excluded.start_at, start_at), end_at = coalesce(excluded.end_at, end_at)`,
      ),
      release: db.prepare(
        `INSERT INTO releases (name, released_at) VALUES (?, ?)
         ON CONFLICT(name) DO UPDATE SET released_at = coalesce(excluded.released_at, released_at) RETURNING id`,
      ),
      clearItemReleases: db.prepare('DELETE FROM item_releases WHERE item_id = ?'),
      linkItemRelease: db.prepare('INSERT OR IGNORE INTO item_releases (item_id, release_id) VALUES (?, ?)'),
      linkObjectiveTeam: db.prepare('INSERT OR IGNORE INTO objective_teams (objective_id, team_id) VALUES (?, ?)'),
    };
    this.#items = new RowBatch(
      db,
      'INSERT INTO work_items (id, key, title, type, team_id, status, status_category, created_at, first_active_at, done_at, parent_key, size, sprint)',
      row(13),
      13,
    );
    this.#itemObjectives = new RowBatch(db, 'INSERT OR IGNORE INTO item_objectives (item_id, objective_key)', row(2), 2);
    this.#transitions = new RowBatch(db, 'INSERT INTO status_transitions (item_id, from_status, to_status, to_category, at)', row(5), 5);
    // No `(SELECT team_id FROM work_items WHERE key = ?)` for a missing team in here: in a multi-row
    // VALUES such subqueries made the insert three to five times slower (`dependency` looks it up).
    this.#dependencies = new RowBatch(
      db,
      'INSERT INTO dependencies (key, from_item_key, from_item_id, from_team_id, to_item_key, to_team_id, kind, interface_name, created_at, needed_by, resolved_at)',
      row(11),
      11,
      ` ON CONFLICT(key) DO UPDATE SET from_item_key = excluded.from_item_key, from_item_id = excluded.from_item_id, from_team_id = excluded.from_team_id,
           to_item_key = excluded.to_item_key, to_team_id = excluded.to_team_id, kind = excluded.kind,
           interface_name = excluded.interface_name, created_at = excluded.created_at, needed_by = excluded.needed_by,
           resolved_at = excluded.resolved_at`,
    );
    this.#deployments = new RowBatch(db, 'INSERT INTO deployments (id, key, team_id, service, at, succeeded, change_at, release)', row(8), 8);
    this.#deploymentItems = new RowBatch(db, 'INSERT OR IGNORE INTO deployment_items (deployment_id, item_key)', row(2), 2);
    // A re-import never overwrites an attribution the user corrected by hand.
    this.#incidents = new RowBatch(
      db,
      'INSERT INTO incidents (key, team_id, service, opened_at, resolved_at, caused_by_deployment_key)',
      row(6),
      6,
      ` ON CONFLICT(key) DO UPDATE SET team_id = excluded.team_id, service = excluded.service, opened_at = excluded.opened_at,
           resolved_at = excluded.resolved_at,
           caused_by_deployment_key = CASE WHEN incidents.attribution = 'user' THEN incidents.caused_by_deployment_key
                                           ELSE excluded.caused_by_deployment_key END`,
    );
    this.#batches = [this.#items, this.#itemObjectives, this.#transitions, this.#dependencies, this.#deployments, this.#deploymentItems, this.#incidents];
  }

  /**
   * Runs `write` with SQLite's CHECK constraints off, for the bulk insert of items and status
   * changes. Their only CHECKs (work_items.type and .status_category, status_transitions.to_category:
   * WRITER_CHECKED_CONSTRAINTS) are "IN (list)", which SQLite evaluates per row through an ephemeral
   * index, about a third of the cost of inserting a status change; `item` and `transitionRow` check
   * the same values themselves, always, and throw (rolling the transaction back) on anything else.
   * Nothing but items, their objective links, bare teams and status changes may be written inside.
   * The metrics snapshot is deleted once up front instead of by a trigger per row (see
   * `withoutSnapshotTriggers`).
   */
  withoutSqlChecks<T>(write: () => T): T {
    this.flush();
    const before = this.db.pragma('ignore_check_constraints', { simple: true }) as number;
    this.db.pragma('ignore_check_constraints = ON');
    try {
      return withoutSnapshotTriggers(this.db, () => {
        const result = write();
        this.flush();
        return result;
      });
    } finally {
      this.db.pragma(`ignore_check_constraints = ${before ? 'ON' : 'OFF'}`);
    }
  }

  /** Secondary indexes dropped by `deferIndexes`, as created: rebuilt by `rebuildIndexes`. */
  #deferredIndexes: string[] = [];

  /**
   * Before inserting `rows` rows into `table` (items or dependencies) when it holds fewer: drops its
   * secondary indexes, so that `rebuildIndexes` (call it before the transaction ends) builds them
   * once, sorted, instead of updating them row by row. Inside the caller's transaction, so an error
   * rolls the drop back with everything else. The items' key index (work_items_key, migration 010)
   * goes too: nothing upserts items by key (this writer holds each key once, with its id, and a
   * second record of a key updates the first by id), and nothing looks an item up by key until
   * `rebuildIndexes` (`flush` leaves the linking of dependencies to it). The dependencies' unique
   * key stays, a constraint: their upserts need it.
   */
  deferIndexes(table: 'work_items' | 'dependencies', rows: number): void {
    const held = table === 'work_items' ? this.#itemIds.size : (this.db.prepare('SELECT count(*) FROM dependencies').pluck().get() as number);
    if (rows <= held) return;
    const indexes = this.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").raw().all(table) as [string, string][];
    this.flush();
    for (const [name, sql] of indexes) {
      this.db.exec(`DROP INDEX "${name}"`);
      this.#deferredIndexes.push(sql);
    }
  }

  /**
   * Makes sure the dependencies written with `resolvedWhenDone` hold the done date of the item they
   * wait on (none while it is open or unknown), and never one before the dependency was raised: a
   * link added after that item was done resolved at once. `dependency` writes each with the done
   * date this writer knows then; call this once every item and done date of the import is written,
   * with `doneDatesChanged` true when the caller changed done dates itself since (flow dates stored
   * or refreshed, statuses re-categorised): only then, or when items were written after such a
   * dependency, are they looked up again in the table.
   */
  resolveDependenciesWhenDone(doneDatesChanged: boolean): void {
    this.flush();
    const keys = this.#resolvedWhenDone;
    const reread = doneDatesChanged || this.#itemsAfterResolvedWhenDone;
    this.#itemsAfterResolvedWhenDone = false;
    if (keys.size === 0 || !reread) {
      keys.clear();
      return;
    }
    // SQLite's max() of two values is NULL when either is: an open item leaves it open.
    this.db
      .prepare(
        `UPDATE dependencies SET resolved_at = max(created_at, (SELECT w.done_at FROM work_items w WHERE w.key = dependencies.to_item_key))
         WHERE key IN (SELECT value FROM json_each(?))`,
      )
      .run(JSON.stringify([...keys]));
    keys.clear();
  }

  /**
   * The done date of item `key` as this writer leaves it so far (null: open, or no such item), for
   * a dependency that resolves when it is done. Items it wrote are held here; others are read.
   */
  #doneAtOf(key: string | null): number | null {
    const id = key === null ? undefined : this.#itemIds.get(key);
    if (id === undefined) return null;
    const held = this.#doneAt.get(id);
    if (held !== undefined) return held;
    return this.#s.doneAt!.get(id) as number | null;
  }

  /** Writes the buffered rows and builds the indexes `deferIndexes` dropped. */
  rebuildIndexes(): void {
    this.flush();
    for (const sql of this.#deferredIndexes) this.db.exec(sql);
    this.#deferredIndexes = [];
    // The linking `flush` put off while the items' key index was gone.
    this.flush();
  }

  /**
   * Makes `statuses` (with the category of each, for the statuses changes enter) the list that
   * `codedTransitionRow` numbers into, for the rest of the transaction. Binding a status as a
   * number and letting SQLite copy its name from this list costs less than binding three strings a
   * row (about 15 % of a million inserts' time); the rows written are the same. Call `flush` and
   * `dropStatusList` when done, before the transaction ends.
   */
  statusList(statuses: readonly string[], categories: readonly StatusCategory[]): void {
    this.flush();
    for (const category of categories) if (!CATEGORY_SET.has(category)) notStorable('the status category', category);
    this.db.exec('CREATE TEMP TABLE import_statuses (code INTEGER PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL)');
    const insert = this.db.prepare('INSERT INTO temp.import_statuses (code, name, category) VALUES (?, ?, ?)');
    statuses.forEach((name, code) => insert.run(code, name, categories[code]!));
    // CROSS JOIN keeps the VALUES as the outer loop, so the rows are inserted (and numbered) in their order.
    this.#codedTransitions = new RowBatch(
      this.db,
      'INSERT INTO status_transitions (item_id, from_status, to_status, to_category, at) SELECT v.column1, f.name, t.name, t.category, v.column4 FROM (',
      row(4),
      4,
      ') AS v CROSS JOIN temp.import_statuses AS t ON t.code = v.column3 LEFT JOIN temp.import_statuses AS f ON f.code = v.column2',
    );
    this.#batches.splice(this.#batches.indexOf(this.#transitions) + 1, 0, this.#codedTransitions);
  }

  /** Writes the coded status changes and drops the list `statusList` made. */
  dropStatusList(): void {
    if (!this.#codedTransitions) return;
    this.flush();
    this.#batches.splice(this.#batches.indexOf(this.#codedTransitions), 1);
    this.#codedTransitions = null;
    this.db.exec('DROP TABLE temp.import_statuses');
  }

  /**
   * Adds one status change of an item whose history `replaceHistory` started replacing, its
   * statuses as indexes into the list given to `statusList` (`from` −1: none).
   */
  codedTransitionRow(itemId: number, from: number, to: number, at: number): void {
    const batch = this.#codedTransitions!;
    batch.values.push(itemId, from === -1 ? null : from, to, at);
    this.#pushed(batch);
  }

  /** Call after pushing a row's values: runs a full batch, after the partial batches it may refer to. */
  #pushed(batch: RowBatch): void {
    if (!batch.full) return;
    for (const b of this.#batches) {
      if (b === batch) break;
      b.flush();
    }
    batch.runFull();
  }

  /** Writes every buffered row, and links dependencies to the items that arrived after them. */
  flush(): void {
    for (const b of this.#batches) b.flush();
    // It looks items up by key: not while their key index is dropped (`rebuildIndexes` does it).
    if (this.#linkPending && this.#deferredIndexes.length === 0) {
      linkDependencyItems(this.db);
      this.#linkPending = false;
    }
  }

  /** The record with the stored values of the fields its source has no column for. */
  #withStored(record: ItemRecord, id: number): ItemRecord {
    this.flush();
    const [title, teamKey, firstActiveAt, doneAt, parentKey] = this.#s.storedItem!.get(id) as [string, string | null, number | null, number | null, string | null];
    const stored = { title, teamKey, firstActiveAt, doneAt, parentKey };
    const merged = { ...record };
    for (const field of record.unsaid!) (merged as Record<UnsaidItemField, unknown>)[field] = stored[field];
    return merged;
  }

  /** The id of a team key, creating a bare team (name = key) for a key not seen before. */
  #team(key: string | null): number | null {
    if (key === null) return null;
    let id = this.#teamIds.get(key);
    if (id === undefined) {
      id = (this.#s.bareTeam!.get(key, key) as { id: number }).id;
      this.#teamIds.set(key, id);
    }
    return id;
  }

  team(t: TeamRecord): void {
    const { id } = this.#s.team!.get(t.key, t.name, t.valueStream) as { id: number };
    this.#teamIds.set(t.key, id);
  }

  objective(o: ObjectiveRecord): void {
    // A column the source lacks keeps what the workspace holds (parent, teams); a new objective has none.
    const stored = o.unsaid === undefined ? undefined : (this.#s.storedObjectiveParent!.get(o.key) as [string | null] | undefined);
    const parentKey = stored !== undefined && o.unsaid!.includes('parentKey') ? stored[0] : o.parentKey;
    const { id } = this.#s.objective!.get(o.key, o.title, o.level, parentKey) as { id: number };
    if (stored !== undefined && o.unsaid!.includes('teamKeys')) return;
    this.#s.clearObjectiveTeams!.run(id);
    for (const key of o.teamKeys) this.#s.linkObjectiveTeam!.run(id, this.#team(key));
  }

  /** A sprint and its dates (Jira's REST answers carry them); dates a later record leaves out are kept. */
  sprint(s: SprintRecord): void {
    this.#s.sprint!.run(s.name, s.start, s.end);
  }

  readonly #releaseIds = new Map<string, number>();

  /** A release and its date; a date a later record leaves out is kept. */
  release(r: ReleaseRecord): number {
    const id = (this.#s.release!.get(r.name, r.releasedAt) as { id: number }).id;
    this.#releaseIds.set(r.name, id);
    return id;
  }

  /**
   * Replaces the releases an item ships in with `names` (the source's list is the whole truth for
   * that item); releases not seen before are created without a date. Call after `flush()`.
   */
  itemReleases(itemKey: string, names: readonly string[]): void {
    const itemId = this.#itemIds.get(itemKey);
    if (itemId === undefined) return;
    this.#s.clearItemReleases!.run(itemId);
    for (const name of names) {
      const releaseId = this.#releaseIds.get(name) ?? this.release({ name, releasedAt: null });
      this.#s.linkItemRelease!.run(itemId, releaseId);
    }
  }

  /** Inserts an item, or updates the one with its key (the last record of a key wins). Returns its id. */
  item(record: ItemRecord): number {
    const known = this.#itemIds.get(record.key);
    const i = known !== undefined && record.unsaid !== undefined ? this.#withStored(record, known) : record;
    const teamId = this.#team(i.teamKey);
    const category = this.categoryOf(i.status);
    if (!ITEM_TYPE_SET.has(i.type)) notStorable('the item type', i.type);
    if (!CATEGORY_SET.has(category)) notStorable('the status category', category);
    if (this.#resolvedWhenDone.size > 0) this.#itemsAfterResolvedWhenDone = true;
    let id = this.#itemIds.get(i.key);
    if (id === undefined) {
      id = ++this.#lastItemId;
      this.#itemIds.set(i.key, id);
      if (this.#unlinkedItemKeys.delete(i.key)) this.#linkPending = true;
      this.#itemTeams.set(id, teamId);
      this.#doneAt.set(id, i.doneAt);
      if (this.#written) this.#record(id, teamId, i, category);
      this.#items.values.push(id, i.key, i.title, i.type, teamId, i.status, category, i.createdAt, i.firstActiveAt, i.doneAt, i.parentKey, i.size ?? null, i.sprint ?? null);
      this.#pushed(this.#items);
      if (i.objectiveKeys !== null) {
        for (const key of i.objectiveKeys) {
          this.#itemObjectives.values.push(id, key);
          this.#pushed(this.#itemObjectives);
        }
      }
      return id;
    }
    this.flush();
    this.#s.updateItem!.run(i.title, i.type, teamId, i.status, category, i.createdAt, i.firstActiveAt, i.doneAt, i.parentKey, i.size ?? null, i.sprint ?? null, id);
    this.#itemTeams.set(id, teamId);
    this.#doneAt.set(id, i.doneAt);
    if (this.#written) this.#record(id, teamId, i, category);
    if (i.objectiveKeys !== null) {
      this.#s.clearObjectives!.run(id);
      for (const key of i.objectiveKeys) {
        this.#itemObjectives.values.push(id, key);
        this.#pushed(this.#itemObjectives);
      }
    }
    return id;
  }

  /** The columns of the items written, by id − 1, from `recordItems` on. */
  #written: { -readonly [K in keyof WrittenItems]: WrittenItems[K] } | null = null;

  /**
   * Into a workspace without items: keeps each item written from here on (at most `capacity`) as
   * it leaves it, for `writtenItems`, so that the metrics snapshot need not read them back.
   */
  recordItems(capacity: number): void {
    if (this.#lastItemId !== 0) return;
    this.#written = {
      teamId: new Float64Array(capacity),
      type: new Uint8Array(capacity),
      createdAt: new Float64Array(capacity),
      firstActiveAt: new Float64Array(capacity),
      doneAt: new Float64Array(capacity),
      category: new Uint8Array(capacity),
    };
  }

  /** The items written since `recordItems` into an empty workspace, ids 1 … n; null when not recorded. */
  writtenItems(): WrittenItems | null {
    const w = this.#written;
    if (!w || this.#lastItemId > w.type.length) return null;
    const n = this.#lastItemId;
    return {
      teamId: w.teamId.subarray(0, n),
      type: w.type.subarray(0, n),
      createdAt: w.createdAt.subarray(0, n),
      firstActiveAt: w.firstActiveAt.subarray(0, n),
      doneAt: w.doneAt.subarray(0, n),
      category: w.category.subarray(0, n),
    };
  }

  #record(id: number, teamId: number | null, i: ItemRecord, category: StatusCategory): void {
    const w = this.#written!;
    const r = id - 1;
    if (r >= w.type.length) return; // more than announced: `writtenItems` answers null
    w.teamId[r] = teamId ?? Number.NaN;
    w.type[r] = ITEM_TYPES.indexOf(i.type);
    w.createdAt[r] = i.createdAt;
    w.firstActiveAt[r] = i.firstActiveAt ?? Number.NaN;
    w.doneAt[r] = i.doneAt ?? Number.NaN;
    w.category[r] = STATUS_CATEGORIES.indexOf(category);
  }

  itemId(key: string): number | undefined {
    return this.#itemIds.get(key);
  }

  /**
   * Starts replacing an item's stored history (an export carries an item's whole history, so
   * merging would duplicate it): deletes what it had, once per writer. True the first time.
   */
  replaceHistory(id: number): boolean {
    if (this.historyItems.has(id)) return false;
    this.historyItems.add(id);
    if (this.#hadHistory.has(id)) {
      this.flush();
      this.#s.clearHistory!.run(id);
    }
    return true;
  }

  /** Adds one status change of an item whose history `replaceHistory` started replacing. */
  transitionRow(itemId: number, fromStatus: string | null, toStatus: string, category: StatusCategory, at: number): void {
    if (!CATEGORY_SET.has(category)) notStorable('the status category', category);
    this.#transitions.values.push(itemId, fromStatus, toStatus, category, at);
    this.#pushed(this.#transitions);
  }

  /**
   * Adds one status change. The first change of an item this writer sees replaces that item's
   * stored history. False when the item does not exist.
   */
  transition(t: TransitionRecord): boolean {
    const id = this.itemId(t.itemKey);
    if (id === undefined) return false;
    this.replaceHistory(id);
    this.transitionRow(id, t.fromStatus, t.toStatus, this.categoryOf(t.toStatus), t.at);
    return true;
  }

  /** A dependency whose team is not given takes the team of its item, if the item is known. */
  #teamOfItem(key: string | null): number | null {
    const id = key === null ? undefined : this.#itemIds.get(key);
    return id === undefined ? null : (this.#itemTeams.get(id) ?? null);
  }

  /** Keys of dependencies that resolve when their item waited on is done (`resolvedWhenDone`); the last record of a key decides. */
  readonly #resolvedWhenDone = new Set<string>();
  /** An item was written after such a dependency, whose done date may then be stale (see `resolveDependenciesWhenDone`). */
  #itemsAfterResolvedWhenDone = false;
  /** The done date of each item this writer wrote, by id. */
  readonly #doneAt = new Map<number, number | null>();

  dependency(d: DependencyRecord): void {
    let resolvedAt = d.resolvedAt;
    if (d.resolvedAt === null && d.resolvedWhenDone) {
      this.#resolvedWhenDone.add(d.key);
      const doneAt = this.#doneAtOf(d.toItemKey);
      // As SQLite's max(created_at, done_at) in resolveDependenciesWhenDone: null while open.
      resolvedAt = doneAt === null ? null : Math.max(d.createdAt, doneAt);
    } else this.#resolvedWhenDone.delete(d.key);
    const fromItemId = d.fromItemKey === null ? undefined : this.#itemIds.get(d.fromItemKey);
    if (d.fromItemKey !== null && fromItemId === undefined) this.#unlinkedItemKeys.add(d.fromItemKey);
    this.#dependencies.values.push(
      d.key,
      d.fromItemKey,
      fromItemId ?? null,
      this.#team(d.fromTeamKey) ?? this.#teamOfItem(d.fromItemKey),
      d.toItemKey,
      this.#team(d.toTeamKey) ?? this.#teamOfItem(d.toItemKey),
      d.kind,
      d.interfaceName,
      d.createdAt,
      d.neededBy,
      resolvedAt,
    );
    this.#pushed(this.#dependencies);
  }

  deployment(d: DeploymentRecord): void {
    const teamId = this.#team(d.teamKey);
    let id = this.#deploymentIds.get(d.key);
    if (id === undefined) {
      id = ++this.#lastDeploymentId;
      this.#deploymentIds.set(d.key, id);
      this.#deployments.values.push(id, d.key, teamId, d.service, d.at, d.succeeded ? 1 : 0, d.changeAt, d.release);
      this.#pushed(this.#deployments);
    } else {
      this.flush();
      this.#s.deployment!.run(teamId, d.service, d.at, d.succeeded ? 1 : 0, d.changeAt, d.release, id);
      this.#s.clearDeploymentItems!.run(id);
    }
    for (const key of d.itemKeys) {
      this.#deploymentItems.values.push(id, key);
      this.#pushed(this.#deploymentItems);
    }
  }

  incident(i: IncidentRecord): void {
    this.#incidents.values.push(i.key, this.#team(i.teamKey), i.service, i.openedAt, i.resolvedAt, i.causedByDeploymentKey);
    this.#pushed(this.#incidents);
  }
}

const teamRecord = (t: Team): TeamRecord => ({ ...t, line: null });
const objectiveRecord = (o: Objective): ObjectiveRecord => ({ ...o, line: null });
const itemRecord = fromWorkItem;

export function upsertTeams(db: Database, teams: readonly Team[]): void {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  for (const t of teams) writer.team(teamRecord(t));
}

export function upsertItems(db: Database, items: readonly WorkItem[]): void {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  for (const i of items) writer.item(itemRecord(i));
  writer.flush();
}

/**
 * Replaces the whole status history of every item that appears in `transitions`. Transitions of
 * unknown items are skipped and counted; importers warn about them before they get here.
 */
export function replaceTransitions(db: Database, transitions: readonly StatusTransition[]): { written: number; skipped: number } {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  let written = 0;
  for (const t of transitions) if (writer.transition({ itemKey: t.itemKey, fromStatus: t.fromStatus, toStatus: t.toStatus, at: toEpochMs(t.at), line: null })) written++;
  writer.flush();
  return { written, skipped: transitions.length - written };
}

const dependencyRecord = (d: Dependency): DependencyRecord => ({
  ...d,
  createdAt: toEpochMs(d.createdAt),
  neededBy: toEpochMsOrNull(d.neededBy),
  resolvedAt: toEpochMsOrNull(d.resolvedAt),
  line: null,
});
const deploymentRecord = (d: Deployment): DeploymentRecord => ({ ...d, at: toEpochMs(d.at), changeAt: toEpochMsOrNull(d.changeAt), line: null });
const incidentRecord = (i: Incident): IncidentRecord => ({ ...i, openedAt: toEpochMs(i.openedAt), resolvedAt: toEpochMsOrNull(i.resolvedAt), line: null });

export function upsertDependencies(db: Database, dependencies: readonly Dependency[]): void {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  for (const d of dependencies) writer.dependency(dependencyRecord(d));
  writer.flush();
}

export function upsertDeployments(db: Database, deployments: readonly Deployment[]): void {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  for (const d of deployments) writer.deployment(deploymentRecord(d));
  writer.flush();
}

export function upsertIncidents(db: Database, incidents: readonly Incident[]): void {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  for (const i of incidents) writer.incident(incidentRecord(i));
  writer.flush();
}

export function upsertObjectives(db: Database, objectives: readonly Objective[]): void {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  for (const o of objectives) writer.objective(objectiveRecord(o));
}

/** Writes a whole portfolio in dependency order (teams first). The caller owns the transaction. */
export function writePortfolio(db: Database, portfolio: Portfolio): EntityCounts {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  for (const t of portfolio.teams) writer.team(teamRecord(t));
  for (const o of portfolio.objectives) writer.objective(objectiveRecord(o));
  for (const i of portfolio.items) writer.item(itemRecord(i));
  let transitions = 0;
  for (const t of portfolio.transitions) if (writer.transition({ itemKey: t.itemKey, fromStatus: t.fromStatus, toStatus: t.toStatus, at: toEpochMs(t.at), line: null })) transitions++;
  writer.flush();
  for (const d of portfolio.dependencies) writer.dependency(dependencyRecord(d));
  for (const d of portfolio.deployments) writer.deployment(deploymentRecord(d));
  for (const i of portfolio.incidents) writer.incident(incidentRecord(i));
  writer.flush();
  return EntityCounts.parse({
    teams: portfolio.teams.length,
    items: portfolio.items.length,
    transitions,
    dependencies: portfolio.dependencies.length,
    deployments: portfolio.deployments.length,
    incidents: portfolio.incidents.length,
    plans: 0,
    risks: 0,
    objectives: portfolio.objectives.length,
    releases: 0,
  });
}
