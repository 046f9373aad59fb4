import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/result';
import { formatCalendarDate, parseCalendarDate } from '../../../shared/domain/calendar-date';
import { fromEpochMs, MS_PER_DAY } from '../../../shared/domain/time';
import type { ItemType, ObjectiveLevel } from '../../../shared/domain/vocabulary';
import { columnFor, iterationView } from '../../../shared/planning/board';
import type { IncrementView } from '../../../shared/planning/board-schema';
import { importedNeedDateFix } from '../../../shared/planning/dependency-state';
import { isLocalKey, LOCAL_KEY_PREFIX, localKey, type LocalKind } from '../../../shared/planning/local-keys';
import type { CapacityUnit, PlanData, PlanIteration } from '../../../shared/planning/plan-data';
import type { PlanDates } from '../../../shared/planning/plan-import-rules';
import { linkDependencyItems } from '../store/queries/dependency-items';
import { renameIncrementInDecks } from '../room/deck-store';

// Plain functions over the workspace, `db` first, with row mappers (as the other stores). Calendar
// days come in as "YYYY-MM-DD" with both ends included and are stored as [start, end) instants.

interface IncrementRow {
  id: number;
  name: string;
  start_at: number;
  end_at: number;
  capacity_unit: CapacityUnit;
}

interface IterationRow {
  id: number;
  increment_id: number;
  team_key: string | null;
  name: string;
  start_at: number;
  end_at: number;
}

const toIteration = (r: IterationRow): PlanIteration => ({ id: r.id, name: r.name, start: r.start_at, end: r.end_at, teamKey: r.team_key });

/** Start and exclusive end of an inclusive calendar range. */
export function dayRange(start: string, end: string): { start: number; end: number } {
  const s = parseCalendarDate(start);
  const e = parseCalendarDate(end);
  if (s === null || e === null) throw new AppError('invalid-input', `${start} – ${end} is not a range of real calendar dates.`);
  if (e < s) throw new AppError('invalid-input', `The end (${end}) is before the start (${start}).`);
  return { start: s, end: e + MS_PER_DAY };
}

const day = (ms: number) => formatCalendarDate(ms);
const lastDay = (endMs: number) => formatCalendarDate(endMs - MS_PER_DAY);

function iterationsOf(db: Database, incrementId: number): IterationRow[] {
  return db
    .prepare(
      `SELECT i.id, i.increment_id, t.key AS team_key, i.name, i.start_at, i.end_at
       FROM iterations i LEFT JOIN teams t ON t.id = i.team_id
       WHERE i.increment_id = ? ORDER BY i.start_at, t.key NULLS FIRST, i.name`,
    )
    .all(incrementId) as IterationRow[];
}

function incrementView(db: Database, row: IncrementRow): IncrementView {
  const iterations = iterationsOf(db, row.id).map(toIteration);
  const columns = iterations.filter((i) => i.teamKey === null);
  return {
    id: row.id,
    name: row.name,
    start: day(row.start_at),
    end: lastDay(row.end_at),
    capacityUnit: row.capacity_unit,
    iterations: iterations.map((i) => iterationView(i, columnFor(i, columns))),
  };
}

export function listIncrements(db: Database): IncrementView[] {
  const rows = db.prepare('SELECT id, name, start_at, end_at, capacity_unit FROM increments ORDER BY start_at DESC, name').all() as IncrementRow[];
  return rows.map((r) => incrementView(db, r));
}

/** Every increment, iteration and milestone with its days and team (what an import's planning rows are checked against). */
export function planDates(db: Database): PlanDates {
  const increments = (db.prepare('SELECT name, start_at, end_at FROM increments').raw().all() as [string, number, number][]).map(([name, start, end]) => ({ name, start, end, from: null }));
  const iterations = (
    db.prepare('SELECT c.name, i.name, t.key, i.start_at, i.end_at FROM iterations i JOIN increments c ON c.id = i.increment_id LEFT JOIN teams t ON t.id = i.team_id').raw().all() as [string, string, string | null, number, number][]
  ).map(([increment, name, teamKey, start, end]) => ({ increment, name, teamKey, start, end, from: null }));
  const milestones = (db.prepare('SELECT c.name, m.name, m.at FROM milestones m JOIN increments c ON c.id = m.increment_id ORDER BY m.id').raw().all() as [string, string, number][]).map(
    ([increment, name, at]) => ({ increment, name, at, from: null }),
  );
  return { increments, iterations, milestones };
}

export function incrementById(db: Database, id: number): IncrementRow {
  const row = db.prepare('SELECT id, name, start_at, end_at, capacity_unit FROM increments WHERE id = ?').get(id) as IncrementRow | undefined;
  if (!row) throw new AppError('not-found', `There is no increment with id ${id}.`);
  return row;
}

const NO_INCREMENT_YET = 'This workspace has no increment yet. Create one on the Plan page, or import the increments template.';

/**
 * The increment of `increments` named `name`: that very name, else the same name in another case.
 * Refuses a name none has, with the names there are.
 */
export function incrementNamed<T extends { name: string }>(increments: readonly T[], name: string): T {
  const found = increments.find((r) => r.name === name) ?? increments.find((r) => r.name.toLowerCase() === name.toLowerCase());
  if (found) return found;
  const there = increments.length === 0 ? NO_INCREMENT_YET : `There are: ${increments.map((r) => r.name).join(', ')}.`;
  throw new AppError('not-found', `There is no increment named "${name}". ${there}`);
}

/**
 * The increment asked for by name; without a name, the one holding the data's last day, else the
 * latest one. Refuses with the names there are.
 */
