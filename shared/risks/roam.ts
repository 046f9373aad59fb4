import type { Risk, RiskChange, RiskStatus } from './risk-schema';
import { RISK_STATUSES } from './risk-vocabulary';

// ROAM: in the PI planning room every risk is talked through and ends Resolved, Owned, Accepted
// or Mitigated. Any status may follow any other (a mitigated risk can come back, an accepted one
// be resolved later): each change is kept in the risk's history with when and, if given, who.

export const ROAM_TEXT: Record<RiskStatus, { label: string; letter: string; meaning: string }> = {
  unroamed: { label: 'Not yet ROAMed', letter: '?', meaning: 'Raised, not yet talked through in the room.' },
  resolved: { label: 'Resolved', letter: 'R', meaning: 'No longer a risk: it was dealt with, or cannot happen any more.' },
  owned: { label: 'Owned', letter: 'O', meaning: 'Someone takes it on and acts before it bites.' },
  accepted: { label: 'Accepted', letter: 'A', meaning: 'Understood and taken as it is: nothing more will be done.' },
  mitigated: { label: 'Mitigated', letter: 'M', meaning: 'A plan lowers its likelihood or its impact.' },
};

export const ROAM_COLUMNS: readonly RiskStatus[] = RISK_STATUSES;

/** The history entry a change of status makes; null when the status stays (a move within its column). */
export function statusChange(from: RiskStatus | null, to: RiskStatus, at: string, who: string | null = null, note: string | null = null): RiskChange | null {
  if (from === to) return null;
  return { at, from, to, who: who?.trim() || null, note: note?.trim() || null };
}

function byRank(a: Pick<Risk, 'rank' | 'key'>, b: Pick<Risk, 'rank' | 'key'>): number {
  return a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** The risks of one status in board order. */
export function columnOf<R extends Pick<Risk, 'status' | 'rank' | 'key'>>(risks: readonly R[], status: RiskStatus): R[] {
  return risks.filter((r) => r.status === status).sort(byRank);
}

/** Every column of the board, each in board order. */
export function roamColumns<R extends Pick<Risk, 'status' | 'rank' | 'key'>>(risks: readonly R[]): Record<RiskStatus, R[]> {
  return Object.fromEntries(ROAM_COLUMNS.map((s) => [s, columnOf(risks, s)])) as Record<RiskStatus, R[]>;
}

/** How many risks each column holds. */
export function roamCounts(risks: readonly Pick<Risk, 'status'>[]): Record<RiskStatus, number> {
  const counts = Object.fromEntries(ROAM_COLUMNS.map((s) => [s, 0])) as Record<RiskStatus, number>;
  for (const r of risks) counts[r.status]++;
  return counts;
}

/** A rank strictly between two neighbours (null: no neighbour on that side). */
export function rankBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 1;
  if (before === null) return after! - 1;
  if (after === null) return before + 1;
  return (before + after) / 2;
}

/**
 * The rank a risk gets when it goes into `status`'s column just before `beforeKey` (or last when
 * null or not in that column). The risk itself is left out of the neighbours, so a move within its
 * own column works the same way.
 */
export function rankFor(risks: readonly Pick<Risk, 'status' | 'rank' | 'key'>[], key: string, status: RiskStatus, beforeKey: string | null): number {
  const column = columnOf(risks, status).filter((r) => r.key !== key);
  const index = beforeKey === null ? -1 : column.findIndex((r) => r.key === beforeKey);
  if (index === -1) return rankBetween(column.at(-1)?.rank ?? null, null);
  return rankBetween(index === 0 ? null : column[index - 1]!.rank, column[index]!.rank);
}

export interface RiskMove {
  key: string;
  to: RiskStatus;
  beforeKey: string | null;
  at: string;
  who?: string | null;
  note?: string | null;
}

/**
 * The board after a move (a new array; the risks given are not changed): the risk takes its new
 * status and place, and a change of status is added to its history. The renderer shows a move at
 * once with it; the backend stores the same status, rank and history entry.
 */
export function moveRisk(risks: readonly Risk[], move: RiskMove): Risk[] {
  const risk = risks.find((r) => r.key === move.key);
  if (!risk) return [...risks];
  const rank = rankFor(risks, move.key, move.to, move.beforeKey);
  const change = statusChange(risk.status, move.to, move.at, move.who ?? null, move.note ?? null);
  const moved: Risk = { ...risk, status: move.to, rank, updatedAt: move.at, history: change ? [...risk.history, change] : risk.history };
  return risks.map((r) => (r === risk ? moved : r));
}

/** The last change of status (the raising when it never moved). */
export function lastChange(risk: Pick<Risk, 'history'>): RiskChange | null {
  return risk.history.at(-1) ?? null;
}

/** A status as people write it in a spreadsheet: the word, the column's name or its ROAM letter, any case; blank is not yet ROAMed. */
export function readRiskStatus(text: string | null): RiskStatus | null {
  const t = (text ?? '').trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  if (t === '' || t === 'open' || t === 'new' || t === 'not roamed') return 'unroamed';
  return ROAM_COLUMNS.find((s) => t === s || t === ROAM_TEXT[s].label.toLowerCase() || t === ROAM_TEXT[s].letter.toLowerCase()) ?? null;
}
