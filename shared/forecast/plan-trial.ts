import { drawIndex, type RandomGenerator } from './monte-carlo';
import { NOT_FINISHED, type PlanStructure } from './plan-structure';

// One trial of a plan, run twice on the same draws: with its dependencies and without them.

const EPSILON = 1e-9;
/** Days drawn per call for a team that looks past what it has drawn. */
const DRAW_AHEAD = 8;

/**
 * Each team's throughput on each day of the current trial, drawn the first time either run asks
 * for it (in day order per team), so that both runs see the same days and a team with nothing left
 * to do draws nothing.
 */
export class TrialDraws {
  /** drawn[day * teams + team]: valid for days before drawnUpTo[team]. Day by day, so that a day's loop over the teams reads one short stretch. Read directly on the hot path. */
  readonly drawn: Int32Array;
  readonly drawnUpTo: Int32Array;
  readonly maxDays: number;

  constructor(
    private readonly samples: readonly Int32Array[],
    private readonly countedDay: Uint8Array,
    private readonly rng: RandomGenerator,
  ) {
    this.maxDays = countedDay.length;
    this.drawn = new Int32Array(samples.length * countedDay.length);
    this.drawnUpTo = new Int32Array(samples.length);
  }

  nextTrial(): void {
    this.drawnUpTo.fill(0);
  }

