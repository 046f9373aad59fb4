import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/result';
import { memoryOf, sessionState, withoutDataChange } from '../store/workspace-memory';

// Undo and redo for planning edits, the way SQLite's own documentation describes it ("Automatic
// Undo/Redo Using SQLite"): while an edit runs, TEMP triggers write the SQL that would reverse each
// row it changes — cascades included — into a TEMP log. Undo runs a step's log backwards in one
// transaction, while the same triggers write the redo. Everything is TEMP: per connection, never
// in the workspace file, gone when the workspace closes (undo lasts a session).

/** The tables a planning edit may change, directly or by cascade. */
const UNDO_TABLES = [
  'increments',
  'iterations',
  'planned_items',
  'capacity',
  'milestones',
  'objectives',
  'objective_teams',
  'item_objectives',
  'work_items',
  'dependencies',
  // Gone with a deleted increment (by cascade), and renamed with it (votes, risks and deck views name it).
  'plan_baselines',
  'confidence_votes',
  'risks',
  'deck_entries',
] as const;

/** Steps kept for undo (the issue asks for at least 50). */
export const UNDO_STEPS = 100;

/**
 * The rows of an increment's board an edit changed, and the one card it moved on or off the board
 * (null for a capacity): taking the edit back (or doing it again) changes those rows only, so the
 * answer can carry them as a board patch instead of the page fetching the whole board again.
 */
export interface BoardRows {
  incrementId: number;
  itemKey: string | null;
  teamKeys: readonly string[];
}

interface Step {
  id: number;
  label: string;
  /** Touches only the plan's own tables: undoing it leaves the loaded metrics and advice standing too. */
  planOnly: boolean;
  /** Set for an edit that changed only these rows of a board (see BoardRows). */
  rows: BoardRows | null;
}

interface UndoStacks {
  undo: Step[];
  redo: Step[];
  nextStep: number;
}


function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** SQL that builds, inside a trigger, the text of a statement restoring `ref` (old or new) values. */
function valuesSql(columns: readonly string[], ref: 'old' | 'new'): string {
  return columns.map((c) => `quote(${ref}.${quoteIdent(c)})`).join(` || ',' || `);
}

function whereSql(keys: readonly string[], ref: 'old' | 'new'): string {
  return keys.map((k) => `'${quoteIdent(k).replaceAll("'", "''")}=' || quote(${ref}.${quoteIdent(k)})`).join(` || ' AND ' || `);
}

