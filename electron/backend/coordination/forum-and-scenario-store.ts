import type { Database } from 'better-sqlite3';
import type { Forum, SavedScenario } from '../../../shared/contract/coordination-channels';
import { AppError } from '../../../shared/contract/result';
import { ScenarioChanges, type ScenarioChange } from '../../../shared/coordination/what-if';
import { fromEpochMs } from '../../../shared/domain/time';
import { loadForums } from './coordination-queries';

// Declared forums (for congruence) and saved what-if scenarios (tables of migration 003).

export function listForums(db: Database): Forum[] {
  return loadForums(db).map((f) => ({ ...f, teamKeys: [...f.teamKeys] }));
}

function teamIds(db: Database, keys: readonly string[]): number[] {
  const lookup = db.prepare('SELECT id FROM teams WHERE key = ?').pluck();
  const unique = [...new Set(keys)];
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const key of unique) {
    const id = lookup.get(key) as number | undefined;
    if (id === undefined) unknown.push(key);
    else ids.push(id);
  }
  if (unknown.length > 0) {
    throw new AppError('invalid-input', `No team with the key ${unknown.map((k) => `“${k}”`).join(', ')} in this workspace.`, [
      { path: 'teamKeys', message: `unknown team ${unknown.join(', ')}` },
    ]);
  }
  return ids;
}

function nameTaken(db: Database, table: 'forums' | 'scenarios', name: string, id: number | undefined): boolean {
  const row = db.prepare(`SELECT id FROM ${table} WHERE name = ?`).pluck().get(name) as number | undefined;
  return row !== undefined && row !== id;
}

export function saveForum(db: Database, input: { id?: number; name: string; cadence: string | null; teamKeys: readonly string[] }): Forum {
  return db.transaction(() => {
    if (nameTaken(db, 'forums', input.name, input.id)) {
      throw new AppError('invalid-input', `A forum named “${input.name}” already exists; choose another name.`, [{ path: 'name', message: 'already used' }]);
    }
    const ids = teamIds(db, input.teamKeys);
    let id: number;
    if (input.id === undefined) {
      id = (db.prepare('INSERT INTO forums (name, cadence) VALUES (?, ?) RETURNING id').pluck().get(input.name, input.cadence) as number);
    } else {
      const changed = db.prepare('UPDATE forums SET name = ?, cadence = ? WHERE id = ?').run(input.name, input.cadence, input.id).changes;
      if (changed === 0) throw new AppError('not-found', `There is no forum with id ${input.id}; it may have been deleted.`);
      id = input.id;
      db.prepare('DELETE FROM forum_teams WHERE forum_id = ?').run(id);
    }
    const link = db.prepare('INSERT INTO forum_teams (forum_id, team_id) VALUES (?, ?)');
    for (const teamId of ids) link.run(id, teamId);
    return listForums(db).find((f) => f.id === id)!;
  })();
}

export function deleteForum(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM forums WHERE id = ?').run(id).changes > 0;
}

export function listScenarios(db: Database): SavedScenario[] {
  const rows = db.prepare('SELECT id, name, created_at AS createdAt, body FROM scenarios ORDER BY created_at DESC, id DESC').all() as {
    id: number;
    name: string;
    createdAt: number;
    body: string;
  }[];
  return rows.map((r) => {
    // A body written by a later version may hold changes this one does not know: show it empty rather than fail the list.
    const parsed = ScenarioChanges.safeParse((JSON.parse(r.body) as { changes?: unknown }).changes);
    return { id: r.id, name: r.name, createdAt: fromEpochMs(r.createdAt), changes: parsed.success ? parsed.data : [] };
  });
}

export function saveScenario(db: Database, input: { id?: number; name: string; changes: readonly ScenarioChange[] }, now = Date.now()): SavedScenario {
  return db.transaction(() => {
    if (nameTaken(db, 'scenarios', input.name, input.id)) {
      throw new AppError('invalid-input', `A scenario named “${input.name}” already exists; choose another name.`, [{ path: 'name', message: 'already used' }]);
    }
    const body = JSON.stringify({ version: 1, changes: input.changes });
    let id: number;
    if (input.id === undefined) {
      id = db.prepare('INSERT INTO scenarios (name, created_at, body) VALUES (?, ?, ?) RETURNING id').pluck().get(input.name, now, body) as number;
    } else {
      const changed = db.prepare('UPDATE scenarios SET name = ?, body = ? WHERE id = ?').run(input.name, body, input.id).changes;
      if (changed === 0) throw new AppError('not-found', `There is no scenario with id ${input.id}; it may have been deleted.`);
      id = input.id;
    }
    return listScenarios(db).find((s) => s.id === id)!;
  })();
}

export function deleteScenario(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM scenarios WHERE id = ?').run(id).changes > 0;
}
