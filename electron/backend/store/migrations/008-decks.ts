import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

// Decks for presenting to a room: named, ordered views of the app. A view is its address inside
// the app ("/coordination?tab=map"), so pages added later need no schema change to be presented.
export const migration008: Migration = {
  version: 8,
  name: 'decks',
  up(db: Database) {
    db.exec(`
      CREATE TABLE decks (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE deck_entries (
        id INTEGER PRIMARY KEY,
        deck_id INTEGER NOT NULL REFERENCES decks(id) ON DELETE CASCADE,
        position INTEGER NOT NULL CHECK (position >= 0),
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        address TEXT NOT NULL CHECK (substr(address, 1, 1) = '/'),
        timebox_seconds INTEGER CHECK (timebox_seconds IS NULL OR timebox_seconds > 0),
        UNIQUE (deck_id, position)
      );
    `);
  },
};
