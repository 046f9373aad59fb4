import type { Database } from 'better-sqlite3';
import { formatCalendarDate } from '../../../shared/domain/calendar-date';
import { MS_PER_DAY } from '../../../shared/domain/time';
import { buildBoard } from '../../../shared/planning/board';
import { needOutsideIncrement } from '../../../shared/planning/board-lint';
import * as plan from '../planning/plan-queries';
import { DEMO_TEAMS } from './demo-portfolio';
import { SeededRandom } from './seeded-random';

// The demo's planning: a finished increment with scored objectives (so predictability has
// something to show) and the current one, holding the data's last day, planned across five
// iterations with capacity, two milestones, one team on its own weekly cadence, and a few
// dependencies out of order — so the Plan page shows a real board on first start.

const DAY = MS_PER_DAY;
const date = (ms: number) => formatCalendarDate(ms);

interface PlanOptions {
  seed: number;
  /** The data's end (exclusive): the current increment holds the day before it. */
  endMs: number;
}

/** Monday on or before `ms` (UTC). */
function mondayOnOrBefore(ms: number): number {
  const day = new Date(ms).getUTCDay();
  return ms - ((day + 6) % 7) * DAY;
}

function iterations(db: Database, incrementId: number, start: number, names: readonly string[], weeks = 2): Map<string, number> {
  const ids = new Map<string, number>();
  names.forEach((name, i) => {
    const s = start + i * weeks * 7 * DAY;
    const view = plan.saveIteration(db, { incrementId, name, start: date(s), end: date(s + weeks * 7 * DAY - DAY), teamKey: null });
    ids.set(name, view.iterations.find((it) => it.name === name && it.teamKey === null)!.id);
  });
  return ids;
}

function openItems(db: Database, teamKey: string, limit: number): string[] {
  return db
    .prepare(
      `SELECT w.key FROM work_items w JOIN teams t ON t.id = w.team_id
       WHERE t.key = ? AND w.status_category NOT IN ('done', 'cancelled') AND w.type IN ('feature', 'story', 'debt')
       ORDER BY CASE w.type WHEN 'feature' THEN 0 ELSE 1 END, w.created_at, w.key LIMIT ?`,
    )
    .pluck()
    .all(teamKey, limit) as string[];
}

function doneItems(db: Database, teamKey: string, from: number, to: number, limit: number): string[] {
  return db
    .prepare(
      `SELECT w.key FROM work_items w JOIN teams t ON t.id = w.team_id
       WHERE t.key = ? AND w.status_category = 'done' AND w.done_at >= ? AND w.done_at < ? AND w.type IN ('feature', 'story')
       ORDER BY w.done_at, w.key LIMIT ?`,
    )
    .pluck()
    .all(teamKey, from, to, limit) as string[];
}

const PI_OBJECTIVES: Record<string, readonly string[]> = {
  checkout: ['Guest checkout in three steps', 'Saved cards for returning shoppers', 'Checkout error rate under 0.5 %'],
  basket: ['Basket survives a device switch', 'Low-stock warnings in the basket'],
  pricing: ['Price changes live within a minute', 'Regional price lists'],
  promotions: ['Stackable promotions at checkout', 'Promotion preview for merchandisers'],
  search: ['Typo-tolerant search for the top 1,000 queries', 'Search suggestions under 100 ms'],
  onboarding: ['KYC documents checked in minutes', 'Onboarding status page for merchants'],
  'merchant-portal': ['Self-service payout settings', 'Team roles in the portal'],
  reporting: ['Report builder beta', 'Scheduled report emails'],
  settlements: ['Same-day settlement for EU merchants', 'Settlement disputes tracked end to end'],
  identity: ['Single sign-on for merchant staff', 'Passkeys for shoppers'],
  notifications: ['Delivery receipts for every message', 'SMS fallback'],
  platform: ['Self-service test environments', 'Cost report per team'],
};

