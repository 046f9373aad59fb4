import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/result';
import { fromEpochMs } from '../../../shared/domain/time';
import { rankFor, statusChange } from '../../../shared/risks/roam';
import { linkAsStored } from '../../../shared/risks/risk-links';
import { riskKeyNumber } from '../../../shared/risks/risk-vocabulary';
import type { ParsedRiskInput, Risk, RiskChange, RiskLinks, RiskScope, RiskStatus } from '../../../shared/risks/risk-schema';
import { getSetting, putSetting } from '../store/queries/settings';

// Risks, their links and the history of their status changes. Every function writes inside the
// caller's transaction; the handlers own it (one per edit).

interface RiskRow {
  id: number;
  key: string;
  title: string;
  description: string;
  owner_team_key: string | null;
  owner_person: string | null;
  scope_kind: RiskScope['kind'];
  scope_key: string;
  status: RiskStatus;
  rank: number;
  raised_from_dependency: string | null;
  created_at: number;
  updated_at: number;
}

interface HistoryRow {
  risk_id: number;
  at: number;
  from_status: RiskStatus | null;
  to_status: RiskStatus;
  who: string | null;
  note: string | null;
}

const LINK_KINDS = { item: 'items', dependency: 'dependencies', objective: 'objectives' } as const;
type LinkKind = keyof typeof LINK_KINDS;

const toChange = (h: HistoryRow): RiskChange => ({ at: fromEpochMs(h.at), from: h.from_status, to: h.to_status, who: h.who, note: h.note });

function toRisk(r: RiskRow, links: RiskLinks, history: RiskChange[]): Risk {
  return {
    key: r.key,
    title: r.title,
    description: r.description,
    ownerTeamKey: r.owner_team_key,
    ownerPerson: r.owner_person,
    scope: { kind: r.scope_kind, key: r.scope_key },
    status: r.status,
    rank: r.rank,
    links,
    raisedFromDependency: r.raised_from_dependency,
    createdAt: fromEpochMs(r.created_at),
    updatedAt: fromEpochMs(r.updated_at),
    history,
  };
}

const emptyLinks = (): RiskLinks => ({ items: [], dependencies: [], objectives: [] });

/** Every risk with its links and history, in board order (status, then rank). */
export function listRisks(db: Database): Risk[] {
  const rows = db.prepare('SELECT * FROM risks ORDER BY status, rank, key').all() as RiskRow[];
  const links = new Map<number, RiskLinks>();
  for (const l of db.prepare('SELECT risk_id, kind, key FROM risk_links ORDER BY risk_id, kind, key').all() as { risk_id: number; kind: LinkKind; key: string }[]) {
    const entry = links.get(l.risk_id) ?? emptyLinks();
    entry[LINK_KINDS[l.kind]].push(l.key);
    links.set(l.risk_id, entry);
  }
  const history = new Map<number, RiskChange[]>();
  for (const h of db.prepare('SELECT * FROM risk_history ORDER BY risk_id, at, id').all() as HistoryRow[]) {
    history.set(h.risk_id, [...(history.get(h.risk_id) ?? []), toChange(h)]);
  }
  return rows.map((r) => toRisk(r, links.get(r.id) ?? emptyLinks(), history.get(r.id) ?? []));
}

function rowByKey(db: Database, key: string): RiskRow | undefined {
  return db.prepare('SELECT * FROM risks WHERE key = ?').get(key) as RiskRow | undefined;
}

export function riskByKey(db: Database, key: string): Risk {
  const row = rowByKey(db, key);
  if (!row) throw new AppError('not-found', `There is no risk "${key}" in this workspace.`);
  const links = emptyLinks();
  for (const l of db.prepare('SELECT kind, key FROM risk_links WHERE risk_id = ? ORDER BY kind, key').all(row.id) as { kind: LinkKind; key: string }[]) links[LINK_KINDS[l.kind]].push(l.key);
  const history = (db.prepare('SELECT * FROM risk_history WHERE risk_id = ? ORDER BY at, id').all(row.id) as HistoryRow[]).map(toChange);
  return toRisk(row, links, history);
}

const LAST_KEY_SETTING = 'risks.lastKeyNumber';

/**
 * The next "RISK-n": above every risk held and every number given out before, so the key of a
 * deleted risk is never given to another one (exports and reports may still name it).
 */