export function resolveIncrement(db: Database, name: string | undefined, dataLastDay: number | null): IncrementRow {
  const rows = db.prepare('SELECT id, name, start_at, end_at, capacity_unit FROM increments ORDER BY start_at DESC, name').all() as IncrementRow[];
  if (rows.length === 0) throw new AppError('not-found', NO_INCREMENT_YET);
  if (name !== undefined) return incrementNamed(rows, name);
  if (dataLastDay !== null) {
    const holding = rows.find((r) => r.start_at <= dataLastDay && dataLastDay < r.end_at);
    if (holding) return holding;
  }
  return [...rows].sort((a, b) => b.end_at - a.end_at)[0]!;
}

export function teamId(db: Database, key: string): number {
  const id = db.prepare('SELECT id FROM teams WHERE key = ?').pluck().get(key) as number | undefined;
  if (id === undefined) throw new AppError('not-found', `There is no team "${key}" in this workspace.`);
  return id;
}

export function itemRow(db: Database, key: string): { id: number; key: string; team_id: number | null; title: string } {
  const row = db.prepare('SELECT id, key, team_id, title FROM work_items WHERE key = ?').get(key) as { id: number; key: string; team_id: number | null; title: string } | undefined;
  if (!row) throw new AppError('not-found', `There is no item "${key}" in this workspace.`);
  return row;
}

/** The increment an iteration belongs to (refused with a message when there is no such iteration). */
export function incrementOfIteration(db: Database, iterationId: number): number {
  return iterationRow(db, iterationId).increment_id;
}

function iterationRow(db: Database, id: number): IterationRow {
  const row = db
    .prepare(`SELECT i.id, i.increment_id, t.key AS team_key, i.name, i.start_at, i.end_at FROM iterations i LEFT JOIN teams t ON t.id = i.team_id WHERE i.id = ?`)
    .get(id) as IterationRow | undefined;
  if (!row) throw new AppError('not-found', `There is no iteration with id ${id}.`);
  return row;
}

function nextLocalNumber(db: Database, table: 'work_items' | 'dependencies' | 'objectives', kind: LocalKind): number {
  const prefix = localKey(kind, 0).slice(0, -1);
  const max = db
    .prepare(`SELECT max(CAST(substr(key, ?) AS INTEGER)) FROM ${table} WHERE key LIKE ? ESCAPE '\\'`)
    .pluck()
    .get(prefix.length + 1, `${prefix.replaceAll('_', '\\_').replaceAll('%', '\\%')}%`) as number | null;
  return (max ?? 0) + 1;
}

// ——— increments and iterations ———

export function saveIncrement(db: Database, input: { id?: number; name: string; start: string; end: string; capacityUnit: CapacityUnit }): IncrementView {
  const { start, end } = dayRange(input.start, input.end);
  if (input.id !== undefined) {
    // Its iterations stay inside it: a shorter increment would leave them where no edit may go. So
    // do its milestones: one outside it is drawn in no column of the board, out of everyone's sight.
    const iterations = iterationsOf(db, input.id).filter((r) => r.start_at < start || r.end_at > end);
    const milestones = db.prepare('SELECT name, at FROM milestones WHERE increment_id = ? AND (at < ? OR at >= ?) ORDER BY at, name').all(input.id, start, end) as { name: string; at: number }[];
    if (iterations.length > 0 || milestones.length > 0) {
      const left = [...iterations.map((r) => `${r.name} (${day(r.start_at)} – ${lastDay(r.end_at)})`), ...milestones.map((m) => `the milestone ${m.name} (${day(m.at)})`)];
      const those = (n: number, one: string) => (n === 1 ? `that ${one}` : `those ${one}s`);
      const what = [iterations.length > 0 ? those(iterations.length, 'iteration') : null, milestones.length > 0 ? those(milestones.length, 'milestone') : null].filter((w) => w !== null).join(' and ');
      throw new AppError('invalid-input', `${input.name} (${input.start} – ${input.end}) would leave ${left.join(', ')} outside it: move or delete ${what} first.`);
    }
  }
  return writeIncrement(db, input);
}

/**
 * Stores an increment (new, or its name, days and unit changed) without looking at its iterations:
 * for an import, which checks the plan it leaves whole once all its rows are in (plan-import.ts).
 */
export function writeIncrement(db: Database, input: { id?: number; name: string; start: string; end: string; capacityUnit: CapacityUnit }): IncrementView {
  const { start, end } = dayRange(input.start, input.end);
  const clash = db.prepare('SELECT id FROM increments WHERE name = ? AND id IS NOT ?').pluck().get(input.name, input.id ?? null);
  if (clash !== undefined) throw new AppError('invalid-input', `There is already an increment named "${input.name}".`);
  let id = input.id;
  if (id === undefined) {
    id = db.prepare('INSERT INTO increments (name, start_at, end_at, capacity_unit) VALUES (?, ?, ?, ?) RETURNING id').pluck().get(input.name, start, end, input.capacityUnit) as number;
  } else {
    const before = incrementById(db, id);
    db.prepare('UPDATE increments SET name = ?, start_at = ?, end_at = ?, capacity_unit = ? WHERE id = ?').run(input.name, start, end, input.capacityUnit, id);
    if (before.name !== input.name) {
      // Votes and risks name their increment: renamed with it, they stay with it.
      db.prepare(`UPDATE confidence_votes SET scope_key = ? WHERE scope_kind = 'increment' AND scope_key = ?`).run(input.name, before.name);
      db.prepare('UPDATE confidence_votes SET increment = ? WHERE increment = ?').run(input.name, before.name);
      db.prepare(`UPDATE risks SET scope_key = ? WHERE scope_kind = 'increment' AND scope_key = ?`).run(input.name, before.name);
      // So do the deck views that show it: presented, they would show an increment of no data.
      renameIncrementInDecks(db, before.name, input.name);
    }
  }
  return incrementView(db, incrementById(db, id));
}

