import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getSchemaVersion, migrate, MIGRATIONS } from '../../../electron/backend/store/migrations';
import { databasePerTest } from '../../support/migration-database';

// The decks migration, found by name so that renumbering it at a merge changes nothing here.
const DECKS = MIGRATIONS.find((m) => m.name === 'decks')!;

describe('decks migration', () => {
  let db: Database.Database;
  databasePerTest((opened) => {
    db = opened;
    migrate(db, 'm', DECKS.version - 1);
    db.prepare(`INSERT INTO teams (key, name) VALUES ('a', 'A')`).run();
    migrate(db, 'm', DECKS.version);
  });

  it('adds decks and their ordered entries, keeping what the workspace held', () => {
    expect(getSchemaVersion(db)).toBe(DECKS.version);
    expect(db.prepare('SELECT count(*) FROM teams').pluck().get()).toBe(1);
    const deck = db.prepare(`INSERT INTO decks (name, updated_at) VALUES ('PI 26.4 readout', 0) RETURNING id`).pluck().get();
    db.prepare(`INSERT INTO deck_entries (deck_id, position, title, address, timebox_seconds) VALUES (?, 0, 'Groups', '/coordination', 300)`).run(deck);
    db.prepare(`INSERT INTO deck_entries (deck_id, position, title, address, timebox_seconds) VALUES (?, 1, 'Flow', '/flow?teams=a', NULL)`).run(deck);
    expect(db.prepare('SELECT title FROM deck_entries ORDER BY position').pluck().all()).toEqual(['Groups', 'Flow']);
    // Deleting a deck takes its entries with it.
    db.prepare('DELETE FROM decks').run();
    expect(db.prepare('SELECT count(*) FROM deck_entries').pluck().get()).toBe(0);
  });

  describe('edge cases', () => {
    it('refuses a second deck of one name, two entries at one position, addresses outside the app and empty timeboxes', () => {
      const deck = db.prepare(`INSERT INTO decks (name, updated_at) VALUES ('D', 0) RETURNING id`).pluck().get();
      expect(() => db.prepare(`INSERT INTO decks (name, updated_at) VALUES ('D', 0)`).run()).toThrow(/UNIQUE/);
      expect(() => db.prepare(`INSERT INTO decks (name, updated_at) VALUES ('  ', 0)`).run()).toThrow(/CHECK/);
      const entry = db.prepare(`INSERT INTO deck_entries (deck_id, position, title, address) VALUES (?, ?, ?, ?)`);
      entry.run(deck, 0, 'One', '/overview');
      expect(() => entry.run(deck, 0, 'Two', '/teams')).toThrow(/UNIQUE/);
      expect(() => entry.run(deck, 1, 'Away', 'https://example.com/')).toThrow(/CHECK/);
      expect(() => db.prepare(`INSERT INTO deck_entries (deck_id, position, title, address, timebox_seconds) VALUES (?, 2, 'T', '/teams', 0)`).run(deck)).toThrow(/CHECK/);
      expect(() => entry.run(999, 0, 'Orphan', '/teams')).toThrow(/FOREIGN KEY/);
    });
  });
});
