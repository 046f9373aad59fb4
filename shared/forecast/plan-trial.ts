import { INVERSE_TWO_32, TWO_32, type RandomGenerator } from './monte-carlo';
import type { PlanStructure } from './plan-structure';

// One trial of a plan: every team's queue, with its dependencies, on the trial's draws.

const EPSILON = 1e-9;
/** Days drawn per call for a team that looks past what it has drawn. */
const DRAW_AHEAD = 8;

/**
 * Each team's throughput on each day of the current trial, drawn the first time the run asks for
 * it (in day order per team), so that a team with nothing left to do draws nothing.
 */
export class TrialDraws {
  /**
   * drawn[day * teams + team]: valid for days before drawnUpTo[team]. Day by day, so that a day's
   * loop over the teams reads one short stretch. Samples are at most 32767, so 16 bits hold a day
   * and twice as many days stay in the cache. Read directly on the hot path.
   */
  readonly drawn: Int16Array;
  readonly drawnUpTo: Int32Array;
  readonly maxDays: number;
  /**
   * The generator's state (pure-rand's xoroshiro128+ as getState() gives it: s01, s00, s11, s10),
   * stepped here in local variables: tens of millions of draws through next() spent much of their
   * time loading and storing the generator object's fields. A test holds these steps to next()'s.
   */
  private readonly state: Int32Array;
  /** Per team, Lemire's rejection threshold 2³² mod n (a floating-point remainder: worth computing once). */
  private readonly threshold: Float64Array;

  constructor(
    private readonly samples: readonly Int32Array[],
    private readonly countedDay: Uint8Array,
    rng: RandomGenerator,
  ) {
    this.maxDays = countedDay.length;
    this.drawn = new Int16Array(samples.length * countedDay.length);
    this.drawnUpTo = new Int32Array(samples.length);
    this.state = Int32Array.from(rng.getState());
    this.threshold = Float64Array.from(samples, (s) => (s.length > 1 ? TWO_32 % s.length : 0));
  }

  nextTrial(): void {
    this.drawnUpTo.fill(0);
  }

  /**
   * Draws the team's days up to `day` and a few beyond (uncounted days get 0), and returns that
   * day's throughput. Drawing ahead in one tight loop costs less than one call per day. Each
   * counted day of a team with two or more samples takes drawIndex's draw: one output of the
   * generator (more on a rare rejection).
   */
  draw(team: number, day: number): number {
    const { drawn, countedDay, maxDays, state } = this;
    const teams = this.samples.length;
    const samples = this.samples[team]!;
    const n = samples.length;
    const to = Math.min(maxDays, day + DRAW_AHEAD);
    const from = this.drawnUpTo[team]!;
    this.drawnUpTo[team] = to;
    if (n <= 1) {
      const only = n === 1 ? samples[0]! : 0;
      for (let d = from; d < to; d++) drawn[d * teams + team] = countedDay[d] ? only : 0;
      return drawn[day * teams + team]!;
    }
    let s01 = state[0]!;
    let s00 = state[1]!;
    let s11 = state[2]!;
    let s10 = state[3]!;
    const threshold = this.threshold[team]!;
    for (let d = from; d < to; d++) {
      if (!countedDay[d]) {
        drawn[d * teams + team] = 0;
        continue;
      }
      // drawIndex (Lemire's multiply-and-reject) on the steps of pure-rand's next(), written out.
      let index = 0;
      for (;;) {
        const out = (s00 + s10) | 0;
        const a0 = s10 ^ s00;
        const a1 = s11 ^ s01;
        const t00 = s00;
        const t01 = s01;
        s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
        s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
        s10 = (a1 << 5) ^ (a0 >>> 27);
        s11 = (a0 << 5) ^ (a1 >>> 27);
        const m = (out >>> 0) * n;
        index = Math.floor(m * INVERSE_TWO_32);
        if (m - index * TWO_32 >= threshold) break;
      }
      drawn[d * teams + team] = samples[index]!;
    }
    state[0] = s01;
    state[1] = s00;
    state[2] = s11;
    state[3] = s10;
    return drawn[day * teams + team]!;
  }
}