/**
 * Deletes an increment and its plan (iterations, placements, capacity, milestones, baselines, by
 * cascade) and the objectives made for it here. An objective an import brought is the tracker's:
 * it stays, in no increment (its file may place it again), as the Objectives dialog will not delete
 * it either. Links of the objectives deleted go with them.
 */
export function deleteIncrement(db: Database, id: number): void {
  incrementById(db, id);
  db.prepare(`UPDATE objectives SET increment_id = NULL WHERE increment_id = ? AND key NOT GLOB '${LOCAL_KEY_PREFIX}*'`).run(id);
  db.prepare(`DELETE FROM item_objectives WHERE objective_key IN (SELECT key FROM objectives WHERE increment_id = ?)`).run(id);
  db.prepare('DELETE FROM increments WHERE id = ?').run(id);
}

export function saveIteration(db: Database, input: { incrementId: number; id?: number; name: string; start: string; end: string; teamKey: string | null }): IncrementView {
  const increment = incrementById(db, input.incrementId);
  const { start, end } = dayRange(input.start, input.end);
  if (start < increment.start_at || end > increment.end_at) {
    throw new AppError('invalid-input', `${input.name} (${input.start} – ${input.end}) lies ${end <= increment.start_at || start >= increment.end_at ? '' : 'partly '}outside ${increment.name} (${day(increment.start_at)} – ${lastDay(increment.end_at)}).`);
  }
  // One cadence never overlaps itself: the shared columns, or one team's sprints.
  const overlapping = iterationsOf(db, increment.id).find(
    (r) => r.id !== input.id && (r.team_key ?? null) === input.teamKey && r.start_at < end && start < r.end_at,
  );
  if (overlapping) {
    throw new AppError('invalid-input', `${input.name} (${input.start} – ${input.end}) overlaps ${overlapping.name} (${day(overlapping.start_at)} – ${lastDay(overlapping.end_at)}).`);
  }
  return writeIteration(db, input);
}

/**
 * Stores an iteration (new, or its name, days and team changed) without weighing its days against
 * its increment and cadence: for an import, which checks the plan it leaves whole (plan-import.ts).
 */
export function writeIteration(db: Database, input: { incrementId: number; id?: number; name: string; start: string; end: string; teamKey: string | null }): IncrementView {
  const increment = incrementById(db, input.incrementId);
  const { start, end } = dayRange(input.start, input.end);
  const team = input.teamKey === null ? null : teamId(db, input.teamKey);
  const clash = iterationsOf(db, increment.id).find((r) => r.id !== input.id && r.name === input.name && (r.team_key ?? null) === input.teamKey);
  if (clash) throw new AppError('invalid-input', `${increment.name} already has an iteration named "${input.name}"${input.teamKey ? ` for ${input.teamKey}` : ''}.`);
  if (input.id === undefined) {
    db.prepare('INSERT INTO iterations (increment_id, team_id, name, start_at, end_at) VALUES (?, ?, ?, ?, ?)').run(increment.id, team, input.name, start, end);
  } else {
    const existing = iterationRow(db, input.id);
    if (existing.increment_id !== increment.id) throw new AppError('invalid-input', `Iteration ${input.id} belongs to another increment.`);
    // A column made one team's sprint cannot keep other teams' cards or capacity.
    if (team !== null && input.teamKey !== existing.team_key) {
      const others = db
        .prepare(
          `SELECT DISTINCT t.name FROM (SELECT team_id FROM planned_items WHERE iteration_id = @id UNION SELECT team_id FROM capacity WHERE iteration_id = @id) x
           JOIN teams t ON t.id = x.team_id WHERE x.team_id <> @team ORDER BY t.name`,
        )
        .pluck()
        .all({ id: input.id, team }) as string[];
      if (others.length > 0) {
        throw new AppError('invalid-input', `${existing.name} holds the plan or capacity of ${others.join(', ')}: move ${others.length === 1 ? 'it' : 'them'} out first, or keep ${existing.name} shared.`);
      }
    }
    db.prepare('UPDATE iterations SET team_id = ?, name = ?, start_at = ?, end_at = ? WHERE id = ?').run(team, input.name, start, end, input.id);
  }
  return incrementView(db, increment);
}

export function deleteIteration(db: Database, id: number): void {
  iterationRow(db, id);
  db.prepare('DELETE FROM iterations WHERE id = ?').run(id);
}

// ——— planned work ———

