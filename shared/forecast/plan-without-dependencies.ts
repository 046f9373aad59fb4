import type { PlanStructure } from './plan-structure';

// The odds of every item and group with every dependency ignored, computed exactly instead of
// simulated. Without dependencies the teams are independent and each works down its queue; as its
// throughput carries over from item to item, its k-th open item is done by day d exactly when the
// sum of its draws over the counted days up to d reaches the sizes up to that item. That sum's
// distribution is the samples' distribution convolved once per counted day, so the odds are exact
// (no sampling noise), and a group spread over teams is done in time with the product of each
// team's odds for its last member there.
//
// Where the dependencies cannot change anything in any trial, the simulated odds are the odds
// without them too: see unaffectedByDependencies.

const EPSILON = 1e-9;

/** One question to a team: the odds that its draws over the first `days` counted days reach `need`. */
interface Question {
  readonly days: number;
  readonly need: number;
  answer: number;
}

/**
 * Per entity (the n items, then the groups in order), the exact probability that it is done by the
 * end of its due day with every dependency ignored. `countedDay` is the simulation's calendar
 * (1 for a day on which teams deliver) and bounds the horizon as in the simulation.
 */
export function oddsWithoutDependencies(plan: PlanStructure, countedDay: Uint8Array): Float64Array {
  const { n, queues, done, impossibleIgnoringDeps, size, dueDay, groups, teamOf } = plan;
  const maxDays = countedDay.length;
  // counted[d]: counted days in [0, d]; a due day past the horizon counts the whole horizon.
  const counted = new Int32Array(maxDays);
  for (let d = 0, c = 0; d < maxDays; d++) counted[d] = c += countedDay[d]!;
  const daysBy = (due: number) => (due < 0 ? 0 : counted[Math.min(due, maxDays - 1)]!);

  // Each open item's need: the sizes of its team's open items up to it, in queue order.
  const need = new Float64Array(n);
  for (const queue of queues) {
    let sum = 0;
    for (let k = 0; k < queue.length; k++) {
      const item = queue[k]!;
      if (done[item] || impossibleIgnoringDeps[item]) continue;
      sum += size[item]!;
      need[item] = sum;
    }
  }

  const questions: Question[][] = queues.map(() => []);
  const ask = (team: number, due: number, needed: number): Question => {
    const q: Question = { days: daysBy(due), need: Math.max(0, Math.ceil(needed - EPSILON)), answer: 0 };
    questions[team]!.push(q);
    return q;
  };
  const itemQuestions: (Question | null)[] = [];
  for (let i = 0; i < n; i++) itemQuestions.push(done[i] || impossibleIgnoringDeps[i] ? null : ask(teamOf[i]!, dueDay[i]!, need[i]!));
  const groupQuestions = groups.map((g) => {
    // Per team, the largest need among the group's open members there; an open member that can
    // never be done makes the group impossible.
    const largest = new Map<number, number>();
    let impossible = false;
    for (const item of g.members) {
      if (done[item]) continue;
      if (impossibleIgnoringDeps[item]) impossible = true;
      const t = teamOf[item]!;
      largest.set(t, Math.max(largest.get(t) ?? 0, need[item]!));
    }
    return impossible ? null : [...largest].map(([t, needed]) => ask(t, g.dueDay, needed));
  });

  questions.forEach((list, t) => answer(plan.samples[t]!, list));

  const odds = new Float64Array(n + groups.length);
  for (let i = 0; i < n; i++) odds[i] = done[i] ? 1 : (itemQuestions[i]?.answer ?? 0);
  groupQuestions.forEach((qs, k) => (odds[n + k] = qs === null ? 0 : qs.reduce((p, q) => p * q.answer, 1)));
  return odds;
}

/**
 * Answers a team's questions: the distribution of its draws' sum after 0, 1, 2 … counted days,
 * kept only up to the largest need asked about (every larger sum lumped into its last cell).
 */
function answer(samples: Int32Array, list: Question[]): void {
  if (list.length === 0) return;
  const cap = list.reduce((m, q) => Math.max(m, q.need), 0);
  const maxDays = list.reduce((m, q) => Math.max(m, q.days), 0);
  // The samples' distribution as (value, probability) pairs, values capped like the sums.
  const counts = new Map<number, number>();
  for (let k = 0; k < samples.length; k++) {
    const v = Math.min(samples[k]!, cap);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const values = [...counts.keys()];
  const weights = values.map((v) => counts.get(v)! / samples.length);
  const byDays = [...list].sort((a, b) => a.days - b.days);
  let dist = new Float64Array(cap + 1);
  dist[0] = 1;
  let next = new Float64Array(cap + 1);
  let q = 0;
  for (let day = 0; ; day++) {
    for (; q < byDays.length && byDays[q]!.days === day; q++) {
      const question = byDays[q]!;
      let p = 0;
      for (let s = question.need; s <= cap; s++) p += dist[s]!;
      question.answer = Math.min(1, p);
    }
    if (day === maxDays || samples.length === 0) break;
    next.fill(0);
    for (let s = 0; s <= cap; s++) {
      const ps = dist[s]!;
      if (ps === 0) continue;
      for (let k = 0; k < values.length; k++) next[Math.min(cap, s + values[k]!)]! += ps * weights[k]!;
    }
    [dist, next] = [next, dist];
  }
  // A team without samples never gets past its first day: whatever it has not done, it never does.
  for (; q < byDays.length; q++) byDays[q]!.answer = byDays[q]!.need <= 0 ? 1 : 0;
}

/**
 * Per entity, 1 when the dependencies cannot change when it is done in any trial: every open item
 * of its team up to it (in queue order) has all its providers done, so the team reaches and
 * finishes it exactly as it would with the dependencies ignored. For a group, all its members.
 * For these the simulated odds are also the odds without dependencies, and the cost is exactly 0.
 */
export function unaffectedByDependencies(plan: PlanStructure): Uint8Array {
  const { n, queues, done, initialPending, groups } = plan;
  const unaffected = new Uint8Array(n + groups.length);
  for (const queue of queues) {
    for (let k = 0; k < queue.length; k++) {
      const item = queue[k]!;
      if (!done[item] && initialPending[item]! > 0) break;
      unaffected[item] = 1;
    }
  }
  // Done items are done in both runs, whatever their place.
  for (let i = 0; i < n; i++) if (done[i]) unaffected[i] = 1;
  groups.forEach((g, k) => (unaffected[n + k] = g.members.every((i) => unaffected[i] === 1) ? 1 : 0));
  return unaffected;
}
