import type { Database } from 'better-sqlite3';

// Bringing many rows into JavaScript without a row object or array per row: SQLite hands each
// row's values to an aggregate function defined in JavaScript. On these machines that reads
// 1,000,000 rows about five times faster than `.raw().iterate()` (≈0.3 s against ≈1.5–2.6 s),
// because row materialisation, not SQLite, was the cost.

/**
 * better-sqlite3 reads an aggregate's arity from `step.length`, so the step keeps its named
 * parameters; its typings only know one-argument steps.
 */
export function asStep<F extends (n: number, ...args: never[]) => number>(step: F): (total: number, next: number) => number {
  return step as unknown as (total: number, next: number) => number;
}

/** Runs `sql` (with `params`), one call of the aggregate `name`, so that SQLite hands each row's values to `step`. */
export function streamRows(db: Database, name: string, sql: string, step: (total: number, next: number) => number, params?: object): void {
  db.aggregate(name, { start: 0, step });
  const statement = db.prepare(sql).pluck();
  if (params === undefined) statement.get();
  else statement.get(params);
}