export function writeDemoPlan(db: Database, options: PlanOptions): void {
  const rnd = new SeededRandom(options.seed + 4242);
  const lastDay = options.endMs - DAY;

  // The current increment: five two-week iterations, the data's last day in the first.
  const start = mondayOnOrBefore(lastDay - 6 * DAY);
  const current = plan.saveIncrement(db, { name: 'PI 26.4', start: date(start), end: date(start + 70 * DAY - DAY), capacityUnit: 'items' });
  const ids = iterations(db, current.id, start, ['Iteration 1', 'Iteration 2', 'Iteration 3', 'Iteration 4', 'IP iteration']);
  const columns = [...ids.values()];
  // Cloud Platform runs weekly sprints of its own.
  const platformSprints: number[] = [];
  for (let w = 0; w < 10; w++) {
    const s = start + w * 7 * DAY;
    const view = plan.saveIteration(db, { incrementId: current.id, name: `PLT week ${w + 1}`, start: date(s), end: date(s + 6 * DAY), teamKey: 'platform' });
    platformSprints.push(view.iterations.find((i) => i.name === `PLT week ${w + 1}`)!.id);
  }

  const planned = new Map<string, { team: string; column: number }>();
  for (const team of DEMO_TEAMS) {
    const keys = openItems(db, team.key, team.key === 'platform' ? 14 : 10 + rnd.int(0, 4));
    keys.forEach((key, i) => {
      // Spread over the four working iterations; now and then one item lands in the IP iteration.
      const column = i === keys.length - 1 && rnd.chance(0.25) ? 4 : Math.min(3, Math.floor((i * 4) / keys.length));
      const iterationId = team.key === 'platform' ? platformSprints[Math.min(9, column * 2 + (i % 2))]! : columns[column]!;
      plan.placeItem(db, { incrementId: current.id, itemKey: key, teamKey: team.key, iterationId, beforeItemKey: null });
      planned.set(key, { team: team.key, column });
    });
    columns.forEach((iterationId, c) => {
      // Room for four items an iteration (one in IP); two cells where a team knows it is short.
      const short = (team.key === 'checkout' && c === 1) || (team.key === 'pricing' && c === 2);
      plan.setCapacity(db, { iterationId, teamKey: team.key, amount: c === 4 ? 1 : short ? 2 : 4 });
    });
  }

  // PI objectives with business values, each linked to the team's first planned items.
  const byTeam = new Map<string, string[]>();
  for (const [key, p] of planned) byTeam.set(p.team, [...(byTeam.get(p.team) ?? []), key]);
  for (const team of DEMO_TEAMS) {
    const mine = byTeam.get(team.key) ?? [];
    PI_OBJECTIVES[team.key]!.forEach((title, i) => {
      const last = i === PI_OBJECTIVES[team.key]!.length - 1 && i > 1;
      plan.saveObjective(db, {
        increment: 'PI 26.4',
        title,
        level: 'team',
        teamKey: team.key,
        businessValue: [9, 7, 4, 5][i % 4]! - (rnd.chance(0.3) ? 1 : 0),
        actualValue: null,
        committed: !last,
        parentKey: team.key === 'search' ? 'CJ-3' : null,
        // The third objective of a team with three has no work yet: the board's lint says so.
        itemKeys: last ? [] : mine.slice(i * 3, i * 3 + 3),
      });
    });
  }

  plan.saveMilestone(db, { incrementId: current.id, name: 'Peak-season code freeze', date: date(start + 17 * DAY), teamKey: null });
  plan.saveMilestone(db, { incrementId: current.id, name: 'Partner launch', date: date(start + 45 * DAY), teamKey: 'onboarding' });

  // The data's own open dependencies, planned so that a few are out of order: two providers an
  // iteration after the work waiting on them, one in the same iteration, one not planned at all.
  // No dependency is added, so the coordination advice stays the demo's own.
  const open = db
    .prepare(
      `SELECT d.from_item_key AS consumer, ct.key AS consumerTeam, d.to_item_key AS provider, pt.key AS providerTeam
       FROM dependencies d
       JOIN work_items c ON c.key = d.from_item_key JOIN teams ct ON ct.id = c.team_id
       JOIN work_items p ON p.key = d.to_item_key JOIN teams pt ON pt.id = p.team_id
       WHERE d.resolved_at IS NULL AND c.done_at IS NULL AND p.done_at IS NULL ORDER BY d.key`,
    )
    .all() as { consumer: string; consumerTeam: string; provider: string; providerTeam: string }[];
  const place = (itemKey: string, team: string, column: number) => {
    const iterationId = team === 'platform' ? platformSprints[column * 2 + 1]! : columns[column]!;
    plan.placeItem(db, { incrementId: current.id, itemKey, teamKey: team, iterationId, beforeItemKey: null });
    planned.set(itemKey, { team, column });
  };
  open.slice(0, 4).forEach((d, i) => {
    const consumerColumn = Math.min(2, planned.get(d.consumer)?.column ?? 1);
    place(d.consumer, d.consumerTeam, consumerColumn);
    if (i < 2) place(d.provider, d.providerTeam, consumerColumn + 1);
    else if (i === 2) place(d.provider, d.providerTeam, consumerColumn);
    else if (planned.has(d.provider)) {
      plan.unplanItem(db, current.id, d.provider);
      planned.delete(d.provider);
    }
  });
  restateNeedDates(db, current.id, start);

  writePreviousIncrement(db, rnd, start);
}