export function placeItem(
  db: Database,
  input: { incrementId: number; itemKey: string; teamKey: string; iterationId: number; beforeItemKey: string | null; size?: number | null },
): string {
  const increment = incrementById(db, input.incrementId);
  const item = itemRow(db, input.itemKey);
  const team = teamId(db, input.teamKey);
  const iteration = iterationRow(db, input.iterationId);
  if (iteration.increment_id !== increment.id) throw new AppError('invalid-input', `${iteration.name} is not an iteration of ${increment.name}.`);
  if (iteration.team_key !== null && iteration.team_key !== input.teamKey) {
    throw new AppError('invalid-input', `${iteration.name} is a sprint of ${iteration.team_key}, not of ${input.teamKey}.`);
  }
  const ranks = db
    .prepare('SELECT w.key, p.rank FROM planned_items p JOIN work_items w ON w.id = p.item_id WHERE p.iteration_id = ? AND p.team_id = ? AND p.item_id <> ? ORDER BY p.rank')
    .all(iteration.id, team, item.id) as { key: string; rank: number }[];
  let rank = (ranks.at(-1)?.rank ?? 0) + 1;
  if (input.beforeItemKey !== null) {
    const at = ranks.findIndex((r) => r.key === input.beforeItemKey);
    if (at !== -1) rank = at === 0 ? ranks[0]!.rank - 1 : (ranks[at - 1]!.rank + ranks[at]!.rank) / 2;
    // Halved some fifty times, two neighbours' ranks leave no number between them: the cell is
    // numbered 1, 2, 3… again first (the card landed after the one it was dropped before).
    if (at > 0 && !(rank > ranks[at - 1]!.rank && rank < ranks[at]!.rank)) {
      const renumber = db.prepare('UPDATE planned_items SET rank = ? WHERE iteration_id = ? AND team_id = ? AND item_id = (SELECT id FROM work_items WHERE key = ?)');
      ranks.forEach((r, k) => renumber.run(k + 1, iteration.id, team, r.key));
      rank = at + 0.5;
    }
  }
  db.prepare(
    `INSERT INTO planned_items (increment_id, item_id, team_id, iteration_id, rank, size) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (increment_id, item_id) DO UPDATE SET team_id = excluded.team_id, iteration_id = excluded.iteration_id, rank = excluded.rank,
       size = CASE WHEN ? THEN excluded.size ELSE planned_items.size END`,
  ).run(increment.id, item.id, team, iteration.id, rank, input.size ?? null, input.size === undefined ? 0 : 1);
  return `${item.key} to ${input.teamKey}, ${iteration.name}`;
}

/**
 * Plans the increment from the tracker: every item whose sprint (Jira's Sprint, Azure DevOps'
 * Iteration Path) has the name of one of the increment's iterations, and that is not planned yet,
 * goes there with its own team (a team's own sprint of that name first). Returns how many.
 * Sprint names come back year after year ("Sprint 2"): a sprint whose dates the tracker gave must
 * overlap the iteration, and an item cancelled, or done before the iteration began, is not this
 * plan's work.
 */
export function planFromSprints(db: Database, incrementId: number): number {
  incrementById(db, incrementId);
  const candidates = db
    .prepare(
      `SELECT w.key AS itemKey, t.key AS teamKey, i.id AS iterationId
       FROM work_items w JOIN teams t ON t.id = w.team_id
       JOIN iterations i ON i.increment_id = @increment AND lower(i.name) = lower(w.sprint) AND (i.team_id IS NULL OR i.team_id = w.team_id)
       LEFT JOIN sprints s ON s.name = w.sprint
       WHERE w.sprint IS NOT NULL AND NOT EXISTS (SELECT 1 FROM planned_items p WHERE p.item_id = w.id AND p.increment_id = @increment)
         AND w.status_category <> 'cancelled' AND (w.done_at IS NULL OR w.done_at >= i.start_at)
         AND (s.start_at IS NULL OR s.end_at IS NULL OR (s.start_at < i.end_at AND s.end_at > i.start_at))
       ORDER BY w.key, i.team_id IS NULL`,
    )
    .all({ increment: incrementId }) as { itemKey: string; teamKey: string; iterationId: number }[];
  const placed = new Set<string>();
  for (const c of candidates) {
    if (placed.has(c.itemKey)) continue;
    placed.add(c.itemKey);
    placeItem(db, { incrementId, itemKey: c.itemKey, teamKey: c.teamKey, iterationId: c.iterationId, beforeItemKey: null });
  }
  return placed.size;
}

/** The team an item is planned for in the increment; null when it is not planned there. */
export function plannedTeam(db: Database, incrementId: number, itemKey: string): string | null {
  const key = db
    .prepare('SELECT t.key FROM planned_items p JOIN work_items w ON w.id = p.item_id JOIN teams t ON t.id = p.team_id WHERE p.increment_id = ? AND w.key = ?')
    .pluck()
    .get(incrementId, itemKey) as string | undefined;
  return key ?? null;
}

export function unplanItem(db: Database, incrementId: number, itemKey: string): void {
  const item = itemRow(db, itemKey);
  const removed = db.prepare('DELETE FROM planned_items WHERE increment_id = ? AND item_id = ?').run(incrementId, item.id).changes;
  if (removed === 0) throw new AppError('not-found', `${itemKey} is not planned in this increment.`);
}

export function createLocalItem(db: Database, input: { title: string; type: ItemType; teamKey: string; size: number | null }, now = Date.now()): string {
  const team = teamId(db, input.teamKey);
  const key = localKey('item', nextLocalNumber(db, 'work_items', 'item'));
  db.prepare(`INSERT OR IGNORE INTO status_map (status, category, source) VALUES ('Planned', 'todo', 'default')`).run();
  db.prepare(`INSERT INTO work_items (key, title, type, team_id, status, status_category, created_at, size) VALUES (?, ?, ?, ?, 'Planned', 'todo', ?, ?)`).run(
    key,
    input.title,
    input.type,
    team,
    now,
    input.size,
  );
  // A local key is new, so no dependency names it yet; linking keeps from_item_id right regardless.
  linkDependencyItems(db);
  return key;
}

export interface BacklogRow {
  key: string;
  title: string;
  type: string;
  teamKey: string | null;
  size: number | null;
  status: string;
}

