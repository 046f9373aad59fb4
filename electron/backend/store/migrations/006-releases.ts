import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

// Releases as trackers name them (Jira's Fix Version/s, an Azure DevOps release field): which items
// ship together. The coordination advisor reads a release holding two or more teams' work as joint
// integration when deployments do not say what they shipped (docs/COORDINATION.md). A release's
// date is the tracker's release date when it gives one (Jira's REST answer does, its CSV does not).
export const migration006: Migration = {
  version: 6,
  name: 'releases',
  up(db: Database) {
    db.exec(`
      CREATE TABLE releases (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        released_at INTEGER
      );

      CREATE TABLE item_releases (
        item_id INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
        release_id INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
        PRIMARY KEY (item_id, release_id)
      ) WITHOUT ROWID;
      CREATE INDEX item_releases_release ON item_releases(release_id);
    `);
  },
};