export function nextRiskKey(db: Database): string {
  const held = (db.prepare(`SELECT max(CAST(substr(key, 6) AS INTEGER)) FROM risks WHERE key GLOB 'RISK-[0-9]*'`).pluck().get() as number | null) ?? 0;
  const n = Math.max(held, lastGivenNumber(db)) + 1;
  putSetting(db, LAST_KEY_SETTING, z.number().int(), n);
  return `RISK-${n}`;
}

function lastGivenNumber(db: Database): number {
  return getSetting(db, LAST_KEY_SETTING, z.number().int().nonnegative(), 0);
}

function columnRanks(db: Database, status: RiskStatus): { key: string; rank: number; status: RiskStatus }[] {
  return db.prepare('SELECT key, rank, status FROM risks WHERE status = ?').all(status) as { key: string; rank: number; status: RiskStatus }[];
}

function recordChange(db: Database, riskId: number, change: RiskChange | null, atMs: number): void {
  if (!change) return;
  db.prepare('INSERT INTO risk_history (risk_id, at, from_status, to_status, who, note) VALUES (?, ?, ?, ?, ?, ?)').run(riskId, atMs, change.from, change.to, change.who, change.note);
}

function replaceLinks(db: Database, riskId: number, links: Partial<RiskLinks>): void {
  const insert = db.prepare('INSERT OR IGNORE INTO risk_links (risk_id, kind, key) VALUES (?, ?, ?)');
  for (const [kind, field] of Object.entries(LINK_KINDS) as [LinkKind, keyof RiskLinks][]) {
    const keys = links[field];
    if (keys === undefined) continue;
    db.prepare('DELETE FROM risk_links WHERE risk_id = ? AND kind = ?').run(riskId, kind);
    for (const key of keys) insert.run(riskId, kind, key);
  }
}

const LINKED_TABLES = { items: 'work_items', dependencies: 'dependencies', objectives: 'objectives' } as const;

/**
 * Links as a person typed them ("rpt-134"), each key the workspace's own where one differs only in
 * letter case ("RPT-134"): a link stored as typed matched nothing, so the board marked no card and
 * the report named no item. A key the workspace holds as typed, or not at all (an item still to be
 * imported), stays as typed; one that matches two keys of other cases stays too. The case-blind
 * look is a scan of the table, made only for a key not found as typed, and only when a risk is
 * saved by hand (a few links); an import applies the same rule (linkAsStored) to its risks' links
 * once every file is read (RecordChecker.checkRiskLinks), against its own keys too.
 */
export function linksAsStored(db: Database, links: Partial<RiskLinks>): Partial<RiskLinks> {
  const stored: Partial<RiskLinks> = {};
  for (const [field, table] of Object.entries(LINKED_TABLES) as [keyof RiskLinks, string][]) {
    const keys = links[field];
    if (keys === undefined) continue;
    const exact = db.prepare(`SELECT 1 FROM ${table} WHERE key = ?`).pluck();
    const anyCase = db.prepare(`SELECT key FROM ${table} WHERE key = ? COLLATE NOCASE LIMIT 2`).pluck();
    stored[field] = keys.map((key) => (exact.get(key) !== undefined ? key : linkAsStored(key, anyCase.all(key) as string[])));
  }
  return stored;
}

export interface RiskWrite extends Omit<ParsedRiskInput, 'links'> {
  links: Partial<RiskLinks>;
  raisedFromDependency?: string | null;
  note?: string | null;
}

/**
 * Creates a risk (no key, or a key not stored yet) or changes one. A new risk goes last in its
 * column and its history starts with its status; a changed status goes last in the new column and
 * adds one history entry. Links left out stay as they are. Returns the key.
 */