/** Open items (not done, not cancelled) not planned in the increment; features first, then stories, epics last. */
export function backlog(db: Database, input: { incrementId: number; teamKey?: string; search: string; limit: number }): { items: BacklogRow[]; total: number } {
  const where = `w.status_category NOT IN ('done', 'cancelled')
      AND NOT EXISTS (SELECT 1 FROM planned_items p WHERE p.item_id = w.id AND p.increment_id = @increment)
      AND (@team IS NULL OR t.key = @team)
      AND (@search = '' OR instr(lower(w.title), lower(@search)) > 0 OR instr(lower(w.key), lower(@search)) > 0)`;
  const params = { increment: input.incrementId, team: input.teamKey ?? null, search: input.search.trim(), limit: input.limit };
  const total = db.prepare(`SELECT count(*) FROM work_items w LEFT JOIN teams t ON t.id = w.team_id WHERE ${where}`).pluck().get(params) as number;
  const items = db
    .prepare(
      `SELECT w.key, w.title, w.type, t.key AS teamKey, w.size, w.status FROM work_items w LEFT JOIN teams t ON t.id = w.team_id WHERE ${where}
       ORDER BY CASE w.type WHEN 'feature' THEN 0 WHEN 'story' THEN 1 WHEN 'epic' THEN 3 ELSE 2 END, w.created_at, w.key LIMIT @limit`,
    )
    .all(params) as BacklogRow[];
  return { items, total };
}

// ——— dependencies ———

export function addDependency(db: Database, input: { consumerKey: string; providerKey: string; neededBy: string | null }, now = Date.now()): string {
  if (input.consumerKey === input.providerKey) throw new AppError('invalid-input', 'An item cannot wait on itself.');
  const consumer = itemRow(db, input.consumerKey);
  const provider = itemRow(db, input.providerKey);
  const existing = db
    .prepare('SELECT key FROM dependencies WHERE from_item_key = ? AND to_item_key = ? AND resolved_at IS NULL')
    .pluck()
    .get(consumer.key, provider.key) as string | undefined;
  if (existing) throw new AppError('invalid-input', `${consumer.key} already waits on ${provider.key} (${existing}).`);
  const key = localKey('dep', nextLocalNumber(db, 'dependencies', 'dep'));
  const neededBy = input.neededBy === null ? null : parseCalendarDate(input.neededBy);
  db.prepare(
    `INSERT INTO dependencies (key, from_item_key, from_item_id, from_team_id, to_item_key, to_team_id, kind, created_at, needed_by) VALUES (?, ?, ?, ?, ?, ?, 'planned', ?, ?)`,
  ).run(key, consumer.key, consumer.id, consumer.team_id, provider.key, provider.team_id, now, neededBy);
  return key;
}

/** The two items of dependency `key` (the provider null when it names a team alone); null when there is no such dependency or it names no waiting item. */
export function dependencyEnds(db: Database, key: string): { consumerKey: string; providerKey: string | null } | null {
  const row = db.prepare('SELECT from_item_key AS consumerKey, to_item_key AS providerKey FROM dependencies WHERE key = ?').get(key) as { consumerKey: string | null; providerKey: string | null } | undefined;
  return row?.consumerKey == null ? null : { consumerKey: row.consumerKey, providerKey: row.providerKey };
}

/** The title of objective `key`, or null when there is none. */
export function objectiveTitle(db: Database, key: string): string | null {
  const title = db.prepare('SELECT title FROM objectives WHERE key = ?').pluck().get(key) as string | undefined;
  return title ?? null;
}

export interface LocalDependency {
  consumerKey: string;
  providerKey: string;
  /** The stated need date ("2026-11-20"); null when none was stated. */
  neededBy: string | null;
}

/**
 * Dependency `key`, to be changed here: refused for one an import brought, since the next import
 * writes it over again (`fixThere` says what to do in the tracker instead).
 */
function localDependency(db: Database, key: string, fixThere: string): LocalDependency {
  const row = db.prepare('SELECT from_item_key AS consumerKey, to_item_key AS providerKey, needed_by AS neededBy FROM dependencies WHERE key = ?').get(key) as
    | { consumerKey: string; providerKey: string; neededBy: number | null }
    | undefined;
  if (row === undefined) throw new AppError('not-found', `There is no dependency "${key}".`);
  if (!isLocalKey(key)) throw new AppError('invalid-input', `${key} comes from your tracker: ${fixThere}`);
  return { ...row, neededBy: row.neededBy === null ? null : formatCalendarDate(row.neededBy) };
}

export function removeDependency(db: Database, key: string): void {
  localDependency(db, key, 'remove the link there, or it comes back with the next import.');
  db.prepare('DELETE FROM dependencies WHERE key = ?').run(key);
}

/** Dependency `key`, whose need date is to change: one made in Interlock. */
export function needDateDependency(db: Database, key: string): LocalDependency {
  return localDependency(db, key, `change its need date there (${importedNeedDateFix()}); one changed here would be lost with the next import.`);
}

/** States (or, with null, clears) the need date of a dependency made in Interlock. */
export function setDependencyNeedBy(db: Database, key: string, neededBy: string | null): void {
  needDateDependency(db, key);
  db.prepare('UPDATE dependencies SET needed_by = ? WHERE key = ?').run(neededBy === null ? null : parseCalendarDate(neededBy), key);
}

// ——— objectives ———

export interface ObjectiveInput {
  increment: string;
  key?: string;
  title: string;
  level: ObjectiveLevel;
  teamKey: string | null;
  teamKeys?: readonly string[];
  businessValue: number | null;
  actualValue: number | null;
  committed: boolean;
  parentKey: string | null;
  itemKeys: string[];
}