/** The first counted day at or after each day (countedDay.length when none). */
export function nextCountedDays(countedDay: Uint8Array): Int32Array {
  const next = new Int32Array(countedDay.length + 1);
  next[countedDay.length] = countedDay.length;
  for (let d = countedDay.length - 1; d >= 0; d--) next[d] = countedDay[d] ? d : next[d + 1]!;
  return next;
}

/**
 * With the dependencies: day by day, each team spends its throughput on the first item of its
 * queue it may work on. An item may be worked on from the first counted day after its last provider
 * finished; until then the team passes over it (it "waited") and goes on down its queue. A passed-over
 * item that becomes workable goes into a small min-heap of queue places the team serves before
 * going further down its queue. A team with nothing workable draws nothing and is skipped until a
 * passed-over item of it becomes workable.
 */
export class RunWithDependencies {
  readonly finish: Int32Array;
  /** The dependency whose provider was the last to finish, −1 when none. */
  readonly binding: Int32Array;
  /** 1 when its team passed it over while it waited for a provider. */
  readonly waited: Uint8Array;
  private readonly remaining: Float64Array;
  private readonly pending: Int32Array;
  /**
   * Per item, the one number the walk down a queue reads: SKIP when finished or impossible, else
   * the first day it may be worked on (WAITING while a provider is unfinished).
   */
  private readonly gate: Int32Array;
  private readonly initialGate: Int32Array;
  /** The teams' queues one after the other: team t's are queueItems[queueStart[t] … queueStart[t + 1]). */
  private readonly queueItems: Int32Array;
  private readonly queueStart: Int32Array;
  /** Per item, its place in queueItems. */
  private readonly place: Int32Array;
  /** Per team, the place in queueItems of the first item it has not yet finished or passed over. */
  private readonly head: Int32Array;
  /** Per team, a min-heap of the places of passed-over items that became workable, at back[queueStart[t] …]. */
  private readonly back: Int32Array;
  private readonly backSize: Int32Array;
  private readonly active: Int32Array;
  private readonly isActive: Uint8Array;
  private readonly freed: Int32Array;
  private readonly open: number;

  constructor(private readonly plan: PlanStructure) {
    const { n, teams, queues } = plan;
    this.finish = new Int32Array(n);
    this.binding = new Int32Array(n);
    this.waited = new Uint8Array(n);
    this.remaining = new Float64Array(n);
    this.pending = new Int32Array(n);
    this.gate = new Int32Array(n);
    this.initialGate = Int32Array.from({ length: n }, (_, i) => (plan.done[i] || plan.impossible[i] ? SKIP : plan.initialPending[i]! > 0 ? WAITING : 0));
    this.queueStart = new Int32Array(teams + 1);
    for (let t = 0; t < teams; t++) this.queueStart[t + 1] = this.queueStart[t]! + queues[t]!.length;
    this.queueItems = new Int32Array(this.queueStart[teams]!);
    this.place = new Int32Array(n);
    for (let t = 0; t < teams; t++) {
      this.queueItems.set(queues[t]!, this.queueStart[t]!);
      queues[t]!.forEach((item, k) => (this.place[item] = this.queueStart[t]! + k));
    }
    this.head = new Int32Array(teams);
    this.back = new Int32Array(this.queueItems.length);
    this.backSize = new Int32Array(teams);
    this.active = new Int32Array(teams);
    this.isActive = new Uint8Array(teams);
    this.freed = new Int32Array(n);
    let open = 0;
    for (let i = 0; i < n; i++) if (!plan.done[i] && !plan.impossible[i]) open++;
    this.open = open;
  }

