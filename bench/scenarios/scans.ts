import Database from 'better-sqlite3';

// Baselines that read tables: "one scan reading the same columns of the same rows", on a bare
// better-sqlite3 connection of its own (so SQLite's page cache starts cold, as the app's does on a
// freshly opened workspace; the operating system's file cache is warm for both).

/** The columns the Flow page's metrics read, per table (electron/backend/metrics/metrics-queries.ts). */
export const FLOW_COLUMNS: Record<string, readonly string[]> = {
  teams: ['id', 'key', 'name', 'value_stream'],
  work_items: ['id', 'team_id', 'type', 'created_at', 'first_active_at', 'done_at', 'status_category'],
  status_transitions: ['item_id', 'at', 'to_category'],
  dependencies: ['key', 'from_item_key', 'from_team_id', 'to_team_id', 'interface_name', 'created_at', 'needed_by', 'resolved_at'],
  deployments: ['key', 'team_id', 'service', 'at', 'succeeded', 'change_at', 'release'],
  incidents: ['key', 'team_id', 'service', 'opened_at', 'resolved_at', 'caused_by_deployment_key', 'attribution'],
};

/** The columns the coordination advisor reads from the dependencies table. */
export const ADVICE_COLUMNS: Record<string, readonly string[]> = {
  dependencies: ['id', 'key', 'from_item_key', 'from_team_id', 'to_team_id', 'created_at', 'resolved_at', 'interface_name'],
};

export type ScanKind = 'js-aggregate' | 'raw-iterate' | 'sql-only';

/**
 * Reads every row's columns once and returns how long it took, ms.
 * - js-aggregate: each row's values handed to a JavaScript function by SQLite (no row objects), the
 *   fastest way this stack has to bring rows into JavaScript — the metrics loader's own technique;
 * - raw-iterate: better-sqlite3's `.raw().iterate()`, an array per row;
 * - sql-only: SQLite reads the columns and sums them in C; nothing crosses into JavaScript.
 */
export function timeScan(path: string, tables: Record<string, readonly string[]>, kind: ScanKind): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    let sink = 0;
    const touch = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' ? v.length : 0);
    const statements = Object.entries(tables).map(([table, columns]) => {
      if (kind === 'raw-iterate') return db.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).raw();
      if (kind === 'sql-only') return db.prepare(`SELECT ${columns.map((c) => `sum(length(${c}))`).join(' + ')} FROM ${table}`).pluck();
      const name = `bench_scan_${table}`;
      db.aggregate(name, {
        start: 0,
        // better-sqlite3 reads the arity from the function's length: one parameter per column.
        step: new Function('touch', `return function (n, ${columns.map((_, i) => `c${i}`).join(', ')}) { return n + ${columns.map((_, i) => `touch(c${i})`).join(' + ')}; }`)(touch),
      });
      return db.prepare(`SELECT ${name}(${columns.join(', ')}) FROM ${table}`).pluck();
    });
    const started = performance.now();
    for (const statement of statements) {
      if (kind === 'raw-iterate') for (const row of statement.iterate() as Iterable<unknown[]>) sink += touch(row[0]);
      else sink += statement.get() as number;
    }
    const ms = performance.now() - started;
    if (Number.isNaN(sink)) throw new Error('unreachable: keeps the scan from being optimised away');
    return ms;
  } finally {
    db.close();
  }
}

/** Opening the file with a bare better-sqlite3 connection and running one query. */
export function timeBareOpen(path: string): number {
  const started = performance.now();
  const db = new Database(path, { fileMustExist: true });
  db.prepare('SELECT count(*) FROM teams').pluck().get();
  const ms = performance.now() - started;
  db.close();
  return ms;
}