export function saveObjective(db: Database, input: ObjectiveInput): string {
  const increment = db.prepare('SELECT id FROM increments WHERE name = ?').pluck().get(input.increment) as number | undefined;
  if (increment === undefined) throw new AppError('not-found', `There is no increment named "${input.increment}".`);
  const teamKeys = input.teamKeys ?? (input.teamKey === null ? [] : [input.teamKey]);
  if (input.level === 'team' && teamKeys.length === 0) throw new AppError('invalid-input', 'A team objective needs its team.');
  if (input.level === 'portfolio' && (input.key === undefined || db.prepare(`SELECT level FROM objectives WHERE key = ?`).pluck().get(input.key) !== 'portfolio')) {
    throw new AppError('invalid-input', 'A PI objective is a team or program objective; portfolio objectives come from your import.');
  }
  const teams = teamKeys.map((k) => teamId(db, k));
  const items = input.itemKeys.map((k) => itemRow(db, k));
  if (input.parentKey !== null) {
    const parent = db.prepare('SELECT key FROM objectives WHERE key = ?').pluck().get(input.parentKey);
    if (parent === undefined) throw new AppError('not-found', `There is no objective "${input.parentKey}" to be the parent.`);
    if (input.parentKey === input.key) throw new AppError('invalid-input', 'An objective cannot be its own parent.');
  }
  let key = input.key;
  if (key === undefined) {
    key = localKey('objective', nextLocalNumber(db, 'objectives', 'objective'));
    db.prepare('INSERT INTO objectives (key, title, level, parent_key, increment_id, business_value, actual_value, committed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      key,
      input.title,
      input.level,
      input.parentKey,
      increment,
      input.businessValue,
      input.actualValue,
      input.committed ? 1 : 0,
    );
  } else {
    const changed = db
      .prepare('UPDATE objectives SET title = ?, level = ?, parent_key = ?, increment_id = ?, business_value = ?, actual_value = ?, committed = ? WHERE key = ?')
      .run(input.title, input.level, input.parentKey, increment, input.businessValue, input.actualValue, input.committed ? 1 : 0, key).changes;
    if (changed === 0) throw new AppError('not-found', `There is no objective "${key}".`);
  }
  const objectiveId = db.prepare('SELECT id FROM objectives WHERE key = ?').pluck().get(key) as number;
  db.prepare('DELETE FROM objective_teams WHERE objective_id = ?').run(objectiveId);
  const linkTeam = db.prepare('INSERT OR IGNORE INTO objective_teams (objective_id, team_id) VALUES (?, ?)');
  for (const team of teams) linkTeam.run(objectiveId, team);
  // The dialog's list is the objective's links: one taken off goes, whoever made it (an import's
  // comes back only if a later import states it again); one it keeps keeps its source.
  const kept = new Set(items.map((i) => i.id));
  const linked = db.prepare('SELECT item_id FROM item_objectives WHERE objective_key = ?').pluck().all(key) as number[];
  const unlink = db.prepare('DELETE FROM item_objectives WHERE objective_key = ? AND item_id = ?');
  for (const id of linked) if (!kept.has(id)) unlink.run(key, id);
  const link = db.prepare(`INSERT OR IGNORE INTO item_objectives (item_id, objective_key, source) VALUES (?, ?, 'plan')`);
  for (const item of items) link.run(item.id, key);
  return key;
}

export function deleteObjective(db: Database, key: string): void {
  const found = db.prepare('SELECT key FROM objectives WHERE key = ?').pluck().get(key);
  if (found === undefined) throw new AppError('not-found', `There is no objective "${key}".`);
  if (!isLocalKey(key)) throw new AppError('invalid-input', `${key} comes from your import: change it there, or clear its increment here.`);
  db.prepare('DELETE FROM item_objectives WHERE objective_key = ?').run(key);
  db.prepare('DELETE FROM objectives WHERE key = ?').run(key);
}

// ——— capacity and milestones ———

export function setCapacity(db: Database, input: { iterationId: number; teamKey: string; amount: number | null }): void {
  const iteration = iterationRow(db, input.iterationId);
  const team = teamId(db, input.teamKey);
  if (iteration.team_key !== null && iteration.team_key !== input.teamKey) {
    throw new AppError('invalid-input', `${iteration.name} is a sprint of another team: ${input.teamKey}'s capacity goes in its own sprints or the shared iterations.`);
  }
  if (input.amount === null) db.prepare('DELETE FROM capacity WHERE iteration_id = ? AND team_id = ?').run(input.iterationId, team);
  else {
    db.prepare('INSERT INTO capacity (iteration_id, team_id, amount) VALUES (?, ?, ?) ON CONFLICT (iteration_id, team_id) DO UPDATE SET amount = excluded.amount').run(
      input.iterationId,
      team,
      input.amount,
    );
  }
}

