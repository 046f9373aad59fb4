import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/result';
import { formatCalendarDate } from '../../../shared/domain/calendar-date';
import { MS_PER_DAY } from '../../../shared/domain/time';
import type { ObjectiveRecord, PlanningRecord } from '../../../shared/import/import-records';
import { otherTeamsHolding, otherTeamsSprint, planningProblems, whereFrom } from '../../../shared/planning/plan-import-rules';
import { teamResolver } from '../store/queries/portfolio-writes';
import * as plan from './plan-queries';

// The planning templates' rows, written inside the import's transaction once every team and item
// of the import is in: increments and iterations by name (a re-import updates them), capacity,
// milestones (by name within their increment) and planned items in file order. The increments'
// and iterations' days are judged by the plan the whole import leaves, before any row is written,
// not row by row against the days they replace. A refusal names the file and line, and rolls the
// whole import back.

const date = (ms: number) => formatCalendarDate(ms);
const lastDay = (endMs: number) => formatCalendarDate(endMs - MS_PER_DAY);

function where(record: { file?: string; line: number | null; path?: string }): string {
  return whereFrom({ file: record.file ?? 'a planning file', line: record.line, ...(record.path === undefined ? {} : { path: record.path }) });
}

/** The workspace's increment of exactly that name, as an import finds it again (the CLI's incrementNamed also takes another case). */
function storedIncrement(db: Database, name: string): { id: number; capacity_unit: 'items' | 'points' } | undefined {
  return db.prepare('SELECT id, capacity_unit FROM increments WHERE name = ?').get(name) as { id: number; capacity_unit: 'items' | 'points' } | undefined;
}

function iterationNamed(db: Database, incrementId: number, name: string, teamKey: string | null): number | undefined {
  // A team's own sprint of that name first, else the shared iteration.
  return db
    .prepare(
      `SELECT i.id FROM iterations i LEFT JOIN teams t ON t.id = i.team_id
       WHERE i.increment_id = ? AND i.name = ? AND (t.key = ? OR i.team_id IS NULL) ORDER BY i.team_id IS NULL LIMIT 1`,
    )
    .pluck()
    .get(incrementId, name, teamKey) as number | undefined;
}

/** The iteration a capacity or plan row names; refused in the preview's words (shared/planning/plan-import-rules.ts). */
function rowIteration(db: Database, incrementId: number, record: { kind: 'capacity' | 'planned'; increment: string; iteration: string; teamKey: string }): number {
  const id = iterationNamed(db, incrementId, record.iteration, record.teamKey);
  if (id !== undefined) return id;
  const owners = db.prepare('SELECT t.key FROM iterations i JOIN teams t ON t.id = i.team_id WHERE i.increment_id = ? AND i.name = ?').pluck().all(incrementId, record.iteration) as string[];
  const others = otherTeamsHolding(new Set(owners), record.teamKey);
  if (others !== null && others.length > 0) throw new AppError('import-rejected', otherTeamsSprint(record.kind, record.iteration, others, record.teamKey));
  throw new AppError('import-rejected', `${record.increment} has no iteration "${record.iteration}".`);
}