/**
 * The data's need dates were set when each dependency was raised, months before this increment
 * for the oldest (RPT-134's said 2026-09-02): the conflicts list put such a date first, and the
 * lint flags it. The room restates the need of every open dependency on the board that lies
 * outside the increment: the Friday before the waiting item's iteration (iterations start on a
 * Monday), for the provider's work to be there when it starts — not before the increment's first
 * day. Settled dependencies keep their dates: they are history.
 */
function restateNeedDates(db: Database, incrementId: number, incrementStart: number): void {
  const board = buildBoard(plan.readPlanData(db, plan.incrementById(db, incrementId), null));
  const iterationStart = db.prepare(
    `SELECT i.start_at FROM planned_items p JOIN work_items w ON w.id = p.item_id JOIN iterations i ON i.id = p.iteration_id WHERE p.increment_id = ? AND w.key = ?`,
  );
  const restate = db.prepare('UPDATE dependencies SET needed_by = ? WHERE key = ?');
  for (const d of board.dependencies) {
    if (needOutsideIncrement(d, board.increment) === null) continue;
    const waitingStarts = iterationStart.pluck().get(incrementId, d.consumer.itemKey) as number;
    restate.run(Math.max(incrementStart, waitingStarts - 3 * DAY), d.key);
  }
}

/** The increment before: done work planned in it and every objective scored, for predictability. */
function writePreviousIncrement(db: Database, rnd: SeededRandom, currentStart: number): void {
  const start = currentStart - 70 * DAY;
  const previous = plan.saveIncrement(db, { name: 'PI 26.3', start: date(start), end: date(currentStart - DAY), capacityUnit: 'items' });
  const ids = [...iterations(db, previous.id, start, ['Iteration 1', 'Iteration 2', 'Iteration 3', 'Iteration 4', 'IP iteration']).values()];
  for (const team of DEMO_TEAMS) {
    const keys = doneItems(db, team.key, start, currentStart, 8);
    keys.forEach((key, i) => plan.placeItem(db, { incrementId: previous.id, itemKey: key, teamKey: team.key, iterationId: ids[Math.min(4, Math.floor(i / 2))]!, beforeItemKey: null }));
    // Most teams land near their plan; a couple miss by more, one does better than planned.
    const reach = team.key === 'settlements' ? 0.55 : team.key === 'reporting' ? 0.7 : team.key === 'search' ? 1.05 : 0.8 + rnd.next() * 0.2;
    [8, 6, 3].forEach((value, i) => {
      plan.saveObjective(db, {
        increment: 'PI 26.3',
        title: `Groundwork: ${PI_OBJECTIVES[team.key]![i % PI_OBJECTIVES[team.key]!.length]!.toLowerCase()}`,
        level: 'team',
        teamKey: team.key,
        businessValue: value,
        // Stretch objectives are seldom reached; Search reached its own.
        actualValue: i === 2 ? (team.key === 'search' ? 3 : 0) : Math.min(10, Math.round(value * reach * 10) / 10),
        committed: i < 2,
        parentKey: null,
        itemKeys: keys.slice(i * 2, i * 2 + 2),
      });
    });
  }
}
