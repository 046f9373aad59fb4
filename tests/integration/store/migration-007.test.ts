import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { getSchemaVersion, migrate } from '../../../electron/backend/store/migrations';
import { databasePerTest } from '../../support/migration-database';

// Migration 007: risks with their links and status history, and confidence votes.

describe('migration 007 (risks and votes)', () => {
  let db: Database.Database;
  databasePerTest((opened) => (db = opened));

  const risk = (key: string, status = 'unroamed') =>
    db
      .prepare(`INSERT INTO risks (key, title, scope_kind, scope_key, status, rank, created_at, updated_at) VALUES (?, 'Vendor API late', 'group', 'g-checkout', ?, 1, 0, 0) RETURNING id`)
      .pluck()
      .get(key, status) as number;

  it('adds risks, their links and history, and confidence votes over an existing workspace', () => {
    migrate(db, 'm', 5);
    db.exec(`INSERT INTO teams (key, name) VALUES ('a', 'A')`);
    migrate(db, 'm', 7);
    expect(getSchemaVersion(db)).toBe(7);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['risks', 'risk_links', 'risk_history', 'confidence_votes']));
    expect(db.prepare('SELECT count(*) FROM teams').pluck().get()).toBe(1);

    const id = risk('R-1');
    db.prepare(`INSERT INTO risk_links (risk_id, kind, key) VALUES (?, 'dependency', 'DEP-1')`).run(id);
    db.prepare(`INSERT INTO risk_history (risk_id, at, from_status, to_status, who) VALUES (?, 5, NULL, 'unroamed', NULL)`).run(id);
    // Deleting a risk takes its links and history with it.
    db.prepare('DELETE FROM risks').run();
    expect(db.prepare('SELECT count(*) FROM risk_links').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM risk_history').pluck().get()).toBe(0);

    db.prepare(`INSERT INTO confidence_votes (scope_kind, scope_key, increment, at, ones, twos, threes, fours, fives) VALUES ('team', 'a', 'PI 1', 1, 0, 1, 3, 4, 2)`).run();
    expect(db.prepare('SELECT threes FROM confidence_votes').pluck().get()).toBe(3);
  });

  describe('edge cases', () => {
    beforeEach(() => migrate(db, 'm'));

    it('refuses a status outside ROAM, a scope kind it does not know, an empty title and a duplicate key', () => {
      expect(() => risk('R-1', 'maybe')).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO risks (key, title, scope_kind, scope_key, status, rank, created_at, updated_at) VALUES ('R-2', 't', 'tribe', 'x', 'owned', 1, 0, 0)`).run()).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO risks (key, title, scope_kind, scope_key, status, rank, created_at, updated_at) VALUES ('R-3', '', 'team', 'x', 'owned', 1, 0, 0)`).run()).toThrow(/CHECK/);
      risk('R-4');
      expect(() => risk('R-4')).toThrow(/UNIQUE/);
      expect(() => db.prepare(`INSERT INTO risk_links (risk_id, kind, key) VALUES (1, 'team', 'a')`).run()).toThrow(/CHECK/);
    });

    it('refuses a vote round with no votes, a negative count, or a group scope', () => {
      const vote = (scope: string, counts: number[]) =>
        db.prepare(`INSERT INTO confidence_votes (scope_kind, scope_key, at, ones, twos, threes, fours, fives) VALUES (?, 'k', 0, ?, ?, ?, ?, ?)`).run(scope, ...counts);
      expect(() => vote('team', [0, 0, 0, 0, 0])).toThrow(/CHECK/);
      expect(() => vote('team', [-1, 0, 0, 0, 2])).toThrow(/CHECK/);
      expect(() => vote('group', [1, 0, 0, 0, 0])).toThrow(/CHECK/);
      vote('increment', [0, 0, 0, 0, 1]);
    });
  });
});
