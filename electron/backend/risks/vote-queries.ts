import type { Database } from 'better-sqlite3';
import type { VoteCounts, VoteRound, VoteScope } from '../../../shared/confidence/vote-schema';
import { fromEpochMs } from '../../../shared/domain/time';

// Rounds of the confidence vote: counts per value, never names. One row per round; every round is
// kept (the latest is shown, the earlier ones stay for the record and the report).

interface VoteRow {
  id: number;
  scope_kind: VoteScope['kind'];
  scope_key: string;
  increment: string | null;
  at: number;
  ones: number;
  twos: number;
  threes: number;
  fours: number;
  fives: number;
  note: string | null;
}

const toRound = (r: VoteRow): VoteRound => ({
  id: r.id,
  scope: { kind: r.scope_kind, key: r.scope_key },
  increment: r.increment,
  at: fromEpochMs(r.at),
  counts: [r.ones, r.twos, r.threes, r.fours, r.fives],
  note: r.note,
});

/** Rounds oldest first; with an increment, those about it (a team's vote for it, or the vote of the whole increment). */
export function listVoteRounds(db: Database, increment?: string): VoteRound[] {
  const rows =
    increment === undefined
      ? (db.prepare('SELECT * FROM confidence_votes ORDER BY at, id').all() as VoteRow[])
      : (db.prepare(`SELECT * FROM confidence_votes WHERE increment = ? OR (scope_kind = 'increment' AND scope_key = ?) ORDER BY at, id`).all(increment, increment) as VoteRow[]);
  return rows.map(toRound);
}

export function recordVoteRound(db: Database, input: { scope: VoteScope; increment: string | null; counts: VoteCounts; note: string | null }, now: number): VoteRound {
  const increment = input.scope.kind === 'increment' ? input.scope.key : input.increment;
  const row = db
    .prepare(
      `INSERT INTO confidence_votes (scope_kind, scope_key, increment, at, ones, twos, threes, fours, fives, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    )
    .get(input.scope.kind, input.scope.key, increment, now, ...input.counts, input.note) as VoteRow;
  return toRound(row);
}

export function deleteVoteRound(db: Database, id: number): boolean {
  return db.prepare('DELETE FROM confidence_votes WHERE id = ?').run(id).changes > 0;
}
