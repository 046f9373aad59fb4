import type { Database } from 'better-sqlite3';

/**
 * Everything the backend keeps in memory about one open workspace, in one place with one rule:
 * what is derived from the data (loaded metrics columns, reports, advice, the data's end) is
 * remembered until the data changes — `changeCounter` moves — and then dropped all at once.
 * Session state that is not derived from the data (planning undo, the count of plan-only writes)
 * lives here too and lasts until the workspace closes.
 */
export interface WorkspaceMemory {
  /** changeCounter's value when `derived` was filled. */
  stamp: number;
  readonly derived: Map<string, unknown>;
  /** Row changes made by writes no cache reads (see `withoutDataChange`). */
  excludedChanges: number;
  /** Per-kind session state (the planning undo stacks). */
  readonly session: Map<string, unknown>;
}

// Keyed by the connection: it is the workspace while it is open, and with it goes its memory.
const memories = new WeakMap<Database, WorkspaceMemory>();

export function memoryOf(db: Database): WorkspaceMemory {
  let memory = memories.get(db);
  if (!memory) memories.set(db, (memory = { stamp: Number.NaN, derived: new Map(), excludedChanges: 0, session: new Map() }));
  return memory;
}

function totalChanges(db: Database): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/**
 * Bumps whenever this connection changes a row the metrics or the advisor read (triggers and
 * rolled-back changes included): the cheap "has anything changed since". The workspace is opened
 * with an exclusive lock, so only this connection changes it. Writes made through
 * `withoutDataChange` do not move it.
 */
export function changeCounter(db: Database): number {
  return totalChanges(db) - memoryOf(db).excludedChanges;
}

/**
 * Runs a write that changes only what nothing derived reads (moving a card on the board, capacity,
 * milestones), so a plan edit does not throw away the loaded metrics and advice.
 */
export function withoutDataChange<T>(db: Database, write: () => T): T {
  const before = totalChanges(db);
  try {
    return write();
  } finally {
    memoryOf(db).excludedChanges += totalChanges(db) - before;
  }
}

/** The derived values, emptied first when the data changed since they were made. */
function derived(db: Database): Map<string, unknown> {
  const memory = memoryOf(db);
  const stamp = changeCounter(db);
  if (memory.stamp !== stamp) {
    memory.derived.clear();
    memory.stamp = stamp;
  }
  return memory.derived;
}

/**
 * The value remembered under `key` for the data as it stands, made by `make` when there is none.
 * Inside a transaction nothing is kept: the rows read may yet be rolled back, which the counter
 * would not show.
 */
export function remember<T>(db: Database, key: string, make: () => T): T {
  const values = derived(db);
  if (values.has(key)) return values.get(key) as T;
  const value = make();
  if (!db.inTransaction) derived(db).set(key, value);
  return value;
}

/** What `remember` would answer without making anything; undefined when it would have to make it. */
export function remembered<T>(db: Database, key: string): T | undefined {
  return derived(db).get(key) as T | undefined;
}

/** Keeps `value` under `key` for the data as it stands (a value made while checking the counter itself). */
export function keep<T>(db: Database, key: string, value: T): T {
  if (!db.inTransaction) derived(db).set(key, value);
  return value;
}

/** Session state of one kind, made on first use, kept until the workspace closes. */
export function sessionState<T>(db: Database, kind: string, make: () => T): T {
  const { session } = memoryOf(db);
  if (!session.has(kind)) session.set(kind, make());
  return session.get(kind) as T;
}