function apply(db: Database, record: PlanningRecord): void {
  if (record.kind === 'increment') {
    const existing = storedIncrement(db, record.name);
    plan.writeIncrement(db, { id: existing?.id, name: record.name, start: date(record.start), end: lastDay(record.end), capacityUnit: record.capacityUnit ?? existing?.capacity_unit ?? 'items' });
    return;
  }
  const increment = storedIncrement(db, record.increment);
  if (!increment) throw new AppError('import-rejected', `There is no increment "${record.increment}".`);
  switch (record.kind) {
    case 'iteration': {
      const existing = db
        .prepare(`SELECT i.id FROM iterations i LEFT JOIN teams t ON t.id = i.team_id WHERE i.increment_id = ? AND i.name = ? AND coalesce(t.key, '') = ?`)
        .pluck()
        .get(increment.id, record.name, record.teamKey ?? '') as number | undefined;
      plan.writeIteration(db, { incrementId: increment.id, id: existing, name: record.name, start: date(record.start), end: lastDay(record.end), teamKey: record.teamKey });
      return;
    }
    case 'capacity': {
      plan.setCapacity(db, { iterationId: rowIteration(db, increment.id, record), teamKey: record.teamKey, amount: record.amount });
      return;
    }
    case 'milestone': {
      // The first of that name, as the plan it leaves was judged (planAfterImport).
      const existing = db.prepare('SELECT id FROM milestones WHERE increment_id = ? AND name = ? ORDER BY id').pluck().get(increment.id, record.name) as number | undefined;
      plan.saveMilestone(db, { incrementId: increment.id, id: existing, name: record.name, date: date(record.at), teamKey: record.teamKey });
      return;
    }
    case 'planned': {
      const iterationId = rowIteration(db, increment.id, record);
      plan.placeItem(db, { incrementId: increment.id, itemKey: record.itemKey, teamKey: record.teamKey, iterationId, beforeItemKey: null, size: record.size });
    }
  }
}

export function writePlanningRecords(db: Database, records: readonly PlanningRecord[]): void {
  // A PI moved by a week clashes, row by row, with the days its own iterations are leaving: the plan
  // is judged once all of it is in, as the preview judged it (RecordChecker.finishReading).
  const problems = planningProblems(plan.planDates(db), records);
  if (problems.length > 0) throw new AppError('import-rejected', `Nothing was imported. ${problems.map((p) => `${whereFrom(p.from)}: ${p.message}`).join(' ')}`);
  // A team the rows name and the workspace lacks is made bare (its key as name), as the preview said it would be (unknown-team).
  const team = teamResolver(db);
  for (const record of records) if (record.kind !== 'increment') team(record.teamKey);
  // The days first, increments before iterations: a bundle's iteration, milestone or card read
  // before the template that declares (or moves) its increment or iteration goes in after it, as the
  // preview judged it (RecordChecker.finishReading). Each kind keeps the import's order: the last row wins.
  const stage = (r: PlanningRecord) => (r.kind === 'increment' ? 0 : r.kind === 'iteration' ? 1 : 2);
  for (const record of [0, 1, 2].flatMap((n) => records.filter((r) => stage(r) === n))) {
    try {
      apply(db, record);
    } catch (error) {
      if (error instanceof AppError) throw new AppError('import-rejected', `Nothing was imported. ${where(record)}: ${error.message}`);
      throw error;
    }
  }
}

/**
 * The PI side of imported objectives (increment, business values, commitment) and the items an
 * objective lists, once the increments of the same import are written. An objective's `items`
 * replace the links it was imported with before.
 */
export function writeObjectivePlans(db: Database, objectives: readonly ObjectiveRecord[]): void {
  const setPlan = db.prepare('UPDATE objectives SET increment_id = ?, business_value = ?, actual_value = ?, committed = ? WHERE key = ?');
  const clearLinks = db.prepare(`DELETE FROM item_objectives WHERE objective_key = ? AND source = 'import'`);
  const link = db.prepare(`INSERT OR IGNORE INTO item_objectives (item_id, objective_key, source) SELECT id, ?, 'import' FROM work_items WHERE key = ?`);
  for (const o of objectives) {
    if (o.pi) {
      const increment = storedIncrement(db, o.pi.increment);
      if (!increment) throw new AppError('import-rejected', `Nothing was imported. ${where(o)}: there is no increment "${o.pi.increment}" for objective ${o.key}.`);
      setPlan.run(increment.id, o.pi.businessValue, o.pi.actualValue, o.pi.committed ? 1 : 0, o.key);
    }
    if (o.itemKeys) {
      clearLinks.run(o.key);
      for (const key of o.itemKeys) link.run(o.key, key);
    }
  }
}