export function saveMilestone(db: Database, input: { incrementId: number; id?: number; name: string; date: string; teamKey: string | null }): void {
  const increment = incrementById(db, input.incrementId);
  const at = parseCalendarDate(input.date);
  if (at === null) throw new AppError('invalid-input', `${input.date} is not a calendar date.`);
  // The board draws milestones in its iterations' lane: one outside the increment would be saved and never seen.
  if (at < increment.start_at || at >= increment.end_at) {
    throw new AppError('invalid-input', `${input.name} (${input.date}) lies outside ${increment.name} (${day(increment.start_at)} – ${lastDay(increment.end_at)}): a milestone belongs to a day of its increment.`);
  }
  const team = input.teamKey === null ? null : teamId(db, input.teamKey);
  if (input.id === undefined) db.prepare('INSERT INTO milestones (increment_id, name, at, team_id) VALUES (?, ?, ?, ?)').run(input.incrementId, input.name, at, team);
  else if (db.prepare('UPDATE milestones SET name = ?, at = ?, team_id = ? WHERE id = ? AND increment_id = ?').run(input.name, at, team, input.id, input.incrementId).changes === 0) {
    throw new AppError('not-found', `There is no milestone with id ${input.id} in this increment.`);
  }
}

export function deleteMilestone(db: Database, id: number): void {
  if (db.prepare('DELETE FROM milestones WHERE id = ?').run(id).changes === 0) throw new AppError('not-found', `There is no milestone with id ${id}.`);
}

// ——— baselines ———

export function commitBaseline(db: Database, incrementId: number, name: string, body: unknown, now = Date.now()): { id: number; name: string; takenAt: string } {
  const id = db.prepare('INSERT INTO plan_baselines (increment_id, name, taken_at, body) VALUES (?, ?, ?, ?) RETURNING id').pluck().get(incrementId, name, now, JSON.stringify(body)) as number;
  return { id, name, takenAt: fromEpochMs(now) };
}

export function listBaselines(db: Database, incrementId: number): { id: number; name: string; takenAt: string }[] {
  return (db.prepare('SELECT id, name, taken_at FROM plan_baselines WHERE increment_id = ? ORDER BY taken_at DESC, id DESC').all(incrementId) as { id: number; name: string; taken_at: number }[]).map(
    (r) => ({ id: r.id, name: r.name, takenAt: fromEpochMs(r.taken_at) }),
  );
}

export function readBaseline(db: Database, id: number): { id: number; name: string; takenAt: string; incrementId: number; body: unknown } {
  const row = db.prepare('SELECT id, increment_id, name, taken_at, body FROM plan_baselines WHERE id = ?').get(id) as
    | { id: number; increment_id: number; name: string; taken_at: number; body: string }
    | undefined;
  if (!row) throw new AppError('not-found', `There is no baseline with id ${id}.`);
  return { id: row.id, name: row.name, takenAt: fromEpochMs(row.taken_at), incrementId: row.increment_id, body: JSON.parse(row.body) };
}

// ——— the board's data ———

/**
 * Everything the board of one increment is computed from. `groups` maps team keys to coordination
 * groups. With `part`, only what an edit of `part.itemKey` (a move between `part.teamKeys`, or one
 * of its dependencies) changed: those teams' planned work and capacity, the item's dependencies and
 * where both their ends are planned. The board built from it is right for those cells and
 * dependencies only (see board-patch.ts). A null itemKey reads those teams' rows alone: SQL's
 * comparisons with NULL match no item and no dependency.
 */