export function saveRisk(db: Database, input: RiskWrite, now: number): string {
  const existing = input.key === undefined ? undefined : rowByKey(db, input.key);
  const at = fromEpochMs(now);
  if (!existing) {
    const key = input.key ?? nextRiskKey(db);
    const rank = rankFor(columnRanks(db, input.status), key, input.status, null);
    const { id } = db
      .prepare(
        `INSERT INTO risks (key, title, description, owner_team_key, owner_person, scope_kind, scope_key, status, rank, raised_from_dependency, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(key, input.title, input.description, input.ownerTeamKey, input.ownerPerson, input.scope.kind, input.scope.key, input.status, rank, input.raisedFromDependency ?? null, now, now) as { id: number };
    replaceLinks(db, id, input.links);
    recordChange(db, id, statusChange(null, input.status, at, input.who, input.note ?? null), now);
    return key;
  }
  const rank = existing.status === input.status ? existing.rank : rankFor(columnRanks(db, input.status), existing.key, input.status, null);
  db.prepare(
    `UPDATE risks SET title = ?, description = ?, owner_team_key = ?, owner_person = ?, scope_kind = ?, scope_key = ?, status = ?, rank = ?, updated_at = ? WHERE id = ?`,
  ).run(input.title, input.description, input.ownerTeamKey, input.ownerPerson, input.scope.kind, input.scope.key, input.status, rank, now, existing.id);
  replaceLinks(db, existing.id, input.links);
  recordChange(db, existing.id, statusChange(existing.status, input.status, at, input.who, input.note ?? null), now);
  return existing.key;
}

/** Moves a risk to a column, before `beforeKey` there (else last); a change of status goes into its history. */
export function moveRisk(db: Database, input: { key: string; status: RiskStatus; beforeKey: string | null; who: string | null; note: string | null }, now: number): void {
  const row = rowByKey(db, input.key);
  if (!row) throw new AppError('not-found', `There is no risk "${input.key}" in this workspace.`);
  const rank = rankFor(columnRanks(db, input.status), row.key, input.status, input.beforeKey);
  db.prepare('UPDATE risks SET status = ?, rank = ?, updated_at = ? WHERE id = ?').run(input.status, rank, now, row.id);
  recordChange(db, row.id, statusChange(row.status, input.status, fromEpochMs(now), input.who, input.note), now);
}

export function deleteRisk(db: Database, key: string): boolean {
  const deleted = db.prepare('DELETE FROM risks WHERE key = ?').run(key).changes > 0;
  // A key Interlock did not give out (an import's RISK-10) is never given out after it is gone
  // either: a re-import of an old export would otherwise overwrite the new risk that took it.
  const n = riskKeyNumber(key);
  if (deleted && n !== null && n > lastGivenNumber(db)) putSetting(db, LAST_KEY_SETTING, z.number().int(), n);
  return deleted;
}

/** A risk raised from this dependency and not resolved yet, if there is one. */
export function openRiskFromDependency(db: Database, dependencyKey: string): string | null {
  return (db.prepare(`SELECT key FROM risks WHERE raised_from_dependency = ? AND status != 'resolved' ORDER BY id LIMIT 1`).pluck().get(dependencyKey) as string | undefined) ?? null;
}

export interface DependencyRow {
  key: string;
  kind: string;
  interface_name: string | null;
  needed_by: number | null;
  resolved_at: number | null;
  from_item_key: string | null;
  from_item_title: string | null;
  from_team_key: string | null;
  from_team_name: string | null;
  to_item_key: string | null;
  to_item_title: string | null;
  to_team_key: string | null;
  to_team_name: string | null;
}

/** A dependency with both ends' items and teams (a team from the item when the dependency names none). */
export function dependencyWithEnds(db: Database, key: string): DependencyRow {
  const row = db
    .prepare(
      `SELECT d.key, d.kind, d.interface_name, d.needed_by, d.resolved_at,
              d.from_item_key, fi.title AS from_item_title, ft.key AS from_team_key, ft.name AS from_team_name,
              d.to_item_key, ti.title AS to_item_title, tt.key AS to_team_key, tt.name AS to_team_name
       FROM dependencies d
       LEFT JOIN work_items fi ON fi.key = d.from_item_key
       LEFT JOIN teams ft ON ft.id = coalesce(d.from_team_id, fi.team_id)
       LEFT JOIN work_items ti ON ti.key = d.to_item_key
       LEFT JOIN teams tt ON tt.id = coalesce(d.to_team_id, ti.team_id)
       WHERE d.key = ?`,
    )
    .get(key) as DependencyRow | undefined;
  if (!row) throw new AppError('not-found', `There is no dependency "${key}" in this workspace.`);
  return row;
}

export function teamNames(db: Database): { key: string; name: string }[] {
  return db.prepare('SELECT key, name FROM teams ORDER BY name, key').all() as { key: string; name: string }[];
}