  /**
   * Draws the team's days up to `day` and a few beyond (uncounted days get 0), and returns that
   * day's throughput. Drawing ahead in one tight loop costs less than one call per day; the days
   * drawn ahead are the team's next days whichever run asks for them.
   */
  draw(team: number, day: number): number {
    const { drawn, countedDay, rng, maxDays } = this;
    const teams = this.samples.length;
    const samples = this.samples[team]!;
    const n = samples.length;
    const to = Math.min(maxDays, day + DRAW_AHEAD);
    for (let d = this.drawnUpTo[team]!; d < to; d++) drawn[d * teams + team] = countedDay[d] && n > 0 ? samples[n === 1 ? 0 : drawIndex(rng, n)]! : 0;
    this.drawnUpTo[team] = to;
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

/** Every dependency ignored: each team simply works down its queue, one team after the other. */
export class RunWithoutDependencies {
  readonly finish: Int32Array;
  private readonly remaining: Float64Array;

  constructor(private readonly plan: PlanStructure) {
    this.finish = new Int32Array(plan.n);
    this.remaining = new Float64Array(plan.n);
  }

  run(countedDay: Uint8Array, next: Int32Array, draws: TrialDraws): void {
    const { queues, impossibleIgnoringDeps } = this.plan;
    const { finish, remaining } = this;
    finish.set(this.plan.initialFinish);
    remaining.set(this.plan.size);
    const maxDays = countedDay.length;
    const { drawn, drawnUpTo } = draws;
    const teams = queues.length;
    for (let t = 0; t < teams; t++) {
      const queue = queues[t]!;
      let day = -1;
      let left = 0;
      for (let k = 0; k < queue.length; k++) {
        const item = queue[k]!;
        if (finish[item] !== NOT_FINISHED || impossibleIgnoringDeps[item]) continue;
        for (;;) {
          if (left > 0) {
            const use = Math.min(left, remaining[item]!);
            remaining[item]! -= use;
            left -= use;
            if (remaining[item]! <= EPSILON) {
              finish[item] = day;
              break;
            }
          }
          day = next[day + 1]!;
          if (day >= maxDays) break;
          left = day < drawnUpTo[t]! ? drawn[day * teams + t]! : draws.draw(t, day);
        }
        if (day >= maxDays) break;
      }
    }
  }
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
  private readonly workableFrom: Int32Array;
  private readonly head: Int32Array;
  private readonly back: Int32Array;
  private readonly backBase: Int32Array;
  private readonly backSize: Int32Array;
  private readonly active: Int32Array;
  private readonly isActive: Uint8Array;
  private readonly freed: Int32Array;
  private readonly open: number;

  constructor(private readonly plan: PlanStructure) {
    const { n, teams } = plan;
    this.finish = new Int32Array(n);
    this.binding = new Int32Array(n);
    this.waited = new Uint8Array(n);
    this.remaining = new Float64Array(n);
    this.pending = new Int32Array(n);
    this.workableFrom = new Int32Array(n);
    this.head = new Int32Array(teams);
    this.back = new Int32Array(n);
    this.backBase = new Int32Array(teams);
    for (let t = 1; t < teams; t++) this.backBase[t] = this.backBase[t - 1]! + plan.queues[t - 1]!.length;
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
    const { queues, teamOf, position, consumersStart, consumersDep, depConsumer, impossible } = plan;
    const { finish, binding, waited, remaining, pending, workableFrom, head, back, backBase, backSize, active, isActive, freed } = this;
    finish.set(plan.initialFinish);
    remaining.set(plan.size);
    pending.set(plan.initialPending);
    workableFrom.fill(0);
    binding.fill(-1);
    waited.fill(0);
    head.fill(0);
    backSize.fill(0);
    const maxDays = countedDay.length;
    const { drawn, drawnUpTo } = draws;
    let activeCount = 0;
    for (let t = 0; t < queues.length; t++) {
      isActive[t] = queues[t]!.length > 0 ? 1 : 0;
      if (isActive[t]) active[activeCount++] = t;
    }
    let open = this.open;
    let freedCount = 0;
    for (let day = next[0]!; day < maxDays && open > 0; day = next[day + 1]!) {
      for (let f = 0; f < freedCount; f++) {
        const item = freed[f]!;
        const t = teamOf[item]!;
        // Not yet reached: the team will come to it in order. Passed over: served before going on.
        if (position[item]! >= head[t]!) continue;
        heapPush(back, backBase[t]!, backSize[t]!++, position[item]!);
        if (!isActive[t]) {
          isActive[t] = 1;
          active[activeCount++] = t;
        }
      }
      freedCount = 0;
      const dayRow = day * queues.length;
      for (let a = 0; a < activeCount; a++) {
        const t = active[a]!;
        let left = day < drawnUpTo[t]! ? drawn[dayRow + t]! : draws.draw(t, day);
        const queue = queues[t]!;
        const base = backBase[t]!;
        while (left > 0) {
          let item: number;
          const fromBack = backSize[t]! > 0;
          if (fromBack) item = queue[back[base]!]!;
          else {
            let j = head[t]!;
            for (; j < queue.length; j++) {
              const candidate = queue[j]!;
              if (finish[candidate] !== NOT_FINISHED || impossible[candidate]) continue;
              if (pending[candidate]! > 0 || workableFrom[candidate]! > day) waited[candidate] = 1;
              else break;
            }
            head[t] = j;
            if (j === queue.length) break;
            item = queue[j]!;
          }
          const use = Math.min(left, remaining[item]!);
          remaining[item]! -= use;
          left -= use;
          if (remaining[item]! > EPSILON) break;
          finish[item] = day;
          open--;
          if (fromBack) heapPop(back, base, backSize[t]!--);
          else head[t]!++;
          for (let e = consumersStart[item]!; e < consumersStart[item + 1]!; e++) {
            const dep = consumersDep[e]!;
            const consumer = depConsumer[dep]!;
            if (--pending[consumer]! === 0) {
              binding[consumer] = dep;
              workableFrom[consumer] = day + 1;
              freed[freedCount++] = consumer;
            }
          }
        }
        if (backSize[t] === 0 && head[t] === queue.length) {
          // Nothing workable left: out of the day loop until a passed-over item of it is freed.
          isActive[t] = 0;
          active[a--] = active[--activeCount]!;
        }
      }
      if (activeCount === 0 && freedCount === 0) break;
    }
  }
}

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