  run(countedDay: Uint8Array, next: Int32Array, draws: TrialDraws): void {
    const plan = this.plan;
    const { teamOf, consumersStart, consumersDep, depConsumer } = plan;
    const { finish, binding, waited, remaining, pending, gate, queueItems, queueStart, place, head, back, backSize, active, isActive, freed } = this;
    const teams = plan.teams;
    finish.set(plan.initialFinish);
    remaining.set(plan.size);
    pending.set(plan.initialPending);
    gate.set(this.initialGate);
    binding.fill(-1);
    waited.fill(0);
    head.set(queueStart.subarray(0, teams));
    backSize.fill(0);
    const maxDays = countedDay.length;
    const { drawn, drawnUpTo } = draws;
    let activeCount = 0;
    for (let t = 0; t < teams; t++) {
      isActive[t] = queueStart[t + 1]! > queueStart[t]! ? 1 : 0;
      if (isActive[t]) active[activeCount++] = t;
    }
    let open = this.open;
    let freedCount = 0;
    for (let day = next[0]!; day < maxDays && open > 0; day = next[day + 1]!) {
      for (let f = 0; f < freedCount; f++) {
        const item = freed[f]!;
        const t = teamOf[item]!;
        // Not yet reached: the team will come to it in order. Passed over: served before going on.
        if (place[item]! >= head[t]!) continue;
        heapPush(back, queueStart[t]!, backSize[t]!++, place[item]!);
        if (!isActive[t]) {
          isActive[t] = 1;
          active[activeCount++] = t;
        }
      }
      freedCount = 0;
      const dayRow = day * teams;
      for (let a = 0; a < activeCount; a++) {
        const t = active[a]!;
        let left = day < drawnUpTo[t]! ? drawn[dayRow + t]! : draws.draw(t, day);
        // Most team-days bring nothing (a day without a finish is the commonest sample): nothing
        // changes then, not even whether the team has anything workable.
        if (left === 0) continue;
        const base = queueStart[t]!;
        const end = queueStart[t + 1]!;
        while (left > 0) {
          let item: number;
          const fromBack = backSize[t]! > 0;
          if (fromBack) item = queueItems[back[base]!]!;
          else {
            let j = head[t]!;
            for (; j < end; j++) {
              const g = gate[queueItems[j]!]!;
              if (g === SKIP) continue;
              if (g > day) waited[queueItems[j]!] = 1;
              else break;
            }
            head[t] = j;
            if (j === end) break;
            item = queueItems[j]!;
          }
          const use = Math.min(left, remaining[item]!);
          remaining[item]! -= use;
          left -= use;
          if (remaining[item]! > EPSILON) break;
          finish[item] = day;
          gate[item] = SKIP;
          open--;
          if (fromBack) heapPop(back, base, backSize[t]!--);
          else head[t]!++;
          for (let e = consumersStart[item]!; e < consumersStart[item + 1]!; e++) {
            const dep = consumersDep[e]!;
            const consumer = depConsumer[dep]!;
            // A consumer done before the start (or never to be worked on) waits for nothing: freed,
            // it would be worked again from the back of its queue and counted finished twice.
            if (--pending[consumer]! === 0 && gate[consumer] !== SKIP) {
              binding[consumer] = dep;
              gate[consumer] = day + 1;
              freed[freedCount++] = consumer;
            }
          }
        }
        if (backSize[t] === 0 && head[t] === end) {
          // Nothing workable left: out of the day loop until a passed-over item of it is freed.
          isActive[t] = 0;
          active[a--] = active[--activeCount]!;
        }
      }
      if (activeCount === 0 && freedCount === 0) break;
    }
  }
}

/** Gate values: finished or never to be worked on, and waiting for a provider. */
const SKIP = -1;
const WAITING = 0x7fffffff;

function heapPush(heap: Int32Array, base: number, size: number, value: number): void {
  let k = size;
  while (k > 0) {
    const parent = (k - 1) >> 1;
    if (heap[base + parent]! <= value) break;
    heap[base + k] = heap[base + parent]!;
    k = parent;
  }
  heap[base + k] = value;
}

/** Removes the smallest of the heap's `size` values. */
function heapPop(heap: Int32Array, base: number, size: number): void {
  const last = heap[base + size - 1]!;
  const n = size - 1;
  let k = 0;
  for (;;) {
    let child = 2 * k + 1;
    if (child >= n) break;
    if (child + 1 < n && heap[base + child + 1]! < heap[base + child]!) child++;
    if (heap[base + child]! >= last) break;
    heap[base + k] = heap[base + child]!;
    k = child;
  }
  if (n > 0) heap[base + k] = last;
}