export function readPlanData(db: Database, increment: IncrementRow, groups: ReadonlyMap<string, string> | null, part?: { teamKeys: readonly string[]; itemKey: string | null }): PlanData {
  const teams = (db.prepare('SELECT key, name, value_stream FROM teams ORDER BY key').all() as { key: string; name: string; value_stream: string | null }[]).map((t) => ({
    key: t.key,
    name: t.name,
    valueStream: t.value_stream,
    group: groups?.get(t.key) ?? null,
  }));
  const only = part ? { teams: JSON.stringify(part.teamKeys), item: part.itemKey } : null;
  const planned = (
    db
      .prepare(
        `SELECT w.key AS itemKey, w.title, w.type, t.key AS teamKey, p.iteration_id AS iterationId, p.rank, coalesce(p.size, w.size) AS size, w.done_at AS doneAt
         FROM planned_items p JOIN work_items w ON w.id = p.item_id JOIN teams t ON t.id = p.team_id
         WHERE p.increment_id = @increment
           ${only ? `AND (t.key IN (SELECT value FROM json_each(@teams)) OR w.key = @item OR w.key IN (SELECT to_item_key FROM dependencies WHERE from_item_key = @item UNION SELECT from_item_key FROM dependencies WHERE to_item_key = @item))` : ''}
         ORDER BY p.rank`,
      )
      .all({ increment: increment.id, ...only }) as PlanData['planned']
  ).map((p) => ({ ...p }));
  // Dependencies naming a provider item, or at least a provider team that exists: one on a team
  // alone ("CHK-26 needs something from Pricing", before Pricing has an item for it) is the
  // conversation the room must have, and was left off the board; one naming no provider at all (or
  // a team since removed) has nobody to talk to and stays off it.
  const depRows = db
    .prepare(
      `SELECT d.key, d.from_item_key AS consumerKey, d.to_item_key AS providerKey, ft.key AS consumerTeamKey, tt.key AS providerTeamKey,
              d.created_at AS createdAt, d.needed_by AS neededBy, d.resolved_at AS resolvedAt,
              CASE WHEN pw.status_category = 'cancelled' THEN NULL ELSE pw.done_at END AS providerDoneAt, pw.status_category = 'cancelled' AS providerCancelled,
              pt.key AS providerItemTeam, pw.id IS NOT NULL AS providerExists,
              (SELECT json_object('increment', inc.name, 'iteration', it.name, 'start', it.start_at, 'end', it.end_at)
               FROM planned_items pp JOIN iterations it ON it.id = pp.iteration_id JOIN increments inc ON inc.id = pp.increment_id
               WHERE pp.item_id = pw.id AND pp.increment_id <> @increment ORDER BY it.start_at DESC LIMIT 1) AS providerElsewhere
       FROM dependencies d
       JOIN work_items cw ON cw.key = d.from_item_key
       JOIN planned_items cp ON cp.item_id = cw.id AND cp.increment_id = @increment
       LEFT JOIN teams ft ON ft.id = d.from_team_id
       LEFT JOIN teams tt ON tt.id = d.to_team_id
       LEFT JOIN work_items pw ON pw.key = d.to_item_key
       LEFT JOIN teams pt ON pt.id = pw.team_id
       WHERE (d.to_item_key IS NOT NULL OR tt.id IS NOT NULL) ${only ? 'AND (d.from_item_key = @item OR d.to_item_key = @item)' : ''}`,
    )
    .all({ increment: increment.id, ...(only ? { item: only.item } : {}) }) as (Omit<PlanData['dependencies'][number], 'providerElsewhere'> & { providerDoneAt: number | null; providerCancelled: number | null; providerItemTeam: string | null; providerExists: number; providerElsewhere: string | null })[];
  const providerDoneAt: Record<string, number> = {};
  const providerTeams: Record<string, string | null> = {};
  const cancelledProviders = new Set<string>();
  for (const d of depRows) {
    if (d.providerKey === null) continue;
    if (d.providerDoneAt !== null) providerDoneAt[d.providerKey] = d.providerDoneAt;
    if (d.providerExists) providerTeams[d.providerKey] = d.providerItemTeam;
    if (d.providerCancelled) cancelledProviders.add(d.providerKey);
  }
  const capacity = db
    .prepare(
      `SELECT t.key AS teamKey, c.iteration_id AS iterationId, c.amount FROM capacity c JOIN iterations i ON i.id = c.iteration_id JOIN teams t ON t.id = c.team_id
       WHERE i.increment_id = @increment ${only ? 'AND t.key IN (SELECT value FROM json_each(@teams))' : ''}`,
    )
    .all({ increment: increment.id, ...(only ? { teams: only.teams } : {}) }) as PlanData['capacity'];
  const milestones = db
    .prepare(`SELECT m.id, m.name, m.at, t.key AS teamKey FROM milestones m LEFT JOIN teams t ON t.id = m.team_id WHERE m.increment_id = ? ORDER BY m.at`)
    .all(increment.id) as PlanData['milestones'];
  const objectiveRows = db
    .prepare(`SELECT id, key, title, level, business_value, actual_value, committed, parent_key FROM objectives WHERE increment_id = ? ORDER BY key`)
    .all(increment.id) as { id: number; key: string; title: string; level: PlanData['objectives'][number]['level']; business_value: number | null; actual_value: number | null; committed: number; parent_key: string | null }[];
  const teamsOf = db.prepare('SELECT t.key FROM objective_teams ot JOIN teams t ON t.id = ot.team_id WHERE ot.objective_id = ? ORDER BY t.key').pluck();
  const itemsOf = db.prepare(
    `SELECT w.key, EXISTS (SELECT 1 FROM planned_items p WHERE p.item_id = w.id AND p.increment_id = ?) AS planned
     FROM item_objectives io JOIN work_items w ON w.id = io.item_id WHERE io.objective_key = ? ORDER BY w.key`,
  );
  const iterations = iterationsOf(db, increment.id).map(toIteration);
  return {
    increment: { id: increment.id, name: increment.name, start: increment.start_at, end: increment.end_at, capacityUnit: increment.capacity_unit },
    iterations,
    teams,
    planned,
    dependencies: depRows.map(({ key, consumerKey, providerKey, consumerTeamKey, providerTeamKey, createdAt, neededBy, resolvedAt, providerElsewhere }) => ({
      key,
      consumerKey,
      providerKey,
      consumerTeamKey,
      providerTeamKey,
      createdAt,
      neededBy,
      resolvedAt,
      ...(providerElsewhere === null ? {} : { providerElsewhere: JSON.parse(providerElsewhere) as NonNullable<PlanData['dependencies'][number]['providerElsewhere']> }),
    })),
    providerDoneAt,
    providerTeams,
    cancelledProviders: [...cancelledProviders],
    capacity,
    milestones,
    objectives: objectiveRows.map((o) => {
      const items = itemsOf.all(increment.id, o.key) as { key: string; planned: number }[];
      return {
        key: o.key,
        title: o.title,
        level: o.level,
        teamKeys: teamsOf.all(o.id) as string[],
        businessValue: o.business_value,
        actualValue: o.actual_value,
        committed: o.committed === 1,
        parentKey: o.parent_key,
        itemKeys: items.map((i) => i.key),
        plannedItemKeys: items.filter((i) => i.planned === 1).map((i) => i.key),
      };
    }),
    ...(part ? { boardTeams: boardTeamKeys(db, increment.id) } : {}),
  };
}

/** Teams with planned work, capacity or sprints of their own in the increment (as buildBoard finds them in the whole plan). */
function boardTeamKeys(db: Database, incrementId: number): string[] {
  return db
    .prepare(
      `SELECT t.key FROM teams t WHERE EXISTS (SELECT 1 FROM planned_items p WHERE p.team_id = t.id AND p.increment_id = @increment)
         OR EXISTS (SELECT 1 FROM capacity c JOIN iterations i ON i.id = c.iteration_id WHERE c.team_id = t.id AND i.increment_id = @increment)
         OR EXISTS (SELECT 1 FROM iterations i WHERE i.team_id = t.id AND i.increment_id = @increment)`,
    )
    .pluck()
    .all({ increment: incrementId }) as string[];
}