function installTriggers(db: Database): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS plan_undo_log (seq INTEGER PRIMARY KEY, step INTEGER NOT NULL, sql TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS plan_undo_state (id INTEGER PRIMARY KEY CHECK (id = 1), step INTEGER, outside INTEGER NOT NULL DEFAULT 0);
    INSERT OR IGNORE INTO plan_undo_state (id, step, outside) VALUES (1, NULL, 0);
  `);
  for (const table of UNDO_TABLES) {
    const info = db.prepare(`PRAGMA main.table_info(${quoteIdent(table)})`).all() as { name: string; pk: number }[];
    const columns = info.map((c) => c.name);
    const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const keys = pk.length > 0 ? pk : columns;
    const t = quoteIdent(table);
    const log = (sql: string) => `INSERT INTO temp.plan_undo_log (step, sql) SELECT step, ${sql} FROM temp.plan_undo_state WHERE step IS NOT NULL;`;
    const list = columns.map(quoteIdent).join(',').replaceAll("'", "''");
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS plan_undo_${table}_insert AFTER INSERT ON main.${t}
      WHEN (SELECT step FROM temp.plan_undo_state) IS NOT NULL BEGIN
        ${log(`'DELETE FROM main.${t.replaceAll("'", "''")} WHERE ' || ${whereSql(keys, 'new')}`)}
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS plan_undo_${table}_delete BEFORE DELETE ON main.${t}
      WHEN (SELECT step FROM temp.plan_undo_state) IS NOT NULL BEGIN
        ${log(`'INSERT INTO main.${t.replaceAll("'", "''")} (${list}) VALUES (' || ${valuesSql(columns, 'old')} || ')'`)}
      END;
      CREATE TEMP TRIGGER IF NOT EXISTS plan_undo_${table}_update BEFORE UPDATE ON main.${t}
      WHEN (SELECT step FROM temp.plan_undo_state) IS NOT NULL BEGIN
        ${log(`'UPDATE main.${t.replaceAll("'", "''")} SET ' || ${columns.map((c) => `'${quoteIdent(c).replaceAll("'", "''")}=' || quote(old.${quoteIdent(c)})`).join(` || ',' || `)} || ' WHERE ' || ${whereSql(keys, 'new')}`)}
      END;
    `);
    // A write outside every step (an import, a risk edited on the Risks page) marks the log stale:
    // replayed over it, a step would put back old values over what that write did.
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(`
        CREATE TEMP TRIGGER IF NOT EXISTS plan_undo_${table}_outside_${event.toLowerCase()} AFTER ${event} ON main.${t}
        WHEN (SELECT step IS NULL AND outside = 0 FROM temp.plan_undo_state) BEGIN
          UPDATE temp.plan_undo_state SET outside = 1;
        END;
      `);
    }
  }
}

function stacksFor(db: Database): UndoStacks {
  const s = sessionState(db, 'plan-undo', () => {
    installTriggers(db);
    return { undo: [], redo: [], nextStep: 1 };
  });
  dropIfWrittenOutside(db, s);
  return s;
}

/**
 * Forgets every step once the tables they restore were written outside them (an import, a risk
 * or vote saved): undo would otherwise overwrite that write with the values from before it (an
 * import's corrected objective back to its old title; an increment deleted with everything an
 * import put into it). Undo starts afresh from there.
 */
function dropIfWrittenOutside(db: Database, s: UndoStacks): void {
  if (db.prepare('SELECT outside FROM temp.plan_undo_state').pluck().get() !== 1) return;
  forget(db, s.undo.splice(0));
  forget(db, s.redo.splice(0));
  db.prepare('UPDATE temp.plan_undo_state SET outside = 0').run();
}

/** Runs `edit` in one transaction with every row it changes logged as step `label`. */
function logged<T>(db: Database, step: number, edit: () => T): T {
  return db.transaction(() => {
    db.prepare('UPDATE temp.plan_undo_state SET step = ?').run(step);
    try {
      return edit();
    } finally {
      db.prepare('UPDATE temp.plan_undo_state SET step = NULL').run();
    }
  })();
}

function stepHasRows(db: Database, step: number): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM temp.plan_undo_log WHERE step = ?)').pluck().get(step) === 1;
}

function forget(db: Database, steps: readonly Step[]): void {
  const remove = db.prepare('DELETE FROM temp.plan_undo_log WHERE step = ?');
  for (const s of steps) remove.run(s.id);
}

export interface UndoView {
  undo: string | null;
  redo: string | null;
}

export function undoView(db: Database): UndoView {
  const s = memoryOf(db).session.get('plan-undo') as UndoStacks | undefined;
  if (s) dropIfWrittenOutside(db, s);
  return { undo: s?.undo.at(-1)?.label ?? null, redo: s?.redo.at(-1)?.label ?? null };
}

/**
 * Runs a planning edit as one undoable step. A new edit clears what could be redone. `planOnly`:
 * the edit changes only the plan's own tables (see `withoutDataChange`); `rows`: the edit changed
 * only these rows of a board (undo and redo then answer with them).
 */
export function undoableEdit<T>(db: Database, label: string, edit: () => T, options: { planOnly: boolean; rows?: BoardRows | undefined }): T {
  const s = stacksFor(db);
  const step = s.nextStep++;
  const run = () => logged(db, step, edit);
  const result = options.planOnly ? withoutDataChange(db, run) : run();
  if (!stepHasRows(db, step)) return result;
  forget(db, s.redo.splice(0));
  s.undo.push({ id: step, label, planOnly: options.planOnly, rows: options.rows ?? null });
  forget(db, s.undo.splice(0, Math.max(0, s.undo.length - UNDO_STEPS)));
  return result;
}

/** What undo or redo did: the undo state after it, and the board rows it changed (null when the step was another edit). */
export interface Replayed {
  view: UndoView;
  rows: BoardRows | null;
}

/** Replays a step's log backwards as a new step, which then stands on the other stack. */
function replay(db: Database, from: Step[], to: Step[], nothing: string): Replayed {
  const s = stacksFor(db);
  const step = from.pop();
  if (!step) throw new AppError('invalid-input', nothing);
  const inverse = s.nextStep++;
  const rows = db.prepare('SELECT sql FROM temp.plan_undo_log WHERE step = ? ORDER BY seq DESC').pluck().all(step.id) as string[];
  const run = () =>
    logged(db, inverse, () => {
      // Checked once the step is whole: rows may pass through states a constraint would refuse mid-way.
      db.pragma('defer_foreign_keys = ON');
      for (const sql of rows) db.exec(sql);
      db.prepare('DELETE FROM temp.plan_undo_log WHERE step = ?').run(step.id);
    });
  try {
    if (step.planOnly) withoutDataChange(db, run);
    else run();
  } catch (error) {
    from.push(step);
    throw new AppError('invalid-input', `That step cannot be taken back any more: ${error instanceof Error ? error.message : String(error)}`);
  }
  to.push({ id: inverse, label: step.label, planOnly: step.planOnly, rows: step.rows });
  return { view: undoView(db), rows: step.rows };
}

export function undo(db: Database): Replayed {
  const s = stacksFor(db);
  return replay(db, s.undo, s.redo, 'There is nothing to undo.');
}

export function redo(db: Database): Replayed {
  const s = stacksFor(db);
  return replay(db, s.redo, s.undo, 'There is nothing to redo.');
}
