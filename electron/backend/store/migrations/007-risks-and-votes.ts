import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

// The room's own records: ROAM risks with the history of their status changes, and confidence
// votes. Scopes (a team, a coordination group as the advisor keys it, an increment by name) and
// links (items, dependencies, objectives) are kept by key, not by foreign key: a group exists only
// while the advisor forms it, and an increment or item may be named before it is planned or
// imported. Times are epoch milliseconds (UTC) of when the change was made.
export const migration007: Migration = {
  version: 7,
  name: 'risks-and-votes',
  up(db: Database) {
    db.exec(`
      CREATE TABLE risks (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL CHECK (length(title) > 0),
        description TEXT NOT NULL DEFAULT '',
        owner_team_key TEXT,
        owner_person TEXT,
        scope_kind TEXT NOT NULL CHECK (scope_kind IN ('team', 'group', 'increment')),
        scope_key TEXT NOT NULL CHECK (length(scope_key) > 0),
        status TEXT NOT NULL CHECK (status IN ('unroamed', 'resolved', 'owned', 'accepted', 'mitigated')),
        -- Order within its column of the board.
        rank REAL NOT NULL,
        -- The dependency it was raised from in one action, if any.
        raised_from_dependency TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX risks_column ON risks(status, rank);
      CREATE INDEX risks_scope ON risks(scope_kind, scope_key);

      CREATE TABLE risk_links (
        risk_id INTEGER NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('item', 'dependency', 'objective')),
        key TEXT NOT NULL CHECK (length(key) > 0),
        PRIMARY KEY (risk_id, kind, key)
      ) WITHOUT ROWID;

      CREATE TABLE risk_history (
        id INTEGER PRIMARY KEY,
        risk_id INTEGER NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        from_status TEXT CHECK (from_status IS NULL OR from_status IN ('unroamed', 'resolved', 'owned', 'accepted', 'mitigated')),
        to_status TEXT NOT NULL CHECK (to_status IN ('unroamed', 'resolved', 'owned', 'accepted', 'mitigated')),
        who TEXT,
        note TEXT
      );
      CREATE INDEX risk_history_risk ON risk_history(risk_id, at, id);

      -- One round of a fist-of-five vote: how many showed 1 … 5 fingers, never who.
      CREATE TABLE confidence_votes (
        id INTEGER PRIMARY KEY,
        scope_kind TEXT NOT NULL CHECK (scope_kind IN ('team', 'increment')),
        scope_key TEXT NOT NULL CHECK (length(scope_key) > 0),
        -- The increment a team's vote is about (by name); for a whole-increment vote, its scope key.
        increment TEXT,
        at INTEGER NOT NULL,
        ones INTEGER NOT NULL CHECK (ones >= 0),
        twos INTEGER NOT NULL CHECK (twos >= 0),
        threes INTEGER NOT NULL CHECK (threes >= 0),
        fours INTEGER NOT NULL CHECK (fours >= 0),
        fives INTEGER NOT NULL CHECK (fives >= 0),
        note TEXT,
        CHECK (ones + twos + threes + fours + fives > 0)
      );
      CREATE INDEX confidence_votes_scope ON confidence_votes(scope_kind, scope_key, at);
    `);
  },
};
